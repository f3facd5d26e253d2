// Three relay processes (server/main.ts, each in its own process with its own empty DATA_DIR) on
// one PostgreSQL database, as behind a load balancer: retention runs once when they start
// together; a send through one is downloaded byte for byte through the others; a login throttle
// started through one holds through the others; a process killed (SIGKILL) in the middle of sends
// loses nothing it acknowledged, and retries through the others are delivered once each; and no
// process keeps anything in its DATA_DIR. Runs only when RENKEI_TEST_DATABASE_URL is set.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageListResponseSchema, sendResponseSchema, type MessageSummary } from '../../src/domain/contract';
import { openRelay } from '../../server/relay';
import { Agent, equalBytes, pdf, planCsv, type TestFile } from '../support/agent';
import { CM, EX, HH } from '../support/cast';
import { createTestSchema, PG_URL, type TestSchema } from '../support/postgres';
import { spawnRelay, tempDataDir, type SpawnedRelay } from '../support/relay';
import { startHalfSend } from '../support/slow-send';

const SKIP_REASON = ' — SKIPPED: set RENKEI_TEST_DATABASE_URL (e.g. postgres://renkei:renkei@127.0.0.1:5432/renkei_test) to run';
if (!PG_URL) console.warn(`[multi-process.test] three relay processes on PostgreSQL${SKIP_REASON}`);
const HOOK_TIMEOUT = 90_000;
const DAY = 86_400_000;

async function received(agent: Agent): Promise<MessageSummary[]> {
  const res = await agent.request('/api/messages?box=received');
  expect(res.status).toBe(200);
  return messageListResponseSchema.parse(await res.json()).messages;
}

