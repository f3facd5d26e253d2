// `npm run admin -- copy-to-postgres <postgres-url>`: moves a relay from SQLite to PostgreSQL. The
// data folder (DATA_DIR: renkei.db, with small sends' contents, and blobs/) is copied into an EMPTY PostgreSQL database, in one
// transaction: the directory, people, office users, sessions (unless --without-sessions), messages,
// their files and contents, idempotency keys, the audit log, the login counts and the 送受信記録
// (transfer_log). Before it commits, the copy is verified (rows per table, and every file's SHA-256
// read back from the database against the one recorded when it was received); anything wrong rolls
// it all back, so the target is either a whole, verified copy or still empty, and the command can
// simply be run again.
import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CHUNK_BYTES, ChunkWriter } from '../db/postgres/contents';
import { migrate } from '../db/postgres/migrations';
import { createPool, type PoolClient } from '../db/postgres/pool';
import { openSqliteStore } from '../db/sqlite';
import type { AdminIo } from './commands';
import { CopyError, verifyCopy, type CopyReport } from './verify-copy';

export { CopyError } from './verify-copy';

/** Every table, parents before children (foreign keys); file_chunks is filled by copyContents. */
export const COPIED_TABLES = [
  'offices',
  'people',
  'person_offices',
  'office_users',
  'sessions',
  'messages',
  'message_files',
  'idempotency',
  'audit_log',
  'rate_events',
  'transfer_log',
] as const;
/** Each store keeps its own migration bookkeeping; file_chunks goes through copyContents. */
const NOT_COPIED = new Set(['schema_version', 'sqlite_sequence', 'file_chunks']);
const ROWS_PER_INSERT = 500;
const FILE_ROWS_PER_PAGE = 1000;

export interface CopyOptions {
  sessions: boolean;
}

type Row = Record<string, unknown>;

/** The URL as it may be printed: without its password. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

export async function copyToPostgres(dataDir: string, databaseUrl: string, options: CopyOptions, io: AdminIo): Promise<CopyReport> {
  const file = join(dataDir, 'renkei.db');
  if (!existsSync(file)) throw new CopyError(`${dataDir} に renkei.db がありません(DATA_DIR を確かめてください)`);
  refuseOpenDatabase(file);
  // the schema this version reads: an older data folder is migrated, as the relay would at start
  await openSqliteStore(dataDir).close();
  const source = new Database(file, { readonly: true, fileMustExist: true });
  const pool = createPool(databaseUrl, 1);
  try {
    const unknown = (source.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
      .map((t) => t.name)
      .filter((name) => !NOT_COPIED.has(name) && !(COPIED_TABLES as readonly string[]).includes(name));
    if (unknown.length > 0) throw new CopyError(`この版の知らない表があります: ${unknown.join(', ')}。リレーと同じ版で実行してください`);
    await migrate(pool);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // one snapshot of the source: the rows and the last audit id as of this moment
      source.exec('BEGIN');
      const lastAudit = lastAuditId(source);
      const report = await copyAll(source, client, dataDir, options, io);
      await verifyCopy(client, report, io);
      // a relay still running on the folder wrote after the snapshot: that would be lost
      const fresh = new Database(file, { readonly: true });
      const changed = lastAuditId(fresh) !== lastAudit;
      fresh.close();
      if (changed) throw new CopyError('コピー中にリレーがデータを書き込みました。リレーを停止してから、もう一度実行してください');
      await client.query('COMMIT');
      return report;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      if (source.inTransaction) source.exec('COMMIT');
      client.release();
    }
  } finally {
    source.close();
    await pool.end();
  }
}

/**
 * A relay running on the folder, even idle, keeps renkei.db open (WAL mode: a shared lock on the
 * file), so an exclusive lock cannot be had: the copy would succeed and the relay's later sends be
 * left behind in SQLite. Taken and let go at once; writes during the copy are caught after it.
 */
function refuseOpenDatabase(file: string): void {
  const probe = new Database(file, { timeout: 0, fileMustExist: true });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
  } catch (err) {
    if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
    throw new CopyError(`${file} はリレー(または管理コマンド)が使用中です。リレーを停止してから、もう一度実行してください`);
  } finally {
    probe.close();
  }
}

function lastAuditId(db: Database.Database): number {
  return (db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM audit_log').get() as { id: number }).id;
}

async function copyAll(source: Database.Database, client: PoolClient, dataDir: string, options: CopyOptions, io: AdminIo): Promise<CopyReport> {
  // nobody may write to the target while it is filled (a relay started on it would seed the demo)
  await client.query(`LOCK TABLE ${[...COPIED_TABLES, 'file_chunks'].join(', ')} IN EXCLUSIVE MODE`);
  for (const table of [...COPIED_TABLES, 'file_chunks']) {
    const { rows } = await client.query<{ taken: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS taken`);
    if (rows[0]?.taken) {
      throw new CopyError(`コピー先のデータベースは空ではありません(${table} に行があります)。空のデータベースを指定してください`);
    }
  }
  const rows: Record<string, number> = {};
  for (const table of COPIED_TABLES) {
    rows[table] = table === 'sessions' && !options.sessions ? 0 : await copyTable(source, client, table);
    io.out(`  ${table}: ${rows[table]}件`);
  }
  // audit rows kept their ids: new ones continue after them
  await client.query(
    "SELECT setval(pg_get_serial_sequence('audit_log', 'id'), COALESCE((SELECT MAX(id) FROM audit_log), 1), (SELECT MAX(id) FROM audit_log) IS NOT NULL)",
  );
  const contents = await copyContents(source, client, dataDir);
  io.out(`  ファイル: ${contents.files}件 (${(contents.bytes / 1024 / 1024).toFixed(1)} MB)`);
  return { rows, ...contents };
}

async function copyTable(source: Database.Database, client: PoolClient, table: string): Promise<number> {
  const columns = (source.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const { rows: targetColumns } = await client.query<{ name: string; type: string }>(
    'SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
    [table],
  );
  const types = new Map(targetColumns.map((c) => [c.name, c.type]));
  const missing = columns.filter((c) => !types.has(c));
  if (missing.length > 0) throw new CopyError(`コピー先の ${table} に列 ${missing.join(', ')} がありません`);
  // SQLite keeps booleans as 0/1; every other value (text, ISO times, numbers) PostgreSQL reads as is
  const convert = columns.map((c) => (types.get(c) === 'boolean' ? (v: unknown) => (v === null ? null : Boolean(v)) : (v: unknown) => v));
  const overriding = table === 'audit_log' ? ' OVERRIDING SYSTEM VALUE' : '';
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${table} (${columns.join(', ')})${overriding} VALUES ${values}`, batch.flat());
    copied += batch.length;
    batch = [];
  };
  for (const row of source.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).iterate() as Iterable<Row>) {
    batch.push(columns.map((c, i) => convert[i]!(row[c])));
    if (batch.length === ROWS_PER_INSERT) await flush();
  }
  await flush();
  return copied;
}

