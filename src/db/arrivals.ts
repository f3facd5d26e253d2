// New arrivals, announced once: the page (while open) and the service worker (Periodic
// Background Sync) both pass the relay's counts here. The app icon's badge shows the unread
// count; a system notification is shown only when the person turned notifications on, only
// for an arrival newer than the last one announced, and only when the app is not on screen.
import type { CountsResponse, SessionInfo } from '../domain/contract';
import { currentOwner, type Owner } from './owner';
import { readPrefs, updatePrefs } from './prefs';

export const NOTIFICATION_TAG = 'renkei-unread';
/** Periodic Background Sync's tag: the page registers it, the service worker answers it */
export const PERIODIC_SYNC_TAG = 'renkei-counts';
export const RECEIVED_URL = '/#/received';

type Show = (title: string, options: NotificationOptions) => Promise<void>;
export type BadgeNavigator = { setAppBadge?: (n?: number) => Promise<void>; clearAppBadge?: () => Promise<void> };

/** The installed app's icon badge (Badging API), where the browser has it. */
export async function setIconBadge(nav: BadgeNavigator, unread: number): Promise<void> {
  try {
    if (unread > 0) await nav.setAppBadge?.(unread);
    else await nav.clearAppBadge?.();
  } catch {
    // not installed, or refused: the badge in the menu still shows it
  }
}

export async function announceArrivals(owner: Owner, counts: CountsResponse, onScreen: boolean, show: Show): Promise<boolean> {
  const newest = counts.newestUnreadAt;
  const prefs = await readPrefs(owner);
  if (!newest || (prefs.notifiedUpTo !== undefined && newest <= prefs.notifiedUpTo)) return false;
  await updatePrefs(owner, (p) => ({ ...p, notifiedUpTo: newest }));
  if (!prefs.notify || onScreen) return false;
  await show('新しいデータが届きました', {
    body: `ダウンロードしていない受信メッセージが ${counts.unread} 件あります(受信一覧)`,
    tag: NOTIFICATION_TAG,
    icon: '/icons/icon-192.png',
    data: { url: RECEIVED_URL },
  });
  return true;
}

export interface DeviceCheck {
  api: { fetchSession(): Promise<SessionInfo | null>; fetchCounts(): Promise<CountsResponse> };
  badge: BadgeNavigator;
  onScreen(): Promise<boolean>;
  show: Show;
}

/**
 * The service worker's check while the app is closed. The relay's session and this device's
 * sign-in must both name the person and office: a logout made offline is final here even while
 * the relay still holds that session (its logout is owed until the network is back).
 */
export async function checkArrivalsForDevice(check: DeviceCheck): Promise<void> {
  const device = await currentOwner();
  if (!device) return;
  const who = await check.api.fetchSession().catch(() => null);
  if (!who?.office || who.user.id !== device.userId || who.office.number !== device.office) return;
  const counts = await check.api.fetchCounts();
  await setIconBadge(check.badge, counts.unread);
  await announceArrivals(device, counts, await check.onScreen(), check.show);
}
