// The logged-in person and office. The last session is kept in localStorage so the app can
// open offline (the outbox and the cached lists still work); the server stays the authority.
// Who owns the records shown and sent is kept beside it in IndexedDB (src/db/owner.ts), where the
// service worker reads it too: every change here is recorded there.
import { signal } from '@preact/signals';
import type { SignedIn } from '../../db/owner';
import { recordSignedIn } from '../../db/sign-in';
import { sessionInfoAnswer } from '../../domain/answers';
import type { SessionInfo } from '../../domain/contract';

const STORAGE_KEY = 'renkei.session';

function readStored(): SessionInfo | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = sessionInfoAnswer.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const session = signal<SessionInfo | null>(readStored());

/**
 * Why ログイン shows, when the relay ended the session rather than the person's own logout (a
 * 12-hour session run out overnight, すべての端末のログインを解除 elsewhere): said on the login
 * screen, gone with the next login.
 */
export const sessionEndedNote = signal<string | null>(null);
export const SESSION_ENDED = 'ログインが切れました(有効期限が過ぎたか、ほかの端末で解除されました)。もう一度ログインしてください。下書きと送信待ちはこの端末に残っています';

export const signedInOf = (info: SessionInfo | null): SignedIn | null => (info ? { userId: info.user.id, office: info.office?.number ?? null } : null);

/** Resolves once IndexedDB agrees (what the device may show and send follows it). */
export function setSession(next: SessionInfo | null): Promise<void> {
  session.value = next;
  if (next) sessionEndedNote.value = null;
  try {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // private mode or full storage: the session still lives in memory
  }
  return recordSignedIn(signedInOf(next)).catch((error: unknown) => console.error('ログイン状態を保存できませんでした', error));
}

export function clearSession(): Promise<void> {
  return setSession(null);
}

/** Another tab logged in or out: this one follows (its records are already the new owner's). */
export function followOtherTabs(): void {
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) session.value = readStored();
  });
}
