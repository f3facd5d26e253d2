// Isolation: every API route, asked by someone who must not see or change care manager 3300000001's
// message to 3310000017 — a bystander office, a person without office login, a person who tried
// an office it is not linked to, and no session at all. None of them ever gets a byte of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  countsResponseSchema,
  messageListResponseSchema,
  recordsResponseSchema,
  messageSummarySchema,
  sendResponseSchema,
  sessionInfoSchema,
  type MessageSummary,
} from '../../src/domain/contract';
import { Agent, pdf, planCsv, type TestFile } from '../support/agent';
import { CM, DS, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;
let cm: Agent;
let hh: Agent;
let secret: MessageSummary;
let secretKey: string;
const SECRET_TEXT = '機密: 山﨑様の訪問計画';
const secretFiles: TestFile[] = [planCsv(CM.office, HH.office, '20250401100000'), pdf('山﨑様 週間計画.pdf', 512)];

type ActorName = 'bystander office' | 'person without office login' | 'person refused by another office' | 'no session';
const ACTORS: readonly ActorName[] = ['bystander office', 'person without office login', 'person refused by another office', 'no session'];

/** A fresh session per case, so one case's login or logout never changes the next. */
async function actor(name: ActorName): Promise<Agent> {
  const agent = t.agent();
  switch (name) {
    case 'bystander office':
      return agent.loginAs(DS.user, DS.officeUser);
    case 'person without office login':
      expect((await agent.login(CM.user)).status).toBe(200);
      return agent;
    case 'person refused by another office':
      // ds01 knows 3300000001's KJ id and password, but is not one of its people. That counts as
      // a failed office login (the answer must not tell it from a wrong password), so the counts
      // are forgotten first: this matrix is about isolation, auth.test.ts about throttling
      await t.relay.deps.store.limits.prune('9999-12-31T00:00:00.000Z');
      expect((await agent.login(DS.user)).status).toBe(200);
      expect((await agent.officeLogin(CM.officeUser)).status).toBe(401);
      return agent;
    case 'no session':
      return agent;
  }
}

beforeAll(async () => {
  t = await openTestRelay();
  cm = await t.agent().loginAs(CM.user, CM.officeUser);
  hh = await t.agent().loginAs(HH.user, HH.officeUser);
  secretKey = crypto.randomUUID();
  const res = await cm.send({ destination: HH.office, message: SECRET_TEXT }, secretFiles, secretKey);
  expect(res.status).toBe(201);
  secret = sendResponseSchema.parse(await res.json()).message;

});
afterAll(async () => {
  await t.stop();
});

/** Nothing that identifies the secret message may appear in an answer to an outsider. */
function expectNoSecret(body: string): void {
  for (const needle of [secret.id, ...secret.files.map((f) => f.id), ...secret.files.map((f) => f.sha256), SECRET_TEXT, '山﨑様']) {
    expect(body).not.toContain(needle);
  }
}

interface Route {
  name: string;
  /** what each actor must get; 'own' = 200 with only its own data */
  expect: Record<ActorName, number>;
  call(agent: Agent): Promise<Response>;
}

const PERSON_ONLY = { 'person without office login': 403, 'person refused by another office': 403, 'no session': 401 } as const;

const routes: Route[] = [
  { name: 'GET /api/health', expect: { 'bystander office': 200, 'person without office login': 200, 'person refused by another office': 200, 'no session': 200 }, call: (a) => a.request('/api/health') },
  { name: 'GET /api/session', expect: { 'bystander office': 200, 'person without office login': 200, 'person refused by another office': 200, 'no session': 401 }, call: (a) => a.request('/api/session') },
  { name: 'GET /api/offices', expect: { 'bystander office': 200, 'person without office login': 200, 'person refused by another office': 200, 'no session': 401 }, call: (a) => a.request(`/api/offices?number=${CM.office}&number=${HH.office}`) },
  { name: 'GET /api/messages?box=sent', expect: { 'bystander office': 200, ...PERSON_ONLY }, call: (a) => a.request('/api/messages?box=sent') },
  { name: 'GET /api/messages?box=received', expect: { 'bystander office': 200, ...PERSON_ONLY }, call: (a) => a.request('/api/messages?box=received') },
  { name: 'GET /api/messages (no box)', expect: { 'bystander office': 200, ...PERSON_ONLY }, call: (a) => a.request('/api/messages') },
  { name: 'GET /api/messages?box=received&q=… (a search for the secret’s words)', expect: { 'bystander office': 200, ...PERSON_ONLY }, call: (a) => a.request(`/api/messages?box=received&q=${encodeURIComponent('山﨑様')}&office=${CM.office}`) },
  { name: 'GET /api/messages?box=sent&status=未&sort=office', expect: { 'bystander office': 200, ...PERSON_ONLY }, call: (a) => a.request(`/api/messages?box=sent&status=${encodeURIComponent('未')}&sort=office`) },
  { name: 'GET /api/messages/counts', expect: { 'bystander office': 200, ...PERSON_ONLY }, call: (a) => a.request('/api/messages/counts') },
  { name: 'GET /api/messages/:id', expect: { 'bystander office': 404, ...PERSON_ONLY }, call: (a) => a.request(`/api/messages/${secret.id}`) },
  { name: 'POST /api/messages/:id/downloaded (marking files written)', expect: { 'bystander office': 404, ...PERSON_ONLY }, call: (a) => a.postJson(`/api/messages/${secret.id}/downloaded`, { fileIds: secret.files.map((f) => f.id) }) },
  { name: 'GET /api/messages/:id/files/:fileId?mark=later', expect: { 'bystander office': 404, ...PERSON_ONLY }, call: (a) => a.request(`/api/messages/${secret.id}/files/${secret.files[0]!.id}?mark=later`) },
  { name: 'POST /api/messages/:id/withdraw (送信取消)', expect: { 'bystander office': 404, ...PERSON_ONLY }, call: (a) => a.request(`/api/messages/${secret.id}/withdraw`, { method: 'POST' }) },
  { name: 'GET /api/records (送受信記録)', expect: { 'bystander office': 200, ...PERSON_ONLY }, call: (a) => a.request('/api/records') },
  { name: 'GET /api/records.csv', expect: { 'bystander office': 200, ...PERSON_ONLY }, call: (a) => a.request('/api/records.csv') },
  { name: 'GET /api/offices/search (the directory, not mailboxes)', expect: { 'bystander office': 200, 'person without office login': 200, 'person refused by another office': 200, 'no session': 401 }, call: (a) => a.request(`/api/offices/search?q=${encodeURIComponent('さくら')}`) },
  ...[0, 1].map((i): Route => ({
    name: `GET /api/messages/:id/files/:fileId (file ${i + 1})`,
    expect: { 'bystander office': 404, ...PERSON_ONLY },
    call: (a) => a.request(`/api/messages/${secret.id}/files/${secret.files[i]!.id}`),
  })),
  {
    name: 'POST /api/messages (a send claiming to be 3300000001, reusing its idempotency key)',
    expect: { 'bystander office': 422, ...PERSON_ONLY },
    // had the key been shared between offices, this would answer 200 with the secret or 409
    call: (a) => a.send({ destination: HH.office, message: 'なりすまし' }, [planCsv(CM.office, HH.office, '20250401100000')], secretKey),
  },
  {
    name: 'POST /api/auth/office-login (3300000001’s KJ id and password)',
    expect: { 'bystander office': 401, 'person without office login': 200, 'person refused by another office': 401, 'no session': 401 },
    call: (a) => a.officeLogin(CM.officeUser),
  },
  {
    name: 'POST /api/auth/login (cm01 with a wrong password)',
    expect: { 'bystander office': 401, 'person without office login': 401, 'person refused by another office': 401, 'no session': 401 },
    call: (a) => a.login(CM.user, 'not-the-password'),
  },
  // POST /api/auth/logout-everywhere would end cm01's own sessions used below; tests/server/auth.test.ts
  // shows it ends only the caller's sessions.
  {
    name: 'POST /api/messages (a PDF send queued as 3300000001)',
    expect: { 'bystander office': 409, ...PERSON_ONLY },
    call: (a) => a.send({ sender: CM.office, destination: HH.office, message: 'なりすまし' }, [pdf('memo.pdf')]),
  },
  { name: 'POST /api/auth/logout', expect: { 'bystander office': 200, 'person without office login': 200, 'person refused by another office': 200, 'no session': 200 }, call: (a) => a.request('/api/auth/logout', { method: 'POST' }) },
];

describe('isolation matrix over every API route', () => {
  for (const route of routes) {
    for (const name of ACTORS) {
      it(`${route.name} — ${name} → ${route.expect[name]}`, async () => {
        const res = await route.call(await actor(name));
        const body = await res.text();
        expect(res.status, body).toBe(route.expect[name]);
        expectNoSecret(body);
        if (res.status >= 400) {
          const { error } = apiErrorSchema.parse(JSON.parse(body));
          expect(error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        }
        if (route.name.startsWith('GET /api/messages?') || route.name.startsWith('GET /api/messages (')) {
          if (res.status === 200) expect(messageListResponseSchema.parse(JSON.parse(body)).messages).toEqual([]);
        }
        if (route.name === 'GET /api/messages/counts' && res.status === 200) {
          expect(countsResponseSchema.parse(JSON.parse(body))).toEqual({ unread: 0, expiringReceived: 0, expiringSent: 0, newestUnreadAt: null });
        }
        if (route.name.startsWith('GET /api/records ') && res.status === 200) expect(recordsResponseSchema.parse(JSON.parse(body)).records).toEqual([]);
      });
    }
  }

  it('left the secret message untouched: still 未, still listed once for both parties, nothing added', async () => {
    const detail = messageSummarySchema.parse(await (await cm.request(`/api/messages/${secret.id}`)).json());
    expect(detail.downloadStatus).toBe('未');
    expect(detail.files.every((f) => f.downloadedAt === null)).toBe(true);
    const received = messageListResponseSchema.parse(await (await hh.request('/api/messages?box=received')).json()).messages;
    expect(received.map((m) => m.id)).toEqual([secret.id]);
    const sent = messageListResponseSchema.parse(await (await cm.request('/api/messages?box=sent')).json()).messages;
    expect(sent.map((m) => m.id)).toEqual([secret.id]);
  });

  it('kept the owners’ sessions alive through the others’ logouts and failed logins', async () => {
    const cmSession = sessionInfoSchema.parse(await (await cm.request('/api/session')).json());
    expect(cmSession.office?.number).toBe(CM.office);
    expect((await hh.request(`/api/messages/${secret.id}`)).status).toBe(200);
  });

  it('an office refused at office login keeps its own office, not the one it tried', async () => {
    const bystander = await actor('bystander office');
    expect((await bystander.officeLogin(CM.officeUser)).status).toBe(401);
    const info = sessionInfoSchema.parse(await (await bystander.request('/api/session')).json());
    expect(info.office?.number).toBe(DS.office);
    expect((await bystander.request(`/api/messages/${secret.id}`)).status).toBe(404);
  });

  it('a file id of one message does not open through another message, not even for its receiver', async () => {
    const other = await cm.send({ destination: DS.office, message: '別件' }, [pdf('別件.pdf')]);
    const { message } = sendResponseSchema.parse(await other.json());
    const ds = await actor('bystander office');
    expect((await ds.request(`/api/messages/${message.id}/files/${secret.files[0]!.id}`)).status).toBe(404);
    expect((await hh.request(`/api/messages/${secret.id}/files/${message.files[0]!.id}`)).status).toBe(404);
  });

  it('malformed and forged ids are the same 404 as a stranger’s', async () => {
    const ds = await actor('bystander office');
    for (const id of ['0'.repeat(32), secret.id.toUpperCase(), `${secret.id}0`, '..%2F..%2Frenkei.db', 'abc', encodeURIComponent("' OR 1=1 --")]) {
      const res = await ds.request(`/api/messages/${id}`);
      expect(res.status, id).toBe(404);
      expectNoSecret(await res.text());
    }
  });

  it('a forged session cookie is no session', async () => {
    const forged = t.agent();
    forged.cookie = `renkei_session=${'A'.repeat(43)}`;
    expect((await forged.request('/api/messages?box=received')).status).toBe(401);
    forged.cookie = `renkei_session=${'A'.repeat(5000)}`;
    expect((await forged.request('/api/session')).status).toBe(401);
  });
});

describe('ids are not guessable', () => {
  const differingPositions = (a: string, b: string) => [...a].filter((ch, i) => ch !== b[i]).length;

  it('are 32 hex digits whose 80 random bits are unrelated from one id to the next', async () => {
    const ids: string[] = [secret.id, ...secret.files.map((f) => f.id)];
    for (let i = 0; i < 2; i++) {
      const res = await cm.send({ destination: HH.office, message: `id ${i}` }, [pdf(`a${i}.pdf`), pdf(`b${i}.pdf`)]);
      const { message } = sendResponseSchema.parse(await res.json());
      ids.push(message.id, ...message.files.map((f) => f.id));
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // the first 12 digits are the clock (server/ids.ts), the same for ids made in one millisecond;
    // the other 20 are random: two ids differ in about 19 of them (fewer than 10: about 1 in 10^8),
    // where a counter would share most of them
    const random = (id: string) => id.slice(12);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        expect(differingPositions(random(ids[i]!), random(ids[j]!)), `${ids[i]} vs ${ids[j]}`).toBeGreaterThanOrEqual(10);
      }
    }
    // and all 16 digits turn up across them, as 9 × 128 random bits would have it
    expect(new Set(ids.join('')).size).toBe(16);
  });
});