export interface FileRow {
  id: string;
  messageId: string;
  size: number;
  sha256: string;
}

/**
 * The file rows a page at a time (keyset on id), inside the copy's read transaction: holding them
 * all grew with the folder (+32 MB peak RSS at 60,000 files), and an open iterator would keep the
 * connection busy for the chunk reads made inside the loop.
 */
export function* fileRows(source: Database.Database, pageSize = FILE_ROWS_PER_PAGE): Generator<FileRow> {
  const page = source.prepare<[string, number], FileRow>(
    'SELECT id, message_id AS messageId, size, sha256 FROM message_files WHERE id > ? ORDER BY id LIMIT ?',
  );
  let after = '';
  for (;;) {
    const rows = page.all(after, pageSize);
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Every file's bytes into file_chunks, a chunk at a time, checked as they are read: a small send's
 * from SQLite's own file_chunks, any other's from DATA_DIR/blobs.
 */
async function copyContents(source: Database.Database, client: PoolClient, dataDir: string): Promise<{ files: number; bytes: number }> {
  const writer = new ChunkWriter(client);
  const inlineChunks = source.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM file_chunks WHERE file_id = ? ORDER BY seq');
  let files = 0;
  let bytes = 0;
  for (const f of fileRows(source)) {
    const hash = createHash('sha256');
    let read = 0;
    for (const { seq, data } of inlineChunks.iterate(f.id)) {
      hash.update(data);
      await writer.add(f.id, seq, data);
      read += data.byteLength;
    }
    if (read > 0 || inlineChunks.get(f.id)) {
      checkCopied(f, read, hash, `renkei.db file_chunks ${f.id}`);
      files += 1;
      bytes += read;
      continue;
    }
    const path = join(dataDir, 'blobs', f.messageId, f.id);
    const handle = await open(path, 'r').catch(() => null);
    if (!handle) throw new CopyError(`ファイルがありません: blobs/${f.messageId}/${f.id}(リレーを停止して、もう一度実行してください)`);
    try {
      for (let seq = 0; ; seq++) {
        const chunk = Buffer.alloc(CHUNK_BYTES);
        const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, read);
        if (bytesRead === 0 && seq > 0) break;
        hash.update(chunk.subarray(0, bytesRead));
        await writer.add(f.id, seq, chunk.subarray(0, bytesRead));
        read += bytesRead;
        if (bytesRead < CHUNK_BYTES) break;
      }
    } finally {
      await handle.close();
    }
    checkCopied(f, read, hash, `blobs/${f.messageId}/${f.id}`);
    files += 1;
    bytes += read;
  }
  await writer.flush();
  return { files, bytes };
}

function checkCopied(f: FileRow, read: number, hash: Hash, where: string): void {
  if (read !== f.size || hash.digest('hex') !== f.sha256) {
    throw new CopyError(`ファイルの内容が受信時と一致しません: ${where}(${read} バイト、記録は ${f.size} バイト)`);
  }
}

/** The command: `copy-to-postgres [<postgres-url>] [--without-sessions]`; the URL defaults to DATABASE_URL. */
export async function runCopyToPostgres(config: { dataDir: string; databaseUrl: string | null }, args: string[], io: AdminIo): Promise<number> {
  const sessions = !args.includes('--without-sessions');
  const rest = args.filter((a) => a !== '--without-sessions');
  const url = rest[0] ?? config.databaseUrl;
  if (!url || rest.length > 1 || rest.some((a) => a.startsWith('--'))) {
    io.err('使い方: npm run admin -- copy-to-postgres <postgres://…> [--without-sessions]   (コピー元は DATA_DIR)');
    return 2;
  }
  io.out(`コピー元: ${config.dataDir}(SQLite と添付ファイル)`);
  io.out(`コピー先: ${withoutPassword(url)}`);
  try {
    const report = await copyToPostgres(config.dataDir, url, { sessions }, io);
    io.out(`コピーしました(メッセージ ${report.rows.messages ?? 0}件、ファイル ${report.files}件)。DATABASE_URL にコピー先を設定してリレーを起動してください`);
    return 0;
  } catch (err) {
    io.err(err instanceof CopyError ? err.message : `コピーできませんでした: ${err instanceof Error ? err.message : String(err)}`);
    io.err('コピー先には何も書き込まれていません');
    return 1;
  }
}
