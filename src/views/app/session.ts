// The logged-in person and office. The last session is kept in localStorage so the app can
// open offline (the outbox and the cached lists still work); the server stays the authority.
import { signal } from '@preact/signals';
import { sessionInfoSchema, type SessionInfo } from '../../domain/contract';

const STORAGE_KEY = 'renkei.session';

function readStored(): SessionInfo | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = sessionInfoSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const session = signal<SessionInfo | null>(readStored());

export function setSession(next: SessionInfo | null): void {
  session.value = next;
  try {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // private mode or full storage: the session still lives in memory
  }
}

export function clearSession(): void {
  setSession(null);
}
