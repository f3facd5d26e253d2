// Load: 200 concurrent clients of the 4 demo offices send to each other at once, some retrying
// with the same idempotency key (one after the other, or both at the same moment). Afterwards
// every accepted send is in its receiver's list exactly once and nothing else was stored.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageListResponseSchema, sendResponseSchema, type SendResponse } from '../../src/domain/contract';
import { Agent, planCsv, startTestServer, type TestFile, type TestServer } from './support';

const CLIENTS = 200;
const SENDS_PER_CLIENT = 3;
/** No new send starts after this; a bound on the run, never asserted on. */
const SEND_WINDOW_MS = 5_000;
const SESSIONS_PER_OFFICE = 2;

const CAST = [
  { user: 'cm01', officeUser: 'KJ330000000101', office: '3300000001' },
  { user: 'hh01', officeUser: 'KJ331000001701', office: '3310000017' },
  { user: 'ds01', officeUser: 'KJ331000002501', office: '3310000025' },
  { user: 'ex01', officeUser: 'KJ089999999501', office: '0899999995' },
] as const;

type Retry = 'none' | 'after' | 'together';

interface Attempt {
  key: string;
  sender: string;
  destination: string;
  file: TestFile;
  status: number;
  body: SendResponse | null;
  raw: string;
}

/** 連番 YYYYMMDDhhmmss, n seconds after 2025-04-01: each send gets its own. */
function sequenceFor(n: number): string {
  return new Date(Date.UTC(2025, 3, 1) + n * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * What the pair may send: the 居宅 a 第1表; a provider, which sends no plan (the direction rule),
 * a PDF of its own (PDF等 carry no routing, so any office may send them to any other).
 */
function fileFor(from: string, to: string, sequence: string): TestFile {
  if (from === CAST[0].office) return planCsv(from, to, sequence);
  const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${from} → ${to} ${sequence}\n`);
  return { name: `資料_${sequence}.pdf`, bytes };
}

describe('200 concurrent senders with retries', () => {
  let ts: TestServer;
  const sessions = new Map<string, Agent[]>();
  const attempts: Attempt[] = [];

  async function attempt(agent: Agent, sender: string, destination: string, key: string, file: TestFile): Promise<void> {
    const res = await agent.send({ destination, message: `負荷 ${key.slice(0, 8)}` }, [file], key);
    const raw = await res.text();
    const parsed = res.status === 200 || res.status === 201 ? sendResponseSchema.safeParse(JSON.parse(raw)) : null;
    attempts.push({ key, sender, destination, file, status: res.status, body: parsed?.success ? parsed.data : null, raw });
  }

  async function client(i: number, deadline: number): Promise<void> {
    const from = CAST[i % CAST.length]!;
    const agents = sessions.get(from.office)!;
    const agent = agents[Math.floor(i / CAST.length) % agents.length]!;
    for (let k = 0; k < SENDS_PER_CLIENT && Date.now() < deadline; k++) {
      const to = CAST[(i + 1 + ((i + k) % (CAST.length - 1))) % CAST.length]!;
      const file = fileFor(from.office, to.office, sequenceFor(i * SENDS_PER_CLIENT + k));
      const key = crypto.randomUUID();
      const retry: Retry = (['none', 'after', 'together', 'none'] as const)[(i + k) % 4]!;
      if (retry === 'together') {
        await Promise.all([attempt(agent, from.office, to.office, key, file), attempt(agent, from.office, to.office, key, file)]);
      } else {
        await attempt(agent, from.office, to.office, key, file);
        if (retry === 'after') await attempt(agent, from.office, to.office, key, file);
      }
    }
  }

  beforeAll(async () => {
    ts = await startTestServer();
    for (const who of CAST) {
      const agents: Agent[] = [];
      for (let s = 0; s < SESSIONS_PER_OFFICE; s++) agents.push(await new Agent(ts.url).loginAs(who.user, who.officeUser));
      sessions.set(who.office, agents);
    }
    const deadline = Date.now() + SEND_WINDOW_MS;
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i, deadline)));
  }, 60_000);

  afterAll(async () => {
    await ts?.stop();
  });

  const accepted = () => attempts.filter((a) => a.status === 201);
  const byKey = () => {
    const groups = new Map<string, Attempt[]>();
    for (const a of attempts) groups.set(a.key, [...(groups.get(a.key) ?? []), a]);
    return groups;
  };

  it('answered every send with 201 or a 200 duplicate, never an error', () => {
    const unexpected = attempts.filter((a) => a.status !== 201 && a.status !== 200);
    expect(unexpected.map((a) => `${a.status} ${a.raw.slice(0, 200)}`)).toEqual([]);
    expect(attempts.every((a) => a.body !== null)).toBe(true);
    // enough traffic happened for the checks below to mean something
    expect(byKey().size).toBeGreaterThanOrEqual(CLIENTS);
    expect(attempts.length).toBeGreaterThan(byKey().size);
  });

  it('accepted each idempotency key exactly once; every retry was a duplicate of that message', () => {
    for (const [key, group] of byKey()) {
      const created = group.filter((a) => a.status === 201);
      expect(created, key).toHaveLength(1);
      const original = created[0]!.body!;
      expect(original.duplicate).toBe(false);
      for (const retry of group.filter((a) => a.status === 200)) {
        expect(retry.body!.duplicate, key).toBe(true);
        expect(retry.body!.message.id, key).toBe(original.message.id);
      }
    }
    const retried = [...byKey().values()].filter((g) => g.length > 1);
    expect(retried.length).toBeGreaterThan(0);
  });

  it("lists every accepted send once in its receiver's received box and its sender's sent box", async () => {
    const expected = accepted();
    let receivedTotal = 0;
    let sentTotal = 0;
    for (const who of CAST) {
      const agent = sessions.get(who.office)![0]!;
      for (const box of ['received', 'sent'] as const) {
        const res = await agent.request(`/api/messages?box=${box}`);
        expect(res.status).toBe(200);
        const ids = messageListResponseSchema.parse(await res.json()).messages.map((m) => m.id);
        expect(new Set(ids).size, `${who.office} ${box}: an id listed twice`).toBe(ids.length);
        const mine = expected.filter((a) => (box === 'received' ? a.destination : a.sender) === who.office);
        expect([...ids].sort(), `${who.office} ${box}`).toEqual(mine.map((a) => a.body!.message.id).sort());
        if (box === 'received') receivedTotal += ids.length;
        else sentTotal += ids.length;
      }
    }
    expect(receivedTotal).toBe(expected.length);
    expect(sentTotal).toBe(expected.length);
  });

  it('stored each accepted message with its own file, and nothing for the duplicates', () => {
    for (const a of accepted()) {
      const m = a.body!.message;
      expect(m.sender.number).toBe(a.sender);
      expect(m.destination.number).toBe(a.destination);
      expect(m.files.map((f) => [f.name, f.size, f.sha256])).toEqual([[a.file.name, a.file.bytes.byteLength, sha256(a.file.bytes)]]);
    }
    const count = accepted().length;
    expect(readdirSync(join(ts.dataDir, 'blobs'))).toHaveLength(count);
    expect(readdirSync(join(ts.dataDir, 'tmp'))).toEqual([]);

    const db = new Database(join(ts.dataDir, 'renkei.db'), { readonly: true });
    try {
      const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(n('SELECT COUNT(*) AS n FROM messages')).toBe(count);
      expect(n('SELECT COUNT(*) AS n FROM message_files')).toBe(count);
      expect(n('SELECT COUNT(*) AS n FROM idempotency')).toBe(count);
    } finally {
      db.close();
    }
  });
});
