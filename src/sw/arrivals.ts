// In the service worker: Periodic Background Sync (installed Chromium apps) asks the relay for the
// counts while the app is closed, sets the icon badge and announces new arrivals to whoever is
// logged in (the relay's session says who; their own notification choice decides). A click on
// the notification opens 受信一覧.
import { fetchCounts, fetchSession } from '../api/client';
import { announceArrivals, RECEIVED_URL, setIconBadge } from '../db/arrivals';

export const PERIODIC_SYNC_TAG = 'renkei-counts';

interface PeriodicSyncEvent extends ExtendableEvent {
  tag: string;
}

export async function checkArrivals(scope: ServiceWorkerGlobalScope): Promise<void> {
  const who = await fetchSession().catch(() => null);
  if (!who?.office) return;
  const counts = await fetchCounts();
  await setIconBadge(scope.navigator as unknown as Parameters<typeof setIconBadge>[0], counts.unread);
  const windows = await scope.clients.matchAll({ type: 'window' });
  const onScreen = windows.some((w) => w.visibilityState === 'visible' && w.focused);
  await announceArrivals({ userId: who.user.id, office: who.office.number }, counts, onScreen, (title, options) =>
    scope.registration.showNotification(title, options),
  );
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
