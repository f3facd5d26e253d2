// The relay on PostgreSQL (DATABASE_URL), in-process: logins, the round trip with the file
// contents in the database, isolation, idempotency under concurrent retries, retention, the admin
// CLI. Several real processes on one database: multi-process.test.ts. Runs only when
// RENKEI_TEST_DATABASE_URL is set.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiErrorSchema, messageDetailResponseSchema, messageListResponseSchema, officeLookupResponseSchema, sendResponseSchema, type MessageSummary } from '../../src/domain/contract';
import { runAdmin } from '../../server/admin/commands';
import { openStore } from '../../server/db';
import { MIGRATIONS } from '../../server/db/postgres/migrations';
import { openPostgresStore } from '../../server/db/postgres';
import { Agent, equalBytes, pdf, planCsv } from '../support/agent';
import { CM, DS, HH } from '../support/cast';
import { createTestSchema, PG_URL, type TestSchema } from '../support/postgres';
import { holdJob } from '../support/stores';
import { openRelay } from '../../server/relay';
import { openTestRelay, tempDataDir, type TestRelay } from '../support/relay';

const SKIP_REASON = ' — SKIPPED: set RENKEI_TEST_DATABASE_URL (e.g. postgres://renkei:renkei@127.0.0.1:5432/renkei_test) to run';
if (!PG_URL) console.warn(`[postgres.test] PostgreSQL tests${SKIP_REASON}`);
const title = (name: string) => `${name}${PG_URL ? '' : SKIP_REASON}`;
const HOOK_TIMEOUT = 60_000;

async function list(agent: Agent, box: 'sent' | 'received'): Promise<MessageSummary[]> {
  const res = await agent.request(`/api/messages?box=${box}`);
  expect(res.status).toBe(200);
  return messageListResponseSchema.parse(await res.json()).messages;
}

async function download(agent: Agent, m: MessageSummary, index = 0): Promise<Uint8Array> {
  const res = await agent.request(`/api/messages/${m.id}/files/${m.files[index]!.id}`);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

describe.skipIf(!PG_URL)(title('PostgreSQL migrations'), () => {
  it('migrates once when several processes open a fresh schema at the same moment', async () => {
    const schema = await createTestSchema(PG_URL!);
    try {
      const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(schema.url, 2)));
      const { rows } = await schema.query('SELECT version FROM schema_version ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await stores[0]!.offices.count()).toBe(0);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await schema.drop();
    }
  });
});

