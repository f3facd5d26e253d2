// The logged-in person and office. The last session is kept in localStorage so the app can
// open offline (the outbox and the cached lists still work); the server stays the authority.
// Who owns the records shown and sent is kept beside it in IndexedDB (src/db/owner.ts), where the
// service worker reads it too: every change here is recorded there.
import { signal } from '@preact/signals';
import { recordSignedIn, type SignedIn } from '../../db/owner';
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

export const signedInOf = (info: SessionInfo | null): SignedIn | null => (info ? { userId: info.user.id, office: info.office?.number ?? null } : null);

/** Resolves once IndexedDB agrees (what the device may show and send follows it). */
export function setSession(next: SessionInfo | null): Promise<void> {
  session.value = next;
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
