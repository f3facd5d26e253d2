// Keeps the session signal in step with the server: checked once on start, dropped on 401,
// office cleared on 403 'office-login-required' so the next screen asks for it again. A logout is
// final on this device at once, online or not; the relay hears of it when it can
// (src/outbox/pending-logout.ts).
import { ApiFailure, fetchSession, logoutEverywhere, onAuthProblem } from '../../api/client-core';
import { clearCachedLists } from '../../db/cache';
import { currentOwner } from '../../db/owner';
import { recordSignedIn } from '../../db/sign-in';
import { notifyOutboxChanged } from '../../outbox/channel';
import { hasPendingLogout, sendPendingLogout, signOutDevice } from '../../outbox/pending-logout';
import { requestFlush } from '../../outbox/triggers';
import { announceCarriedOver } from './carried-over';
import { redirect } from './router';
import { to } from './routes';
import { clearSession, session, SESSION_ENDED, sessionEndedNote, setSession, signedInOf } from './session';

/**
 * Asks the relay whether the session this device remembers still holds. With none remembered the
 * login screen needs no answer: not asking keeps a first visit free of a 401 in the console.
 */
export async function checkSession(): Promise<void> {
  try {
    if (await hasPendingLogout()) {
      // logged out while offline: never brought back by the old cookie
      await clearSession();
      if ((await sendPendingLogout()) !== 'sent') return;
    } else if (session.peek()) {
      await recordSignedIn(signedInOf(session.peek()));
    }
    // nobody signed in on this device: the login screen needs no answer from the relay
    if (!session.peek()) return;
    const current = await fetchSession();
    if (!current) sessionEndedNote.value = SESSION_ENDED;
    await setSession(current);
  } catch (error) {
    // offline or server down: keep the last known session so the app opens offline
    if (!(error instanceof ApiFailure)) console.error(error);
  } finally {
    // a start after an update adopts what the older version kept (src/db/owner.ts)
    announceCarriedOver();
  }
}

export function watchAuthProblems(): void {
  onAuthProblem((failure) => {
    const current = session.peek();
    if (!current) return;
    if (failure.loginNeeded === 'office') void setSession({ ...current, office: null });
    else {
      sessionEndedNote.value = SESSION_ENDED;
      void clearSession();
    }
  });
  // the network is back: a logout made offline reaches the relay now
  window.addEventListener('online', () => void sendPendingLogout().catch(() => undefined));
}

/** How long a logout waits for the relay before the screen moves on (the device is signed out already). */
const LOGOUT_WAIT_MS = 3_000;

/** Sends the owed logout now if the relay answers soon; else it goes on 'online', at the next start or from the service worker. */
async function tellRelay(): Promise<void> {
  const timeout = new Promise<'waiting'>((done) => setTimeout(() => done('waiting'), LOGOUT_WAIT_MS));
  const told = await Promise.race([sendPendingLogout().catch(() => 'waiting' as const), timeout]);
  if (told === 'waiting') requestFlush();
}

export async function logoutAndLeave(): Promise<void> {
  const sessionId = session.peek()?.sessionId ?? null;
  const owner = await currentOwner();
  // first, and offline too: from here on nobody's records are shown or sent on this device
  await signOutDevice(sessionId);
  await tellRelay();
  await clearSession();
  if (owner) await clearCachedLists(owner).catch((error: unknown) => console.error(error));
  redirect(to.login());
}

/** Ends the person's sessions on every device (a lost or shared tablet). Needs the server. */
export async function logoutEverywhereAndLeave(): Promise<void> {
  const owner = await currentOwner();
  await logoutEverywhere();
  await clearSession();
  if (owner) await clearCachedLists(owner).catch((error: unknown) => console.error(error));
  redirect(to.login());
}

/** この端末のデータを消去: everyone's records on this device, and the login here. */
export async function eraseThisDevice(): Promise<void> {
  await signOutDevice(session.peek()?.sessionId ?? null);
  // loaded with the question that leads here (src/views/top/EraseDeviceDialog.tsx): the first screen never needs it
  const { eraseDeviceData } = await import('../../db/erase');
  await eraseDeviceData();
  await tellRelay();
  await clearSession();
  notifyOutboxChanged();
  redirect(to.login());
}
