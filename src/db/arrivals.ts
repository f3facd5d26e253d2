// New arrivals, announced once: the page (while open) and the service worker (Periodic
// Background Sync) both pass the relay's counts here. The app icon's badge shows the unread
// count; a system notification is shown only when the person turned notifications on, only
// for an arrival newer than the last one announced, and only when the app is not on screen.
import type { CountsResponse } from '../domain/contract';
import type { Owner } from './cache';
import { readPrefs, updatePrefs } from './prefs';

export const NOTIFICATION_TAG = 'renkei-unread';
export const RECEIVED_URL = '/#/received';

type Show = (title: string, options: NotificationOptions) => Promise<void>;

/** The installed app's icon badge (Badging API), where the browser has it. */
export async function setIconBadge(nav: { setAppBadge?: (n?: number) => Promise<void>; clearAppBadge?: () => Promise<void> }, unread: number): Promise<void> {
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
