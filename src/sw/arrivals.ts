// In the service worker: Periodic Background Sync (installed Chromium apps) asks the relay for the
// counts while the app is closed, sets the icon badge and announces new arrivals to the person
// signed in on this device (src/db/arrivals.ts). A click on the notification opens 受信一覧.
import { fetchCounts, fetchSession } from '../api/client-core';
import { checkArrivalsForDevice, PERIODIC_SYNC_TAG, RECEIVED_URL, type BadgeNavigator } from '../db/arrivals';

interface PeriodicSyncEvent extends ExtendableEvent {
  tag: string;
}

export async function checkArrivals(scope: ServiceWorkerGlobalScope): Promise<void> {
  await checkArrivalsForDevice({
    api: { fetchSession, fetchCounts },
    badge: scope.navigator as unknown as BadgeNavigator,
    onScreen: async () => (await scope.clients.matchAll({ type: 'window' })).some((w) => w.visibilityState === 'visible' && w.focused),
    show: (title, options) => scope.registration.showNotification(title, options),
  });
}

export function listenForArrivals(scope: ServiceWorkerGlobalScope): void {
  scope.addEventListener('periodicsync', (event) => {
    const sync = event as PeriodicSyncEvent;
    if (sync.tag !== PERIODIC_SYNC_TAG) return;
    sync.waitUntil(checkArrivals(scope).catch(() => undefined));
  });
  scope.addEventListener('notificationclick', (event) => {
    event.notification.close();
    event.waitUntil(openReceived(scope));
  });
}

async function openReceived(scope: ServiceWorkerGlobalScope): Promise<void> {
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows[0];
  if (open) {
    await open.focus();
    await open.navigate(new URL(RECEIVED_URL, scope.location.origin).href).catch(() => undefined);
    return;
  }
  await scope.clients.openWindow(RECEIVED_URL);
}
