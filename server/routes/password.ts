// A person changes their own password: the current one is required (and throttled like a login),
// every session of the person ends, on every device, and this device gets a new one.
import { Hono } from 'hono';
import { passwordChangeRequestSchema } from '../../src/domain/contract';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { newSession, requirePerson, setSessionCookie } from '../auth/sessions';
import { guardedLogin } from '../auth/throttle';
import { clientAddress, type AppDeps, type AppEnv } from '../context';
import { badRequest, HttpError } from '../errors';
import { jsonBody } from '../validate';
import { sessionInfo } from './auth';

export function passwordRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;

  app.post('/auth/password', async (c) => {
    const session = requirePerson(c);
    const { currentPassword, newPassword } = await jsonBody(c, passwordChangeRequestSchema);
    const address = clientAddress(c, deps.config.trustProxy);
    const person = await store.people.get(session.userId);
    const ok = await guardedLogin(c, deps, `person:${session.userId}`, { actor: session.userId }, async () =>
      person ? verifyPassword(currentPassword, person.passwordHash) : false,
    );
    if (!ok || !person) {
      await store.audit.add({ action: 'password-change-failed', actor: session.userId, address });
      // 403, not 401: the session is fine, only the password typed is not
      throw new HttpError(403, 'bad-credentials', '現在のパスワードが正しくありません');
    }
    if (newPassword === currentPassword) throw badRequest('新しいパスワードが現在のパスワードと同じです');
    if (newPassword.trim().toLowerCase() === session.userId.toLowerCase()) throw badRequest('ユーザIDと同じパスワードは使えません');
    const passwordHash = await hashPassword(newPassword);
    // ends every session of the person, this one included
    await store.people.setPassword(session.userId, passwordHash);
    const office = session.officeNumber && session.officeUserId ? { officeNumber: session.officeNumber, officeUserId: session.officeUserId } : null;
    const issued = newSession(deps, session.userId, office);
    const started = await store.sessions.create(issued.record, { passwordHash });
    await store.audit.add({ action: 'password-change', actor: session.userId, office: session.officeNumber, address });
    if (!started) throw new HttpError(401, 'unauthorized', 'パスワードを変更しました。新しいパスワードでログインしてください');
    setSessionCookie(c, deps, issued);
    return c.json(await sessionInfo(store, issued.record));
  });

  return app;
}
