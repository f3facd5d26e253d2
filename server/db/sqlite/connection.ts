// Opens the SQLite file that holds the directory, sessions and mailboxes.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/**
 * What renkei.db-wal keeps on disk once a checkpoint has taken it all (journal_size_limit). Small
 * sends' bytes pass through the WAL, and while a reader holds a snapshot (an online backup with
 * VACUUM INTO, docs/deployment.md) no checkpoint gets past it, so the WAL grows by every send
 * meanwhile; without a limit SQLite reuses that file but never shrinks it. A batch is at most
 * 8 MiB (writer.ts) and the write worker checkpoints past 1,000 pages, so day-to-day WALs stay
 * well below this.
 */
export const WAL_KEEP_BYTES = 32 * 1024 * 1024;

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'renkei.db'));
  // WAL lets the admin CLI (another process) read and write while the server runs.
  db.pragma('journal_mode = WAL');
  // FULL, not WAL's usual NORMAL: once the server has answered 201 the message must survive a
  // power cut, because the client then drops it from its outbox and would never resend it.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`journal_size_limit = ${WAL_KEEP_BYTES}`);
  // the admin CLI and the server may write at the same moment: wait instead of failing. Write
  // transactions begin IMMEDIATE (group-commit.ts, the directory), where this wait applies; a
  // deferred one that read first could not wait to upgrade and would fail with "database is locked"
  db.pragma('busy_timeout = 5000');
  return db;
}
