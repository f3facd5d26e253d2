// The smaller holes of issue 11 (point 9), each closed: HEAD marks nothing 済; a message past its
// retention is not served before the sweep; file names with bidi, line separator or invisible
// characters are refused; an office number removed and added again starts with an empty mailbox;
// the office lookup has a limit. (The office login's one answer for a wrong password and for an
// office not linked is in auth.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin/commands';
import { LOOKUP_RULE } from '../../server/auth/throttle';
import { openStore } from '../../server/db';
import { apiErrorSchema, messageListResponseSchema, sendResponseSchema, type MessageSummary } from '../../src/domain/contract';
import { Agent, pdf } from '../support/agent';
import { CM, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let clock = Date.now();
let t: TestRelay;
let cm: Agent;
beforeAll(async () => {
  t = await openTestRelay({ now: () => new Date(clock) });
  cm = await t.agent().loginAs(CM.user, CM.officeUser);
});
afterAll(async () => {
  await t.stop();
});

async function send(message: string, destination = HH.office): Promise<MessageSummary> {
  const res = await cm.send({ destination, message }, [pdf()]);
  expect(res.status).toBe(201);
  return sendResponseSchema.parse(await res.json()).message;
}
const listed = async (agent: Agent, box = 'received') =>
  messageListResponseSchema.parse(await (await agent.request(`/api/messages?box=${box}`)).json()).messages;

describe('HEAD', () => {
  it('by the receiver sends no file and leaves it 未', async () => {
    const m = await send('HEAD');
    const hh = await t.agent().loginAs(HH.user, HH.officeUser);
    const head = await hh.request(`/api/messages/${m.id}/files/${m.files[0]!.id}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(m.files[0]!.size));
    expect((await listed(cm, 'sent')).find((x) => x.id === m.id)?.downloadStatus).toBe('未');
    expect((await hh.request(`/api/messages/${m.id}/files/${m.files[0]!.id}`)).status).toBe(200);
    expect((await listed(cm, 'sent')).find((x) => x.id === m.id)?.downloadStatus).toBe('済');
  });
});

describe('retention', () => {
  it('a message past its date is neither listed nor served, even before the sweep', async () => {
    const m = await send('期限切れ');
    clock = Date.parse(m.expiresAt);
    try {
      // sessions of a month ago have expired too
      const hh = await t.agent().loginAs(HH.user, HH.officeUser);
      const sender = await t.agent().loginAs(CM.user, CM.officeUser);
      expect((await listed(hh)).map((x) => x.id)).not.toContain(m.id);
      expect((await listed(sender, 'sent')).map((x) => x.id)).not.toContain(m.id);
      expect((await hh.request(`/api/messages/${m.id}`)).status).toBe(404);
      expect((await hh.request(`/api/messages/${m.id}/files/${m.files[0]!.id}`)).status).toBe(404);
    } finally {
      clock = Date.now();
    }
  });
});

describe('file names', () => {
  const characters: [string, string][] = [
    ['RIGHT-TO-LEFT OVERRIDE', '\u202e'],
    ['LEFT-TO-RIGHT ISOLATE', '\u2066'],
    ['RIGHT-TO-LEFT MARK', '\u200f'],
    ['ARABIC LETTER MARK', '\u061c'],
    ['NEXT LINE (U+0085)', '\u0085'],
    ['LINE SEPARATOR', '\u2028'],
    ['PARAGRAPH SEPARATOR', '\u2029'],
    ['ZERO WIDTH SPACE', '\u200b'],
    ['ZERO WIDTH JOINER', '\u200d'],
    ['WORD JOINER', '\u2060'],
    ['BYTE ORDER MARK', '\ufeff'],
  ];
  for (const [name, ch] of characters) {
    it(`with ${name} are refused in Japanese`, async () => {
      const res = await cm.send({ destination: HH.office, message: '' }, [pdf(`請求${ch}fdp.pdf`)]);
      expect(res.status).toBe(422);
      const { message } = apiErrorSchema.parse(await res.json()).error;
      expect(message).toContain('ファイル名に使えない文字');
      // the message names the character by its code point and never carries it
      expect(message).toContain(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
      expect(message).not.toContain(ch);
    });
  }
});

describe('an office number removed and added again', () => {
  it('is a new office: it does not see the old office’s mailbox', async () => {
    const admin = async (...args: string[]) => {
      const store = await openStore({ dataDir: t.dataDir, databaseUrl: null, databasePoolSize: 1 });
      try {
        expect(await runAdmin(store, args, { out: () => undefined, err: () => undefined })).toBe(0);
      } finally {
        await store.close();
      }
    };
    const number = '1495000315';
    await admin('add-office', number, '旧 訪問看護', '--kind', '訪問看護');
    const old = await send('旧事業所あて', number);
    await admin('remove-office', number);
    await admin('add-office', number, '新 訪問看護', '--kind', '訪問看護');
    await admin('add-user', 'new01', '新 さん', '--password', 'new-pass-1', '--office', number);
    await admin('add-office-user', 'KJ149500031501', '--password', 'new-op-1', '--office', number);
    const newcomer = t.agent();
    await newcomer.login('new01', 'new-pass-1');
    expect((await newcomer.officeLogin('KJ149500031501', 'new-op-1')).status).toBe(200);
    expect(await listed(newcomer)).toEqual([]);
    expect((await newcomer.request(`/api/messages/${old.id}`)).status).toBe(404);
    expect((await newcomer.request(`/api/messages/${old.id}/files/${old.files[0]!.id}`)).status).toBe(404);
    // the sender keeps its copy, no longer named after whoever holds the number now
    const kept = (await listed(cm, 'sent')).find((x) => x.id === old.id);
    expect(kept?.destination).toEqual({ number, name: '(事業所一覧にない事業所)', kind: '' });
  });
});

describe('the office lookup', () => {
  it(`answers ${LOOKUP_RULE.max} lookups in its window, then 429 in Japanese`, async () => {
    const agent = t.agent();
    await agent.login(HH.user);
    for (let i = 0; i < LOOKUP_RULE.max; i++) expect((await agent.request(`/api/offices?number=${CM.office}`)).status).toBe(200);
    const refused = await agent.request(`/api/offices?number=${CM.office}`);
    expect(refused.status).toBe(429);
    expect(apiErrorSchema.parse(await refused.json()).error.message).toMatch(/^事業所の照会が多すぎます。\d+分後に再度お試しください$/);
    // per person: someone else is not held up by it
    expect((await cm.request(`/api/offices?number=${HH.office}`)).status).toBe(200);
  });
});
