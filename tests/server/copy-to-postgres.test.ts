// Moving a relay from SQLite to PostgreSQL (`npm run admin -- copy-to-postgres`): a data folder
// with sends, downloads, sessions, a removed office and an audit log is copied into an empty
// database and verified; a relay on PostgreSQL then serves the same mailboxes, the same sessions
// and the same bytes. A non-empty target is refused, and a file that no longer matches its recorded
// hash stops the copy with nothing written. Runs only when RENKEI_TEST_DATABASE_URL is set.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin/commands';
import { COPIED_TABLES, fileRows, runCopyToPostgres } from '../../server/admin/copy-to-postgres';
import { verifyCopy } from '../../server/admin/verify-copy';
import { openStore } from '../../server/db';
import { openRelay } from '../../server/relay';
import { sendResponseSchema, type MessageSummary } from '../../src/domain/contract';
import { adminCli } from '../support/admin';
import { Agent, equalBytes, pdf, planCsv } from '../support/agent';
import { CM, HH } from '../support/cast';
import { createTestSchema, PG_URL, type TestSchema } from '../support/postgres';
import { openTestRelay, tempDataDir, type TestRelay } from '../support/relay';

const SKIP_REASON = ' — SKIPPED: set RENKEI_TEST_DATABASE_URL (e.g. postgres://renkei:renkei@127.0.0.1:5432/renkei_test) to run';
if (!PG_URL) console.warn(`[copy-to-postgres.test]${SKIP_REASON}`);
const HOOK_TIMEOUT = 60_000;
const LEAVING = '1310000999';

