// Person login, office user login, logout and the session probe.
import { sha256Hex } from '../digest';
import { Hono } from 'hono';
import {
  loginRequestSchema,
  logoutRequestSchema,
  officeLoginRequestSchema,
  type LogoutEverywhereResponse,
  type LogoutResponse,
  type SessionInfo,
} from '../../src/domain/contract';
import { verifyAgainstDummy, verifyPassword } from '../auth/passwords';
import { endSession, newSession, requirePerson, sessionIdOf, setSessionCookie } from '../auth/sessions';
import { guardedLogin } from '../auth/throttle';
import { clientAddress, type AppDeps, type AppEnv } from '../context';
import type { SessionRecord, Store } from '../db/types';
import { HttpError, MESSAGES } from '../errors';
import { jsonBody } from '../validate';

const badCredentials = (message: string = MESSAGES.badCredentials) => new HttpError(401, 'bad-credentials', message);

/**
 * How the audit log names a login attempt. An ID that is no one's is often a password typed into
 * the wrong field, so it is kept only as a short hash: repeated tries still line up, the text does not.
 */
export function auditActor(userId: string, known: boolean): string {
  return known ? userId : `unknown:${sha256Hex(userId).slice(0, 12)}`;
}

export async function sessionInfo(store: Store, session: SessionRecord): Promise<SessionInfo> {
  const person = await store.people.get(session.userId);
  const office = session.officeNumber ? await store.offices.get(session.officeNumber) : null;
  return { user: { id: session.userId, name: person?.name ?? session.userId }, office, sessionId: sessionIdOf(session) };
}

export function authRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;

  app.post('/auth/login', async (c) => {
    const { userId, password } = await jsonBody(c, loginRequestSchema);
    const address = clientAddress(c, deps.config.trustProxy);
    const person = await store.people.get(userId);
    const actor = auditActor(userId, person !== null);
    const ok = await guardedLogin(c, deps, `person:${userId}`, { actor }, () =>
      person ? verifyPassword(password, person.passwordHash) : verifyAgainstDummy(password),
    );
    const issued = newSession(deps, userId);
    // only while the password checked is still the person's: a change meanwhile wins
    if (!ok || !person || !(await store.sessions.create(issued.record, { passwordHash: person.passwordHash }))) {
      await store.audit.add({ action: 'login-failed', actor, address });
      throw badCredentials();
    }
    // a login replaces whatever session this browser had (the new cookie overwrites the old)
    const previous = c.get('session');
    if (previous) await store.sessions.delete(previous.tokenHash);
    setSessionCookie(c, deps, issued);
    await store.audit.add({ action: 'login', actor: userId, address });
    return c.json({ user: { id: userId, name: person.name }, office: null, sessionId: sessionIdOf(issued.record) } satisfies SessionInfo);
  });

  app.post('/auth/office-login', async (c) => {
    const session = requirePerson(c);
    const { officeUserId, password } = await jsonBody(c, officeLoginRequestSchema);
    const address = clientAddress(c, deps.config.trustProxy);
    const user = await store.officeUsers.get(officeUserId);
    // a right password for an office this person is not linked to is answered like a wrong one:
    // the answer must not tell which office user IDs and passwords are real
    const linked = user ? await store.people.isLinked(session.userId, user.officeNumber) : false;
    let passwordRight = false;
    const ok = await guardedLogin(c, deps, `office:${officeUserId}`, { actor: session.userId, target: officeUserId }, async () => {
      passwordRight = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
      return passwordRight && linked;
    });
    // a new token for the office: whatever knew the person-only token cannot act for the office
    const issued = user ? newSession(deps, session.userId, { officeNumber: user.officeNumber, officeUserId }) : null;
    const upgraded = ok && user && issued ? await store.sessions.upgradeToOffice(session.tokenHash, issued.record, { passwordHash: user.passwordHash }) : false;
    if (!upgraded || !issued) {
      const refused = user && passwordRight && !linked;
      await store.audit.add({
        action: refused ? 'office-login-refused' : 'office-login-failed',
        actor: session.userId,
        target: officeUserId,
        ...(refused ? { office: user.officeNumber } : {}),
        address,
      });
      throw badCredentials(MESSAGES.badOfficeCredentials);
    }
    setSessionCookie(c, deps, issued);
    await store.audit.add({ action: 'office-login', actor: session.userId, office: issued.record.officeNumber, target: officeUserId, address });
    return c.json(await sessionInfo(store, issued.record));
  });

  app.post('/auth/logout', async (c) => {
    const session = c.get('session');
    // a logout queued while offline names the session it meant; a newer login on this browser stays
    const { session: meant } = c.req.header('content-type')?.includes('application/json') ? await jsonBody(c, logoutRequestSchema) : {};
    if (session && meant !== undefined && meant !== sessionIdOf(session)) return c.json({ ok: true } satisfies LogoutResponse);
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

  app.get('/session', async (c) => c.json(await sessionInfo(store, requirePerson(c))));

  return app;
}
