// Person login, office user login, logout and the session probe.
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  loginRequestSchema,
  officeLoginRequestSchema,
  type LogoutEverywhereResponse,
  type LogoutResponse,
  type SessionInfo,
} from '../../src/domain/contract';
import { verifyAgainstDummy, verifyPassword } from '../auth/passwords';
import { endSession, requirePerson, startSession } from '../auth/sessions';
import { ACCOUNT_RULE, ADDRESS_RULE, throttledMessage } from '../auth/throttle';
import { clientAddress, type AppDeps, type AppEnv } from '../context';
import type { SessionRecord } from '../db/types';
import { HttpError, MESSAGES } from '../errors';
import { jsonBody } from '../validate';

const badCredentials = () => new HttpError(401, 'bad-credentials', MESSAGES.badCredentials);

/**
 * How the audit log names a login attempt. An ID that is no one's is often a password typed into
 * the wrong field, so it is kept only as a short hash: repeated tries still line up, the text does not.
 */
export function auditActor(userId: string, known: boolean): string {
  return known ? userId : `unknown:${createHash('sha256').update(userId).digest('hex').slice(0, 12)}`;
}

export function authRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, throttle } = deps;

  /** Refuses while throttled, runs the check, and counts a failure. */
  async function guarded(c: Context<AppEnv>, account: string, who: { actor: string; target?: string }, check: () => Promise<boolean>): Promise<boolean> {
    const address = clientAddress(c, deps.config.trustProxy);
    const keys = [
      { key: `account:${account}`, rule: ACCOUNT_RULE },
      { key: `address:${address}`, rule: ADDRESS_RULE },
    ];
    const wait = throttle.waitMs(keys);
    if (wait > 0) {
      await store.audit.add({ action: 'login-throttled', ...who, address });
      throw new HttpError(429, 'throttled', throttledMessage(wait));
    }
    const ok = await check();
    if (ok) throttle.succeed(`account:${account}`);
    else throttle.fail(keys);
    return ok;
  }

  async function sessionInfo(session: SessionRecord): Promise<SessionInfo> {
    const person = await store.people.get(session.userId);
    const office = session.officeNumber ? await store.offices.get(session.officeNumber) : null;
    return { user: { id: session.userId, name: person?.name ?? session.userId }, office };
  }

  app.post('/auth/login', async (c) => {
    const { userId, password } = await jsonBody(c, loginRequestSchema);
    const address = clientAddress(c, deps.config.trustProxy);
    const person = await store.people.get(userId);
    const actor = auditActor(userId, person !== null);
    const ok = await guarded(c, `person:${userId}`, { actor }, () =>
      person ? verifyPassword(password, person.passwordHash) : verifyAgainstDummy(password),
    );
    if (!ok) {
      await store.audit.add({ action: 'login-failed', actor, address });
      throw badCredentials();
    }
    // a login replaces whatever session this browser had (the new cookie overwrites the old)
    const previous = c.get('session');
    if (previous) await store.sessions.delete(previous.tokenHash);
    await startSession(c, deps, userId);
    await store.audit.add({ action: 'login', actor: userId, address });
    return c.json({ user: { id: userId, name: person?.name ?? userId }, office: null } satisfies SessionInfo);
  });

  app.post('/auth/office-login', async (c) => {
    const session = requirePerson(c);
    const { officeUserId, password } = await jsonBody(c, officeLoginRequestSchema);
    const address = clientAddress(c, deps.config.trustProxy);
    const user = await store.officeUsers.get(officeUserId);
    const ok = await guarded(c, `office:${officeUserId}`, { actor: session.userId, target: officeUserId }, () =>
      user ? verifyPassword(password, user.passwordHash) : verifyAgainstDummy(password),
    );
    if (!ok || !user) {
      await store.audit.add({ action: 'office-login-failed', actor: session.userId, target: officeUserId, address });
      throw badCredentials();
    }
    const officeNumber = user.officeNumber;
    // the password was right, so saying why costs nothing
    if (!(await store.people.isLinked(session.userId, officeNumber))) {
      await store.audit.add({ action: 'office-login-refused', actor: session.userId, office: officeNumber, address });
      throw new HttpError(403, 'office-not-linked', 'このユーザIDではこの事業所にログインできません');
    }
    await store.sessions.setOffice(session.tokenHash, officeNumber, officeUserId);
    await store.audit.add({ action: 'office-login', actor: session.userId, office: officeNumber, target: officeUserId, address });
    return c.json(await sessionInfo({ ...session, officeNumber, officeUserId }));
  });

  app.post('/auth/logout', async (c) => {
    const session = c.get('session');
    await endSession(c, deps);
    if (session) {
      await store.audit.add({
        action: 'logout',
        actor: session.userId,
        office: session.officeNumber,
        address: clientAddress(c, deps.config.trustProxy),
      });
    }
    return c.json({ ok: true } satisfies LogoutResponse);
  });

  app.post('/auth/logout-everywhere', async (c) => {
    const session = requirePerson(c);
    const ended = await store.sessions.deleteForUser(session.userId);
    await endSession(c, deps);
    await store.audit.add({
      action: 'logout-everywhere',
      actor: session.userId,
      office: session.officeNumber,
      target: `${ended} sessions`,
      address: clientAddress(c, deps.config.trustProxy),
    });
    return c.json({ ok: true, ended } satisfies LogoutEverywhereResponse);
  });

  app.get('/session', async (c) => c.json(await sessionInfo(requirePerson(c))));

  return app;
}
