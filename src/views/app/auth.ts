// Keeps the session signal in step with the server: checked once on start, dropped on 401,
// office cleared on 403 'office-login-required' so the next screen asks for it again.
import { ApiFailure, fetchSession, logout, logoutEverywhere, onAuthProblem } from '../../api/client';
import { clearCachedLists } from '../../db/cache';
import { redirect } from './router';
import { to } from './routes';
import { clearSession, session, setSession } from './session';

export async function checkSession(): Promise<void> {
  try {
    setSession(await fetchSession());
  } catch (error) {
    // offline or server down: keep the last known session so the app opens offline
    if (!(error instanceof ApiFailure)) console.error(error);
  }
}

export function watchAuthProblems(): void {
  onAuthProblem((failure) => {
    const current = session.peek();
    if (!current) return;
    if (failure.loginNeeded === 'office') setSession({ ...current, office: null });
    else clearSession();
  });
}

export async function logoutAndLeave(): Promise<void> {
  try {
    await logout();
  } catch {
    // offline: the server session expires by itself; locally we forget it now
  }
  await leave();
}

/** Ends the person's sessions on every device (a lost or shared tablet). Needs the server. */
export async function logoutEverywhereAndLeave(): Promise<void> {
  await logoutEverywhere();
  await leave();
}

async function leave(): Promise<void> {
  clearSession();
  // the next person on a shared tablet must not see this office's lists
  await clearCachedLists().catch((error: unknown) => console.error(error));
  redirect(to.login());
}