describe.skipIf(!PG_URL)(title('PostgreSQL relay'), () => {
  let schema: TestSchema;
  let a: TestRelay;
  let cm: Agent;
  let hh: Agent;
  let ds: Agent;
  let sent: MessageSummary;
  const csv = planCsv();
  const attachment = pdf('第3表 週間計画.pdf', 4096);

  beforeAll(async () => {
    schema = await createTestSchema(PG_URL!);
    a = await openTestRelay({ databaseUrl: schema.url, retentionDays: 30 });
    cm = await a.agent().loginAs(CM.user, CM.officeUser);
    hh = await a.agent().loginAs(HH.user, HH.officeUser);
    ds = await a.agent().loginAs(DS.user, DS.officeUser);
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await a?.stop();
    await schema?.drop();
  }, HOOK_TIMEOUT);

  it('seeds the demo directory on the first start', async () => {
    expect(a.relay.seeded).toBe(true);
    const { rows } = await schema.query('SELECT COUNT(*)::int AS n FROM offices');
    expect(rows[0].n).toBe(4);
  });

  it('refuses a wrong password and keeps the session in the database', async () => {
    expect((await a.agent().login(CM.user, 'wrong-password')).status).toBe(401);
    const { rows } = await schema.query('SELECT office_number FROM sessions WHERE user_id = $1', [CM.user]);
    expect(rows.map((r) => r.office_number)).toContain(CM.office);
  });

  it('delivers a send: received list, byte-exact download, then 済 for the sender', async () => {
    const res = await cm.send({ destination: HH.office, message: 'PostgreSQL 経由の計画です' }, [csv, attachment]);
    expect(res.status).toBe(201);
    sent = sendResponseSchema.parse(await res.json()).message;
    expect(sent.downloadStatus).toBe('未');
    expect((Date.parse(sent.expiresAt) - Date.parse(sent.sentAt)) / 86_400_000).toBe(30);
    // the answer is made from what was inserted: the same as the message read back
    expect(messageDetailResponseSchema.parse(await (await cm.request(`/api/messages/${sent.id}`)).json())).toEqual(sent);

    const received = await list(hh, 'received');
    expect(received.map((m) => m.id)).toEqual([sent.id]);
    expect(received[0]!.files.map((f) => [f.name, f.size])).toEqual([
      [csv.name, csv.bytes.length],
      [attachment.name, 4096],
    ]);
    expect(equalBytes(await download(hh, sent, 0), csv.bytes)).toBe(true);
    expect(equalBytes(await download(hh, sent, 1), attachment.bytes)).toBe(true);

    const [mine] = await list(cm, 'sent');
    expect(mine!.id).toBe(sent.id);
    expect(mine!.downloadStatus).toBe('済');
  });

  it('keeps a third office out: 404 on the message and its file, nothing listed', async () => {
    expect((await ds.request(`/api/messages/${sent.id}`)).status).toBe(404);
    expect((await ds.request(`/api/messages/${sent.id}/files/${sent.files[0]!.id}`)).status).toBe(404);
    expect(await list(ds, 'received')).toEqual([]);
    expect(await list(ds, 'sent')).toEqual([]);
  });

  it('stores one message for the same key sent twice, and 409s a different body under that key', async () => {
    const key = crypto.randomUUID();
    const files = [planCsv(CM.office, DS.office, '20240501090000')];
    const first = await cm.send({ destination: DS.office, message: '再送テスト' }, files, key);
    expect(first.status).toBe(201);
    const again = await cm.send({ destination: DS.office, message: '再送テスト' }, files, key);
    expect(again.status).toBe(200);
    const [x, y] = [sendResponseSchema.parse(await first.json()), sendResponseSchema.parse(await again.json())];
    expect(y.duplicate).toBe(true);
    expect(y.message.id).toBe(x.message.id);
    expect((await list(ds, 'received')).filter((m) => m.message === '再送テスト')).toHaveLength(1);

    const clash = await cm.send({ destination: DS.office, message: '別の内容' }, files, key);
    expect(clash.status).toBe(409);
    expect((await list(ds, 'received')).filter((m) => m.message === '別の内容')).toHaveLength(0);
  });

  it('stores one message when 10 identical retries arrive at the same moment', async () => {
    const key = crypto.randomUUID();
    const files = [planCsv(CM.office, HH.office, '20240502090000')];
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => cm.send({ destination: HH.office, message: '同時再送' }, files, key)),
    );
    const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status, body: sendResponseSchema.parse(await r.json()) })));
    expect(bodies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(bodies.filter((r) => r.status === 200 && r.body.duplicate)).toHaveLength(9);
    expect(new Set(bodies.map((r) => r.body.message.id)).size).toBe(1);
    const { rows } = await schema.query('SELECT COUNT(*)::int AS n FROM messages WHERE message = $1', ['同時再送']);
    expect(rows[0].n).toBe(1);
    // the losers' contents went with their transactions: one chunk per stored (small) file, and
    // nothing at all in the process's DATA_DIR
    const chunks = await schema.query('SELECT COUNT(*)::int AS n FROM file_chunks');
    const stored = await schema.query('SELECT COUNT(*)::int AS n FROM message_files');
    expect(chunks.rows[0].n).toBe(stored.rows[0].n);
    expect(readdirSync(a.dataDir)).toEqual([]);
  });

  it('runs the admin CLI against the same database', async () => {
    // the CLI's commands on a store of their own, opened as the CLI opens it (DATABASE_URL set)
    const admin = async (...args: string[]) => {
      const store = await openStore({ databaseUrl: schema.url, databasePoolSize: 1, dataDir: a.dataDir });
      const out: string[] = [];
      try {
        expect(await runAdmin(store, args, { out: (line) => out.push(line), err: (line) => out.push(line) })).toBe(0);
      } finally {
        await store.close();
      }
      return { stdout: out.join('\n') };
    };
    await admin('add-office', '1495000315', 'テスト薬局訪問看護', '--kind', '訪問看護');
    expect((await admin('list-offices')).stdout).toContain('1495000315');
    const res = await cm.request('/api/offices?number=1495000315');
    expect(officeLookupResponseSchema.parse(await res.json()).offices.map((o) => o.name)).toEqual(['テスト薬局訪問看護']);
    expect((await admin('audit', '--limit', '100')).stdout).toContain('send');
  });
});

