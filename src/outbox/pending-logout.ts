// A logout is final on the device at once, online or not (src/views/app/auth.ts): nobody is
// signed in any more and the relay is owed a logout. It is sent from here as soon as the network
// is back, by the page (on start and on 'online') and by the service worker's flush (Background
// Sync), naming the session it ends so that a newer login on this browser is never ended by it.
import { API } from '../domain/api';
import { okAnswer } from '../domain/answers';
import { openRenkeiDb } from '../db/db';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../db/schema';
import { request, type FetchLike } from '../api/request';

async function change(update: (settings: Settings) => Settings | null): Promise<void> {
  const tx = (await openRenkeiDb()).transaction('settings', 'readwrite');
  const next = update((await tx.store.get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS);
  if (next) await tx.store.put(next, SETTINGS_KEY);
  await tx.done;
}

/** Signs the device out now (nobody's records are shown or sent) and owes the relay the logout of `session`. */
export async function signOutDevice(session: string | null): Promise<void> {
  await change((settings) => ({ ...settings, signedIn: null, pendingLogout: settings.pendingLogout ?? { session } }));
}

/** A new login replaced the browser's old session on the relay: no logout is owed any more. */
export async function forgetPendingLogout(): Promise<void> {
  await change((settings) => (settings.pendingLogout ? { ...settings, pendingLogout: null } : null));
}

export async function hasPendingLogout(): Promise<boolean> {
  return ((await (await openRenkeiDb()).get('settings', SETTINGS_KEY)) ?? DEFAULT_SETTINGS).pendingLogout !== null;
}

/** 'sent': the relay ended it; 'none': nothing was owed; 'waiting': the relay could not be reached yet. */
export async function sendPendingLogout(fetchImpl?: FetchLike): Promise<'sent' | 'none' | 'waiting'> {
  const owed = ((await (await openRenkeiDb()).get('settings', SETTINGS_KEY)) ?? DEFAULT_SETTINGS).pendingLogout;
  if (!owed) return 'none';
  const result = await request(API.logout, {
    method: 'POST',
    body: owed.session ? { session: owed.session } : {},
    answer: okAnswer,
    ...(fetchImpl ? { fetchImpl } : {}),
  });
  if (!result.ok) return 'waiting';
  // only the logout that was sent: one queued meanwhile stays owed
  await change((settings) => (settings.pendingLogout?.session === owed.session ? { ...settings, pendingLogout: null } : null));
  return 'sent';
}