describe.skipIf(!PG_URL)(`copy-to-postgres${PG_URL ? '' : SKIP_REASON}`, () => {
  const data = tempDataDir('renkei-copy-');
  const schemas: TestSchema[] = [];
  let target: TestSchema;
  let onPostgres: TestRelay;
  let cmCookie: string;
  let lists: Record<'cm' | 'hh', string>;
  let big: MessageSummary;
  let small: MessageSummary;
  // over INLINE_MAX_BYTES: on disk in DATA_DIR/blobs; the other sends' contents are in renkei.db
  const attachment = pdf('第3表 週間計画.pdf', 1_200_000);
  const exactChunk = pdf('ちょうど.pdf', 256 * 1024);

  const schema = async () => {
    const created = await createTestSchema(PG_URL!);
    schemas.push(created);
    return created;
  };
  const count = async (s: TestSchema, table: string) => (await s.query(`SELECT COUNT(*)::int AS n FROM ${table}`)).rows[0].n as number;
  const copy = async (url: string, ...args: string[]) => {
    const out: string[] = [];
    const code = await runCopyToPostgres({ dataDir: data.dir, databaseUrl: null }, [url, ...args], { out: (l) => out.push(l), err: (l) => out.push(l) });
    return { code, output: out.join('\n') };
  };

  beforeAll(async () => {
    // a relay's life on SQLite: sends, a download (済), sessions, an office that left
    const sqlite = await openRelay({ dataDir: data.dir, staticDir: join(data.dir, 'no-dist') });
    try {
      const agent = () => new Agent(async (path, init) => sqlite.app.request(path, init));
      const cm = await agent().loginAs(CM.user, CM.officeUser);
      const hh = await agent().loginAs(HH.user, HH.officeUser);
      const res = await cm.send({ destination: HH.office, message: '移行前の計画' }, [planCsv(), attachment]);
      big = sendResponseSchema.parse(await res.json()).message;
      small = sendResponseSchema.parse(await (await cm.send({ destination: HH.office, message: '' }, [exactChunk])).json()).message;
      expect(readdirSync(join(data.dir, 'blobs'))).toEqual([big.id]);
      expect((await hh.request(`/api/messages/${big.id}/files/${big.files[1]!.id}`)).status).toBe(200);
      const store = sqlite.deps.store;
      await store.offices.upsert({ number: LEAVING, name: '閉鎖予定', kind: '訪問介護' });
      expect((await cm.send({ destination: LEAVING, message: '閉鎖前' }, [pdf()])).status).toBe(201);
      expect(await runAdmin(store, ['remove-office', LEAVING], { out: () => undefined, err: () => undefined })).toBe(0);
      cmCookie = cm.cookie!;
      lists = {
        cm: await (await cm.request('/api/messages?box=sent')).text(),
        hh: await (await hh.request('/api/messages?box=received')).text(),
      };
    } finally {
      // the operator stops the relay before copying
      await sqlite.close();
    }
    target = await schema();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await onPostgres?.stop();
    for (const s of schemas) await s.drop();
    data.remove();
  }, HOOK_TIMEOUT);

  it('copies a data folder into an empty database and verifies it (the CLI, as an operator runs it)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, adminCli('copy-to-postgres', target.url), {
      env: { ...process.env, DATA_DIR: data.dir, DATABASE_URL: '' },
    });
    expect(stdout).toContain('検証しました: 各表の件数が一致し、ファイル 4件の SHA-256 が受信時の記録と一致しました');
    expect(stdout).not.toContain(':renkei@');
    expect(await count(target, 'messages')).toBe(3);
    // 1 200 000 bytes (from blobs/) in five chunks, 256 KiB in one, and the two small files in one
    // each (those three from renkei.db's file_chunks)
    expect(await count(target, 'file_chunks')).toBe(8);
    // the 送受信記録: one row per file sent
    expect(await count(target, 'transfer_log')).toBe(4);
    const { rows } = await target.query('SELECT destination_detached FROM messages WHERE destination = $1', [LEAVING]);
    expect(rows).toEqual([{ destination_detached: true }]);
  });

  it('serves the same mailboxes, sessions and bytes from PostgreSQL', async () => {
    onPostgres = await openTestRelay({ databaseUrl: target.url });
    expect(onPostgres.relay.seeded).toBe(false);
    // the session made on SQLite goes on
    const cm = onPostgres.agent();
    cm.cookie = cmCookie;
    expect(await (await cm.request('/api/messages?box=sent')).text()).toBe(lists.cm);
    const hh = await onPostgres.agent().loginAs(HH.user, HH.officeUser);
    expect(await (await hh.request('/api/messages?box=received')).text()).toBe(lists.hh);
    const res = await hh.request(`/api/messages/${big.id}/files/${big.files[1]!.id}`);
    expect(equalBytes(new Uint8Array(await res.arrayBuffer()), attachment.bytes)).toBe(true);
    const inline = await hh.request(`/api/messages/${small.id}/files/${small.files[0]!.id}`);
    expect(equalBytes(new Uint8Array(await inline.arrayBuffer()), exactChunk.bytes)).toBe(true);
    // the audit log came whole, and new entries follow it
    const store = await openStore({ databaseUrl: target.url, databasePoolSize: 1, dataDir: data.dir });
    try {
      const [latest, ...older] = await store.audit.recent(50);
      expect(latest).toMatchObject({ action: 'download', actor: HH.user });
      expect(older.map((e) => e.action)).toEqual(expect.arrayContaining(['send', 'download', 'login']));
      expect(latest!.id).toBeGreaterThan(Math.max(...older.map((e) => e.id)));
    } finally {
      await store.close();
    }
  });

  it('reads the file rows a page at a time, each once, across page ends', () => {
    const db = new Database(join(data.dir, 'renkei.db'), { readonly: true });
    try {
      const all = db.prepare('SELECT id FROM message_files ORDER BY id').pluck().all() as string[];
      expect(all).toHaveLength(4);
      // pages of 1 and 3 end inside the table, a page of 4 ends exactly at its last row, 5 after it
      for (const pageSize of [1, 3, 4, 5]) expect([...fileRows(db, pageSize)].map((f) => f.id)).toEqual(all);
    } finally {
      db.close();
    }
  });

  it('refuses a target that is not empty, and changes nothing there', async () => {
    const before = await count(target, 'messages');
    const again = await copy(target.url);
    expect(again.code).toBe(1);
    expect(again.output).toContain('コピー先のデータベースは空ではありません');
    expect(await count(target, 'messages')).toBe(before);
  });

  it('copies without sessions when asked; its verification reads the bytes back from the database', async () => {
    const other = await schema();
    expect((await copy(other.url, '--without-sessions')).code).toBe(0);
    expect(await count(other, 'sessions')).toBe(0);
    expect(await count(other, 'people')).toBe(4);
    // one byte changed in the database: the check the copy made before committing now fails
    const report = { rows: { messages: 3 }, files: 4, bytes: 0 };
    const quiet = { out: () => undefined, err: () => undefined };
    await other.query('BEGIN');
    await expect(verifyCopy(other.client, report, quiet)).resolves.toBeUndefined();
    await other.query("UPDATE file_chunks SET data = overlay(data placing '\\x00'::bytea from 10) WHERE seq = 1");
    await expect(verifyCopy(other.client, report, quiet)).rejects.toThrow('ファイル');
    await other.query('ROLLBACK');
  });

  it('refuses a folder a relay has open, even idle, before copying anything', async () => {
    const other = await schema();
    const idleRelay = await openRelay({ dataDir: data.dir, staticDir: join(data.dir, 'no-dist') });
    try {
      const refused = await copy(other.url);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('はリレー(または管理コマンド)が使用中です。リレーを停止してから、もう一度実行してください');
    } finally {
      await idleRelay.close();
    }
    // refused before the target was touched: not even its tables were made
    expect((await other.query("SELECT to_regclass('offices') AS t")).rows).toEqual([{ t: null }]);
    // stopped, the same folder copies
    expect((await copy(other.url)).code).toBe(0);
  });

  it('refuses a folder that a relay still running writes to during the copy, leaving the target empty', async () => {
    const other = await schema();
    let relayStillRunning: Database.Database | undefined;
    const out: string[] = [];
    let wrote = false;
    try {
      const code = await runCopyToPostgres({ dataDir: data.dir, databaseUrl: null }, [other.url], {
        out: (line) => {
          out.push(line);
          // as the first table is copied, the relay logs a login
          if (wrote || !line.startsWith('  offices:')) return;
          wrote = true;
          // a relay started after the copy began
          relayStillRunning = new Database(join(data.dir, 'renkei.db'));
          relayStillRunning.prepare("INSERT INTO audit_log (at, action, actor) VALUES (?, 'login', ?)").run(new Date().toISOString(), CM.user);
        },
        err: (line) => out.push(line),
      });
      expect(wrote).toBe(true);
      expect(code).toBe(1);
    } finally {
      relayStillRunning?.close();
    }
    expect(out.join('\n')).toContain('コピー中にリレーがデータを書き込みました。リレーを停止してから、もう一度実行してください');
    for (const table of [...COPIED_TABLES, 'file_chunks']) expect(await count(other, table)).toBe(0);
  });

  it('stops at a small send whose bytes in renkei.db no longer match, leaving the target empty', async () => {
    const fileId = small.files[0]!.id;
    const db = new Database(join(data.dir, 'renkei.db'));
    const original = (db.prepare('SELECT data FROM file_chunks WHERE file_id = ?').get(fileId) as { data: Buffer }).data;
    db.prepare('UPDATE file_chunks SET data = zeroblob(length(data)) WHERE file_id = ?').run(fileId);
    // the copy refuses a folder still open elsewhere
    db.close();
    try {
      const other = await schema();
      const broken = await copy(other.url);
      expect(broken.code).toBe(1);
      expect(broken.output).toContain(`ファイルの内容が受信時と一致しません: renkei.db file_chunks ${fileId}`);
      for (const table of [...COPIED_TABLES, 'file_chunks']) expect(await count(other, table)).toBe(0);
    } finally {
      const restore = new Database(join(data.dir, 'renkei.db'));
      restore.prepare('UPDATE file_chunks SET data = ? WHERE file_id = ?').run(original, fileId);
      restore.close();
    }
  });

  it('stops at a file that no longer matches its recorded hash, leaving the target empty', async () => {
    const path = join(data.dir, 'blobs', big.id, big.files[1]!.id);
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(300_000) ^ 0xff, 300_000);
    writeFileSync(path, bytes);
    const other = await schema();
    const broken = await copy(other.url);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('ファイルの内容が受信時と一致しません');
    for (const table of [...COPIED_TABLES, 'file_chunks']) expect(await count(other, table)).toBe(0);
  });
});
