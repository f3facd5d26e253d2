// Revocation (issue 11, point 4): a right taken away ends the sessions that relied on it at once;
// the admin CLI can reset passwords, remove people and office users and unlink them, and list them;
// a person changes their own password in the app; the token changes at 事業所ユーザログイン.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin/commands';
import { openStore } from '../../server/db';
import { apiErrorSchema, sendResponseSchema, sessionInfoSchema } from '../../src/domain/contract';
import { Agent, pdf } from '../support/agent';
import { CM, DS, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;
beforeAll(async () => {
  t = await openTestRelay();
});
afterAll(async () => {
  await t.stop();
});

/** The admin CLI's command, in-process on its own connection to the relay's data folder. */
async function admin(...args: string[]): Promise<string> {
  const store = await openStore({ dataDir: t.dataDir, databaseUrl: null, databasePoolSize: 1 });
  const out: string[] = [];
  try {
    const code = await runAdmin(store, args, { out: (line) => out.push(line), err: (line) => out.push(line) });
    expect(code, out.join('\n')).toBe(0);
    return out.join('\n');
  } finally {
    await store.close();
  }
}

/** A fresh person with an office user of their own (password 'pw-<id>-1', office user 'op-<id>-1'). */
async function newPerson(id: string, office: string, officeUser: string): Promise<Agent> {
  await admin('add-user', id, `${id} さん`, '--password', `pw-${id}-1`, '--office', office);
  await admin('add-office-user', officeUser, '--password', `op-${id}-1`, '--office', office);
  const agent = t.agent();
  expect((await agent.login(id, `pw-${id}-1`)).status).toBe(200);
  expect((await agent.officeLogin(officeUser, `op-${id}-1`)).status).toBe(200);
  return agent;
}

const canRead = async (agent: Agent) => (await agent.request('/api/messages?box=received')).status;

describe('the admin CLI ends sessions at once', () => {
  it('moving an office user to another office ends its sessions: the old office’s files are out of reach', async () => {
    const mover = await newPerson('mv01', HH.office, 'KJ331000001799');
    const cm = await t.agent().loginAs(CM.user, CM.officeUser);
    const sent = sendResponseSchema.parse(await (await cm.send({ destination: HH.office, message: '移動前' }, [pdf()])).json()).message;
    const file = `/api/messages/${sent.id}/files/${sent.files[0]!.id}`;
    expect((await mover.request(file)).status).toBe(200);
    await admin('add-office-user', 'KJ331000001799', '--password', 'op-mv01-1', '--office', DS.office);
    expect((await mover.request(file)).status).toBe(401);
    expect(await canRead(mover)).toBe(401);
  });

  it('reset-password ends every session of the person, or of the office user', async () => {
    const a = await newPerson('rp01', DS.office, 'KJ331000002598');
    const b = await newPerson('rp02', DS.office, 'KJ331000002597');
    expect(await admin('reset-password', 'rp01', '--password', 'pw-rp01-2')).toContain('ログインはすべて終了');
    expect(await canRead(a)).toBe(401);
    expect(await canRead(b)).toBe(200);
    expect((await t.agent().login('rp01', 'pw-rp01-1')).status).toBe(401);
    expect((await t.agent().login('rp01', 'pw-rp01-2')).status).toBe(200);
    await admin('reset-password', 'KJ331000002597', '--password', 'op-rp02-2');
    expect(await canRead(b)).toBe(401);
  });

  it('remove-user, remove-office-user and unlink end the sessions that relied on them', async () => {
    const removed = await newPerson('rm01', DS.office, 'KJ331000002596');
    const officeUserGone = await newPerson('rm02', DS.office, 'KJ331000002595');
    const unlinked = await newPerson('rm03', DS.office, 'KJ331000002594');
    await admin('remove-user', 'rm01');
    expect(await canRead(removed)).toBe(401);
    expect((await t.agent().login('rm01', 'pw-rm01-1')).status).toBe(401);
    await admin('remove-office-user', 'KJ331000002595');
    expect(await canRead(officeUserGone)).toBe(401);
    await admin('unlink', 'rm03', '--office', DS.office);
    expect(await canRead(unlinked)).toBe(401);
    const again = t.agent();
    expect((await again.login('rm03', 'pw-rm03-1')).status).toBe(200);
    expect((await again.officeLogin('KJ331000002594', 'op-rm03-1')).status).toBe(401);
  });

  it('list-users shows people with their offices and office users, never a password', async () => {
    const listed = await admin('list-users');
    expect(listed).toContain(`cm01\t佐藤 ケアマネ\t${CM.office}`);
    expect(listed).toContain(`${HH.officeUser}\t${HH.office}`);
    expect(listed).not.toMatch(/scrypt|renkei2026|office2026/);
  });
});

describe('in the app', () => {
  it('a password change needs the current password, ends every other session and keeps this device in', async () => {
    await admin('add-user', 'pc01', '変更 さん', '--password', 'pw-pc01-1', '--office', DS.office);
    const device = async () => {
      const agent = t.agent();
      expect((await agent.login('pc01', 'pw-pc01-1')).status).toBe(200);
      expect((await agent.officeLogin(DS.officeUser)).status).toBe(200);
      return agent;
    };
    const tablet = await device();
    const laptop = await device();
    const change = (agent: Agent, currentPassword: string, newPassword: string) =>
      agent.postJson('/api/auth/password', { currentPassword, newPassword });

    const wrong = await change(tablet, 'not-it', 'pw-pc01-new');
    expect(wrong.status).toBe(403);
    expect(apiErrorSchema.parse(await wrong.json()).error.message).toBe('現在のパスワードが正しくありません');
    const short = await change(tablet, 'pw-pc01-1', 'short');
    expect(short.status).toBe(400);
    expect(apiErrorSchema.parse(await short.json()).error.message).toBe('新しいパスワードは8文字以上にしてください');
    expect(await canRead(tablet)).toBe(200);

    const before = tablet.cookie;
    const ok = await change(tablet, 'pw-pc01-1', 'pw-pc01-new');
    expect(ok.status).toBe(200);
    expect(sessionInfoSchema.parse(await ok.json()).office?.number).toBe(DS.office);
    expect(tablet.cookie).not.toBe(before);
    expect(await canRead(tablet)).toBe(200);
    expect(await canRead(laptop)).toBe(401);
    const stale = t.agent();
    stale.cookie = before;
    expect(await canRead(stale)).toBe(401);
    expect((await t.agent().login('pc01', 'pw-pc01-1')).status).toBe(401);
    expect((await t.agent().login('pc01', 'pw-pc01-new')).status).toBe(200);
  });

  it('the session token changes at 事業所ユーザログイン, and the person-only one is gone', async () => {
    const agent = t.agent();
    await agent.login(HH.user);
    const personOnly = agent.cookie;
    expect((await agent.officeLogin(HH.officeUser)).status).toBe(200);
    expect(agent.cookie).not.toBe(personOnly);
    const old = t.agent();
    old.cookie = personOnly;
    expect((await old.request('/api/session')).status).toBe(401);
    expect(await canRead(agent)).toBe(200);
  });

  it('a logout queued offline ends the session it names, not a newer login on the same browser', async () => {
    const agent = t.agent();
    const first = sessionInfoSchema.parse(await (await agent.login(CM.user)).json());
    const second = sessionInfoSchema.parse(await (await agent.login(CM.user)).json());
    expect(second.sessionId).not.toBe(first.sessionId);
    expect((await agent.postJson('/api/auth/logout', { session: first.sessionId })).status).toBe(200);
    expect((await agent.request('/api/session')).status).toBe(200);
    expect((await agent.postJson('/api/auth/logout', { session: second.sessionId })).status).toBe(200);
    expect((await agent.request('/api/session')).status).toBe(401);
  });
});