describe.skipIf(!PG_URL)(title('PostgreSQL retention'), () => {
  let schema: TestSchema;
  let server: TestRelay;
  let clock = Date.parse('2025-04-01T09:00:00Z');

  beforeAll(async () => {
    schema = await createTestSchema(PG_URL!);
    server = await openTestRelay({ databaseUrl: schema.url, retentionDays: 7, now: () => new Date(clock) });
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await server?.stop();
    await schema?.drop();
  }, HOOK_TIMEOUT);

  it('removes a message, its files and its key once the retention has passed', async () => {
    const cm = await server.agent().loginAs(CM.user, CM.officeUser);
    const res = await cm.send({ destination: HH.office, message: '期限切れ予定' }, [planCsv()]);
    expect(res.status).toBe(201);
    const { message } = sendResponseSchema.parse(await res.json());
    const chunksOf = async (id: string) =>
      (await schema.query('SELECT COUNT(*)::int AS n FROM file_chunks c JOIN message_files f ON f.id = c.file_id WHERE f.message_id = $1', [id])).rows[0].n;
    expect(await chunksOf(message.id)).toBe(1);

    clock += 6 * 86_400_000;
    expect((await server.sweep()).messages).toBe(0);
    clock += 2 * 86_400_000;
    expect((await server.sweep()).messages).toBe(1);

    for (const table of ['messages', 'message_files', 'idempotency', 'file_chunks']) {
      const { rows } = await schema.query(`SELECT COUNT(*)::int AS n FROM ${table}`);
      expect(rows[0].n).toBe(0);
    }
    // the session outlived the messages (12 h) only until now: log in again to look
    const again = await server.agent().loginAs(HH.user, HH.officeUser);
    expect(await list(again, 'received')).toEqual([]);
  });

  it('sweeps in one relay at a time: the others skip while it runs, and the messages go once', async () => {
    const second = tempDataDir('renkei-pg-second-');
    const other = await openRelay({ databaseUrl: schema.url, dataDir: second.dir, now: () => new Date(clock) });
    const lockHolder = await openPostgresStore(schema.url, 1);
    try {
      const cm = await server.agent().loginAs(CM.user, CM.officeUser);
      for (const n of [1, 2, 3]) expect((await cm.send({ destination: HH.office, message: `期限 ${n}` }, [planCsv(CM.office, HH.office, `2025040${n}090000`)])).status).toBe(201);
      clock += 8 * 86_400_000;
      const deletions = async () => (await schema.query("SELECT COUNT(*)::int AS n FROM audit_log WHERE action = 'delete'")).rows[0].n as number;
      const before = await deletions();

      // a third process is sweeping: both relays skip their turn and delete nothing
      const held = await holdJob(lockHolder, 'retention');
      expect(await Promise.all([server.sweep(), other.sweep()])).toEqual([
        { messages: 0, sessions: 0, skipped: true },
        { messages: 0, sessions: 0, skipped: true },
      ]);
      expect((await schema.query('SELECT COUNT(*)::int AS n FROM messages')).rows[0].n).toBe(3);
      await held.release();

      const swept = await Promise.all([server.sweep(), other.sweep()]);
      expect(swept.reduce((n, r) => n + r.messages, 0)).toBe(3);
      expect(await deletions()).toBe(before + 1);
      expect(readdirSync(second.dir)).toEqual([]);
    } finally {
      await lockHolder.close();
      await other.close();
      second.remove();
    }
  });
});

