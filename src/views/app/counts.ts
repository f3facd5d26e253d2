// 未 counts for the menu's badge and トップ, asked of the relay's cheap counts endpoint on start,
// when the app comes back into view, about every minute and after a download; the icon badge
// and new-arrival notifications follow them (src/db/arrivals.ts). Where the browser has Periodic
// Background Sync, the service worker also asks while the app is closed (src/sw/arrivals.ts).
import { effect, signal } from '@preact/signals';
import { fetchCounts } from '../../api/client-core';
import { announceArrivals, PERIODIC_SYNC_TAG, setIconBadge } from '../../db/arrivals';
import type { CountsResponse } from '../../domain/contract';
import { online } from './online';
import { ownerId, sessionOwner } from './owner';

export const counts = signal<CountsResponse | null>(null);

export const COUNTS_INTERVAL_MS = 60_000;

let asking: Promise<void> | null = null;

export function refreshCounts(): void {
  const owner = sessionOwner();
  if (!owner || !online.peek()) return;
  asking ??= (async () => {
    try {
      const answer = await fetchCounts();
      // the person or office may have changed while it was asked
      if (ownerId(sessionOwner()) !== ownerId(owner)) return;
      counts.value = answer;
      await setIconBadge(navigator, answer.unread);
      await announceArrivals(owner, answer, document.visibilityState === 'visible' && document.hasFocus(), showNotification);
    } catch {
      // offline or logged out: the last counts stay until the next answer
    } finally {
      asking = null;
    }
  })();
}

async function showNotification(title: string, options: NotificationOptions): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  if (registration) await registration.showNotification(title, options);
  else new Notification(title, options);
}

let started = false;

export function startCountsWatch(): void {
  if (started) return;
  started = true;
  window.addEventListener('focus', refreshCounts);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refreshCounts();
  });
  window.setInterval(refreshCounts, COUNTS_INTERVAL_MS);
  // a new login (or office) asks at once; a logout forgets the last office's counts
  let last = '';
  effect(() => {
    const id = ownerId(sessionOwner());
    const isOnline = online.value;
    if (id !== last) {
      last = id;
      counts.value = null;
      if (!id) void setIconBadge(navigator, 0);
    }
    if (id && isOnline) refreshCounts();
  });
  void registerPeriodicSync();
}

/** Asks the service worker to check for arrivals while the app is closed (installed Chromium apps). */
async function registerPeriodicSync(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.ready) as ServiceWorkerRegistration & {
      periodicSync?: { register(tag: string, options: { minInterval: number }): Promise<void> };
    };
    if (!registration?.periodicSync) return;
    const permission = await navigator.permissions.query({ name: 'periodic-background-sync' as PermissionName });
    if (permission.state === 'granted') await registration.periodicSync.register(PERIODIC_SYNC_TAG, { minInterval: 15 * 60_000 });
  } catch {
    // not offered (not installed, another browser): the page's own checks remain
  }
}
