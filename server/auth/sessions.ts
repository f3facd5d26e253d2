// Session cookies: a random token in the cookie, its SHA-256 in the database. A new token is
// issued at every login, at the 事業所ユーザログイン and at a password change.
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../context';
import { isHttps } from '../context';
import { sha256Hex } from '../digest';
import type { SessionRecord } from '../db/types';
import { HttpError, MESSAGES, unauthorized } from '../errors';

export const SESSION_COOKIE = 'renkei_session';

export const hashToken = (token: string) => sha256Hex(token);

/** What the client may know of its session to name it later (not the secret, nor enough to find it). */
export const sessionIdOf = (session: Pick<SessionRecord, 'tokenHash'>) => session.tokenHash.slice(0, 16);

export interface IssuedSession {
  record: SessionRecord;
  token: string;
}

/** A fresh token for `userId`, with the office when given; not stored yet. */
export function newSession(deps: AppDeps, userId: string, office: { officeNumber: string; officeUserId: string } | null = null): IssuedSession {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  const expires = new Date(now.getTime() + deps.config.sessionHours * 3_600_000);
  return {
    token,
    record: {
      tokenHash: hashToken(token),
      userId,
      officeNumber: office?.officeNumber ?? null,
      officeUserId: office?.officeUserId ?? null,
      createdAt: now.toISOString(),
      expiresAt: expires.toISOString(),
    },
  };
}

export function setSessionCookie(c: Context<AppEnv>, deps: AppDeps, issued: IssuedSession): void {
  setCookie(c, SESSION_COOKIE, issued.token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c, deps.config.trustProxy),
    expires: new Date(issued.record.expiresAt),
  });
}

export async function endSession(c: Context<AppEnv>, deps: AppDeps): Promise<void> {
  const session = c.get('session');
  if (session) await deps.store.sessions.delete(session.tokenHash);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Loads the session named by the cookie (null when absent, unknown or expired). */
export function loadSession(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length <= 128) {
      const session = await deps.store.sessions.get(hashToken(token));
      if (session && session.expiresAt > deps.now().toISOString()) c.set('session', session);
      else if (session) await deps.store.sessions.delete(session.tokenHash);
    }
    await next();
  };
}

export function requirePerson(c: Context<AppEnv>): SessionRecord {
  const session = c.get('session');
  if (!session) throw unauthorized();
  return session;
}

export function requireOffice(c: Context<AppEnv>): SessionRecord & { officeNumber: string } {
  const session = requirePerson(c);
  if (!session.officeNumber) throw new HttpError(403, 'office-login-required', MESSAGES.officeLoginRequired);
  return session as SessionRecord & { officeNumber: string };
}