describe.skipIf(!PG_URL)(title('PostgreSQL full'), () => {
  let schema: TestSchema;
  let server: TestRelay;

  beforeAll(async () => {
    schema = await createTestSchema(PG_URL!);
    server = await openTestRelay({ databaseUrl: schema.url });
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await server?.stop();
    await schema?.drop();
  }, HOOK_TIMEOUT);

  const messages = async () => (await schema.query('SELECT COUNT(*)::int AS n FROM messages')).rows[0].n as number;

  it('refuses sends (507) once the database has grown to DATABASE_MAX_MB, while logins, lists and downloads go on', async () => {
    const cm = await server.agent().loginAs(CM.user, CM.officeUser);
    const sent = sendResponseSchema.parse(await (await cm.send({ destination: HH.office, message: '上限前' }, [pdf()])).json()).message;
    const { config } = server.relay.deps;
    // any database is larger than 1 byte
    config.databaseMaxBytes = 1;
    try {
      const refused = await cm.send({ destination: HH.office, message: '上限' }, [pdf()]);
      expect(refused.status).toBe(507);
      expect(apiErrorSchema.parse(await refused.json()).error).toMatchObject({ code: 'storage-full', message: 'サーバーの保存領域が不足しています' });
      const hh = await server.agent().loginAs(HH.user, HH.officeUser);
      expect((await list(hh, 'received')).map((m) => m.id)).toEqual([sent.id]);
      expect(equalBytes(await download(hh, sent), pdf().bytes)).toBe(true);
    } finally {
      config.databaseMaxBytes = 0;
    }
    expect(await messages()).toBe(1);
    expect((await cm.send({ destination: HH.office, message: '上限解除' }, [pdf()])).status).toBe(201);
  });

  it('answers 507, not 500, when PostgreSQL itself runs out of disk, stores nothing, and takes the retry once there is room', async () => {
    const cm = await server.agent().loginAs(CM.user, CM.officeUser);
    const before = await messages();
    // what PostgreSQL says when it cannot extend a table file (SQLSTATE 53100 disk_full)
    await schema.query(`CREATE FUNCTION disk_is_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`);
    await schema.query('CREATE TRIGGER disk_is_full BEFORE INSERT ON file_chunks FOR EACH ROW EXECUTE FUNCTION disk_is_full()');
    const key = crypto.randomUUID();
    const files = [planCsv(CM.office, HH.office, '20250501090000'), pdf('満杯.pdf', 300_000)];
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const full = await cm.send({ destination: HH.office, message: '満杯' }, files, key);
      expect(full.status).toBe(507);
      expect(apiErrorSchema.parse(await full.json()).error.code).toBe('storage-full');
      expect(quiet.mock.calls.flat().join(' ')).not.toMatch(/unexpected error/);
    } finally {
      quiet.mockRestore();
      await schema.query('DROP TRIGGER disk_is_full ON file_chunks');
    }
    expect(await messages()).toBe(before);
    const retry = await cm.send({ destination: HH.office, message: '満杯' }, files, key);
    expect(retry.status).toBe(201);
    const { message } = sendResponseSchema.parse(await retry.json());
    const hh = await server.agent().loginAs(HH.user, HH.officeUser);
    expect(equalBytes(await download(hh, message, 1), files[1]!.bytes)).toBe(true);
  });
});
