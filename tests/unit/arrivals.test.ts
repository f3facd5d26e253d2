// New arrivals are announced once, only to a person who turned notifications on, and only while
// the app is not on screen; the icon badge follows the unread count (src/db/arrivals.ts, used by
// the page and by the service worker's periodic sync).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { announceArrivals, checkArrivalsForDevice, setIconBadge } from '../../src/db/arrivals';
import { updatePrefs } from '../../src/db/prefs';
import type { SessionInfo } from '../../src/domain/contract';
import { freshDatabase, signIn } from '../support/db';

beforeEach(freshDatabase);

const OWNER = { userId: 'hh01', office: '3310000017' };
const counts = (newestUnreadAt: string | null, unread = 1) => ({ unread, expiringReceived: 0, expiringSent: 0, newestUnreadAt });

describe('announceArrivals', () => {
  it('stays quiet until notifications are turned on, and never repeats an arrival', async () => {
    const shown: string[] = [];
    const show = async (title: string, options: NotificationOptions) => void shown.push(`${title}: ${options.body}`);
    expect(await announceArrivals(OWNER, counts('2025-04-01T00:00:00.000Z'), false, show)).toBe(false);
    await updatePrefs(OWNER, (p) => ({ ...p, notify: true }));
    // the arrival seen before the switch is not news
    expect(await announceArrivals(OWNER, counts('2025-04-01T00:00:00.000Z'), false, show)).toBe(false);
    expect(await announceArrivals(OWNER, counts('2025-04-02T00:00:00.000Z', 2), false, show)).toBe(true);
    expect(await announceArrivals(OWNER, counts('2025-04-02T00:00:00.000Z', 2), false, show)).toBe(false);
    // on screen, the badge says it: the arrival is taken as seen
    expect(await announceArrivals(OWNER, counts('2025-04-03T00:00:00.000Z', 3), true, show)).toBe(false);
    expect(await announceArrivals(OWNER, counts('2025-04-03T00:00:00.000Z', 3), false, show)).toBe(false);
    expect(await announceArrivals(OWNER, counts(null, 0), false, show)).toBe(false);
    expect(shown).toEqual(['新しいデータが届きました: ダウンロードしていない受信メッセージが 2 件あります(受信一覧)']);
    // another person on the same tablet has their own switch
    expect(await announceArrivals({ userId: 'hh02', office: '3310000017' }, counts('2025-04-04T00:00:00.000Z'), false, show)).toBe(false);
  });

  it('sets and clears the icon badge where the browser has one', async () => {
    const calls: string[] = [];
    const nav = { setAppBadge: async (n?: number) => void calls.push(`set ${n}`), clearAppBadge: async () => void calls.push('clear') };
    await setIconBadge(nav, 3);
    await setIconBadge(nav, 0);
    await setIconBadge({}, 2);
    await setIconBadge({ setAppBadge: async () => Promise.reject(new Error('not installed')) }, 1);
    expect(calls).toEqual(['set 3', 'clear']);
  });
});

describe('the service worker’s periodic check', () => {
  const relaySession = (userId: string, office: string): SessionInfo => ({ user: { id: userId, name: userId }, office: { number: office, name: '事業所', kind: '訪問介護' } });

  /** A closed app's service worker: what it showed and badged, with the relay answering `session`. */
  async function check(session: SessionInfo | null) {
    const shown: string[] = [];
    const badges: number[] = [];
    await checkArrivalsForDevice({
      api: { fetchSession: async () => session, fetchCounts: async () => counts('2025-04-02T00:00:00.000Z', 2) },
      badge: { setAppBadge: async (n?: number) => void badges.push(n ?? 0), clearAppBadge: async () => void badges.push(0) },
      onScreen: async () => false,
      show: async (title) => void shown.push(title),
    });
    return { shown, badges };
  }

  it('announces to the person signed in on this device, whom the relay’s session names too', async () => {
    await updatePrefs(OWNER, (p) => ({ ...p, notify: true, notifiedUpTo: '2025-04-01T00:00:00.000Z' }));
    await signIn(OWNER);
    expect(await check(relaySession(OWNER.userId, OWNER.office))).toEqual({ shown: ['新しいデータが届きました'], badges: [2] });
  });

  it('says nothing after a logout on this device, even while the relay still holds that session', async () => {
    await updatePrefs(OWNER, (p) => ({ ...p, notify: true, notifiedUpTo: '2025-04-01T00:00:00.000Z' }));
    await signIn(null);
    expect(await check(relaySession(OWNER.userId, OWNER.office))).toEqual({ shown: [], badges: [] });
    // another person signed in here since: the old session's arrivals are not theirs to hear about
    await signIn({ userId: 'hh02', office: OWNER.office });
    expect(await check(relaySession(OWNER.userId, OWNER.office))).toEqual({ shown: [], badges: [] });
  });
});