async function download(agent: Agent, m: MessageSummary, index: number): Promise<Uint8Array> {
  const res = await agent.request(`/api/messages/${m.id}/files/${m.files[index]!.id}`);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** A 連番 of its own for the n-th send of this file. */
const sequence = (n: number) => `202505${String(1 + Math.floor(n / 24)).padStart(2, '0')}${String(n % 24).padStart(2, '0')}0000`;
const unit = (n: number, pdfBytes = 20_000): TestFile[] => [planCsv(CM.office, HH.office, sequence(n)), pdf(`資料${n}.pdf`, pdfBytes)];

describe.skipIf(!PG_URL)(`three relay processes on one PostgreSQL${PG_URL ? '' : SKIP_REASON}`, () => {
  let schema: TestSchema;
  const dirs = [0, 1, 2].map(() => tempDataDir('renkei-multi-'));
  let relays: SpawnedRelay[] = [];
  /** the same person and session, reaching process i */
  let cm: Agent;
  const cmOn = (i: number) => cm.on(relays[i]!.url);

  beforeAll(async () => {
    schema = await createTestSchema(PG_URL!);
    // a month and more ago, through a relay whose clock says so: three messages past their retention
    const past = await openRelay({ databaseUrl: schema.url, dataDir: dirs[0]!.dir, now: () => new Date(Date.now() - 40 * DAY) });
    try {
      const old = await new Agent(async (path, init) => past.app.request(path, init)).loginAs(CM.user, CM.officeUser);
      for (const n of [0, 1, 2]) expect((await old.send({ destination: HH.office, message: `期限切れ ${n}` }, unit(n, 300_000))).status).toBe(201);
    } finally {
      await past.close();
    }
    // started together, as a fleet is: each runs the retention sweep as it starts
    relays = await Promise.all(dirs.map(({ dir }) => spawnRelay({ DATABASE_URL: schema.url, DATA_DIR: dir, STATIC_DIR: join(dir, 'no-dist') })));
    cm = await new Agent(relays[0]!.url).loginAs(CM.user, CM.officeUser);
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    for (const relay of relays) await relay.stop();
    await schema?.drop();
    for (const dir of dirs) dir.remove();
  }, HOOK_TIMEOUT);

  it('ran the retention once when the three started together, file contents and all', async () => {
    const { rows } = await schema.query("SELECT detail FROM audit_log WHERE action = 'delete'");
    expect(rows.map((r) => r.detail)).toEqual(['3 expired messages']);
    for (const table of ['messages', 'file_chunks']) {
      expect((await schema.query(`SELECT COUNT(*)::int AS n FROM ${table}`)).rows[0].n).toBe(0);
    }
    for (const relay of relays) expect(relay.output()).not.toMatch(/retention sweep failed|unexpected error/);
  });

  it('serves a send made through one, byte for byte, through each of the others', async () => {
    const files = [planCsv(CM.office, HH.office, '20250601090000'), pdf('第3表 週間計画.pdf', 700_000)];
    const res = await cmOn(0).send({ destination: HH.office, message: '一台目から' }, files);
    expect(res.status).toBe(201);
    const { message } = sendResponseSchema.parse(await res.json());
    for (const i of [1, 2]) {
      expect((await fetch(`${relays[i]!.url}/api/ready`)).status).toBe(200);
      const hh = await new Agent(relays[i]!.url).loginAs(HH.user, HH.officeUser);
      const listed = (await received(hh)).find((m) => m.id === message.id)!;
      expect(listed.message).toBe('一台目から');
      for (const [index, file] of files.entries()) expect(equalBytes(await download(hh, listed, index), file.bytes)).toBe(true);
    }
    // the sender's session, made on the first, sees 済 on the third
    const sent = messageListResponseSchema.parse(await (await cmOn(2).request('/api/messages?box=sent')).json()).messages;
    expect(sent.find((m) => m.id === message.id)?.downloadStatus).toBe('済');
  });

  it('holds a login throttle started through one process on the others', async () => {
    for (let i = 0; i < 5; i++) expect((await new Agent(relays[0]!.url).login(EX.user, `wrong-${i}`)).status).toBe(401);
    // the right password, elsewhere: refused unchecked
    for (const i of [1, 2]) expect((await new Agent(relays[i]!.url).login(EX.user, EX.password)).status).toBe(429);
  });

  it('shares idempotency keys and sessions: one key sent through all three at once is stored once; a logout through one ends the session on all', async () => {
    const key = crypto.randomUUID();
    const meta = { destination: HH.office, message: '三台同時' };
    const files = unit(200);
    const answers = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const res = await cmOn(i).send(meta, files, key);
        return { status: res.status, body: sendResponseSchema.parse(await res.json()) };
      }),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.message.id)).size).toBe(1);
    expect(answers.filter((a) => a.body.duplicate)).toHaveLength(2);
    const { rows } = await schema.query("SELECT COUNT(*)::int AS n FROM messages WHERE message = '三台同時'");
    expect(rows[0].n).toBe(1);
    // the same key with other content, through yet another process: refused
    expect((await cmOn(2).send({ ...meta, message: '別の内容' }, files, key)).status).toBe(409);

    // a session made through process 1, used through 2, ended through 0
    const hh = await new Agent(relays[1]!.url).loginAs(HH.user, HH.officeUser);
    expect((await hh.on(relays[2]!.url).request('/api/session')).status).toBe(200);
    expect((await hh.on(relays[0]!.url).request('/api/auth/logout', { method: 'POST' })).status).toBeLessThan(300);
    for (const i of [0, 1, 2]) expect((await hh.on(relays[i]!.url).request('/api/session')).status).toBe(401);
  });

  it('loses nothing a killed process acknowledged, and delivers every retry through the others once', async () => {
    const count = 16;
    const keys = Array.from({ length: count }, () => crypto.randomUUID());
    const acknowledged = new Map<string, string>();
    const meta = (n: number) => ({ destination: HH.office, message: `停止試験 ${n}` });
    // a send certainly in the middle when the process dies
    const halfKey = crypto.randomUUID();
    await startHalfSend(relays[0]!.url, cm.cookie!, halfKey, meta(count), unit(count, 500_000));

    // four clients sending one after another through process 0, killed after its fourth 201
    let next = 0;
    let kill: Promise<void> | null = null;
    const client = async () => {
      while (next < count && !kill) {
        const n = next++;
        const res = await cmOn(0).send(meta(n), unit(100 + n), keys[n]).catch(() => null);
        if (res?.status !== 201) continue;
        acknowledged.set(keys[n]!, sendResponseSchema.parse(await res.json()).message.id);
        if (acknowledged.size === 4) kill = relays[0]!.kill();
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    await kill;
    expect(acknowledged.size).toBeGreaterThanOrEqual(4);

    // every send retried with its key through the survivors, as outboxes do
    const all = [...keys.map((key, n) => ({ key, n, files: unit(100 + n) })), { key: halfKey, n: count, files: unit(count, 500_000) }];
    const retried = await Promise.all(all.map(({ key, n, files }) => cmOn(1 + (n % 2)).send(meta(n), files, key)));
    const answers = await Promise.all(retried.map(async (res) => ({ status: res.status, body: sendResponseSchema.parse(await res.json()) })));
    for (const [i, { key }] of all.entries()) {
      const answer = answers[i]!;
      const before = acknowledged.get(key);
      // acknowledged: the same message again; the rest: stored now, or found stored by the dead process
      if (before) expect([answer.status, answer.body.duplicate, answer.body.message.id]).toEqual([200, true, before]);
      else expect([200, 201]).toContain(answer.status);
    }

    const hh = await new Agent(relays[2]!.url).loginAs(HH.user, HH.officeUser);
    const stored = (await received(hh)).filter((m) => m.message.startsWith('停止試験'));
    expect(stored).toHaveLength(count + 1);
    expect(new Set(stored.map((m) => m.message)).size).toBe(count + 1);
    expect(new Set(stored.map((m) => m.id))).toEqual(new Set(answers.map((a) => a.body.message.id)));
    const half = stored.find((m) => m.message === `停止試験 ${count}`)!;
    expect(equalBytes(await download(hh, half, 1), pdf(`資料${count}.pdf`, 500_000).bytes)).toBe(true);
  });

  it('keeps nothing in any process’s DATA_DIR', () => {
    for (const { dir } of dirs) expect(readdirSync(dir)).toEqual([]);
  });
});
