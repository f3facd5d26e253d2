// Person login, office login, logout, session probe and login throttling against the real relay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, sessionInfoSchema } from '../../src/domain/contract';
import { Agent } from '../support/agent';
import { CM, DS, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;
beforeAll(async () => {
  t = await openTestRelay();
});
afterAll(async () => {
  await t.stop();
});

const errorOf = async (res: Response) => apiErrorSchema.parse(await res.json()).error;

describe('person login', () => {
  it('logs in with the demo password and sets a strict HttpOnly cookie', async () => {
    const agent = t.agent();
    const res = await agent.login(CM.user);
    expect(res.status).toBe(200);
    const info = sessionInfoSchema.parse(await res.json());
    expect(info).toEqual({ user: { id: 'cm01', name: '佐藤 ケアマネ' }, office: null, sessionId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const cookie = agent.lastSetCookie.find((c) => c.startsWith('renkei_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i); // plain http on loopback

    const session = await agent.request('/api/session');
    expect(session.status).toBe(200);
    expect(sessionInfoSchema.parse(await session.json()).user.id).toBe('cm01');
  });

  it('refuses a wrong password and an unknown user with the same 401 message', async () => {
    for (const [user, password] of [['hh01', 'wrong-password'], ['nobody', 'renkei2026']] as const) {
      const res = await t.agent().login(user, password);
      expect(res.status).toBe(401);
      expect((await errorOf(res)).message).toBe('ユーザIDまたはパスワードが正しくありません');
    }
  });

  it('answers 401 on /api/session without a login', async () => {
    const res = await t.agent().request('/api/session');
    expect(res.status).toBe(401);
  });

  it('throttles an account after 5 failures with a Japanese wait message', async () => {
    const agent = t.agent();
    for (let i = 0; i < 5; i++) expect((await agent.login(DS.user, `bad-${i}`)).status).toBe(401);
    const blocked = await agent.login(DS.user, 'still-bad');
    expect(blocked.status).toBe(429);
    expect((await errorOf(blocked)).message).toMatch(/^ログインの失敗が続いたため、\d+分後に再度お試しください$/);
    // even the right password waits: otherwise the throttle would be an oracle
    expect((await agent.login(DS.user)).status).toBe(429);
    // other accounts are not locked by it
    expect((await t.agent().login(CM.user)).status).toBe(200);
  });

  it('requires the CSRF header on login', async () => {
    const res = await t.agent().login(CM.user, undefined);
    expect(res.status).toBe(200);
    const noHeader = await t.agent().postJson('/api/auth/login', { userId: 'cm01', password: 'renkei2026' }, { csrf: false });
    expect(noHeader.status).toBe(403);
    expect((await errorOf(noHeader)).message).toBe('不正なリクエストです');
  });
});

describe('office login', () => {
  it('needs a person session first', async () => {
    const res = await t.agent().officeLogin(CM.officeUser);
    expect(res.status).toBe(401);
  });

  it('rejects a malformed office user ID with the schema message', async () => {
    const agent = t.agent();
    await agent.login(CM.user);
    const res = await agent.officeLogin('KJ1234');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('事業所ユーザIDは「KJ」に続く12桁の数字(14文字)で入力してください');
  });

  it('rejects a wrong office password', async () => {
    const agent = t.agent();
    await agent.login(CM.user);
    const res = await agent.officeLogin(CM.officeUser, 'wrong');
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toBe('事業所ユーザIDまたはパスワードが正しくありません');
  });

  it('refuses an office the person is not linked to exactly as a wrong password (the answer tells nothing)', async () => {
    const agent = t.agent();
    await agent.login(CM.user);
    const res = await agent.officeLogin(HH.officeUser);
    const wrong = await agent.officeLogin(HH.officeUser, 'not-the-password');
    expect([res.status, wrong.status]).toEqual([401, 401]);
    expect(await errorOf(res)).toEqual(await errorOf(wrong));
    const session = sessionInfoSchema.parse(await (await agent.request('/api/session')).json());
    expect(session.office).toBeNull();
  });

  it('carries the office in the session after success', async () => {
    const agent = t.agent();
    await agent.login(CM.user);
    const res = await agent.officeLogin(CM.officeUser);
    expect(res.status).toBe(200);
    const info = sessionInfoSchema.parse(await (await agent.request('/api/session')).json());
    expect(info.office).toEqual({ number: '3300000001', name: 'れんけい居宅介護支援センター', kind: '居宅介護支援' });
  });
});

describe('logout and office lookup', () => {
  it('logout deletes the session on the server, not just the cookie', async () => {
    const agent = t.agent();
    await agent.loginAs(CM.user, CM.officeUser);
    const stolen = agent.cookie;
    expect((await agent.request('/api/auth/logout', { method: 'POST' })).status).toBe(200);
    expect(agent.cookie).toBeNull();
    const replay = t.agent();
    replay.cookie = stolen;
    expect((await replay.request('/api/session')).status).toBe(401);
    expect((await replay.request('/api/messages?box=received')).status).toBe(401);
  });

  it('logout everywhere ends the person’s sessions on every device, and no one else’s', async () => {
    const tablet = await t.agent().loginAs(CM.user, CM.officeUser);
    const laptop = await t.agent().loginAs(CM.user, CM.officeUser);
    const other = await t.agent().loginAs(HH.user, HH.officeUser);
    const res = await laptop.request('/api/auth/logout-everywhere', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(2);
    expect((await tablet.request('/api/session')).status).toBe(401);
    expect((await laptop.request('/api/session')).status).toBe(401);
    expect((await other.request('/api/session')).status).toBe(200);
    expect((await t.agent().request('/api/auth/logout-everywhere', { method: 'POST' })).status).toBe(401);
  });

  it('looks up only offices that exist, for a logged-in person', async () => {
    expect((await t.agent().request('/api/offices?number=3310000017')).status).toBe(401);
    const agent = t.agent();
    await agent.login(CM.user);
    const res = await agent.request('/api/offices?number=3310000017&number=1234567890&number=bad&number=0899999995');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { offices: { number: string }[] };
    expect(body.offices.map((o) => o.number)).toEqual(['3310000017', '0899999995']);
    const tooMany = new URLSearchParams(Array.from({ length: 51 }, () => ['number', '3310000017']));
    expect((await agent.request(`/api/offices?${tooMany}`)).status).toBe(400);
  });

  it('needs an office login for mailboxes', async () => {
    const agent = t.agent();
    await agent.login(CM.user);
    const res = await agent.request('/api/messages?box=received');
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('office-login-required');
  });
});
