// Numbered SQLite schema migrations, run at open. Append new ones; never edit one that has shipped.
// PostgreSQL's are in server/db/postgres/migrations.ts: a change here needs its twin there.
import type { Db } from './connection';
import { derivedColumns } from '../mailbox-sql';
import { searchKey } from '../../../src/domain/mailbox';

/** `backfill` fills, in the same transaction, what SQL alone cannot derive (file-name parsing, NFKC). */
export const MIGRATIONS: readonly { version: number; sql: string; backfill?: (db: Db) => void }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE offices (
        number TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE TABLE people (
        user_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE person_offices (
        user_id TEXT NOT NULL REFERENCES people(user_id) ON DELETE CASCADE,
        office_number TEXT NOT NULL REFERENCES offices(number) ON DELETE CASCADE,
        PRIMARY KEY (user_id, office_number)
      );
      CREATE TABLE office_users (
        office_user_id TEXT PRIMARY KEY,
        office_number TEXT NOT NULL REFERENCES offices(number) ON DELETE CASCADE,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES people(user_id) ON DELETE CASCADE,
        office_number TEXT REFERENCES offices(number) ON DELETE CASCADE,
        office_user_id TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      -- sender/destination keep no foreign key: a message outlives an office removed from the directory
      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        sender TEXT NOT NULL,
        destination TEXT NOT NULL,
        message TEXT NOT NULL,
        sent_by TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX messages_sender ON messages(sender, sent_at);
      CREATE INDEX messages_destination ON messages(destination, sent_at);
      CREATE INDEX messages_expires ON messages(expires_at);
      CREATE TABLE message_files (
        id TEXT PRIMARY KEY,
        message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        category TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        downloaded_at TEXT
      );
      CREATE INDEX message_files_message ON message_files(message_id, position);
      CREATE TABLE idempotency (
        office_number TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (office_number, key)
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        actor TEXT,
        office TEXT,
        target TEXT,
        address TEXT,
        detail TEXT
      );
    `,
  },
  {
    // the two indexes PostgreSQL had from the start: session expiry sweeps and the idempotency
    // keys deleted with their message (tests/server/store-conformance.test.ts compares the schemas)
    version: 2,
    sql: `
      CREATE INDEX sessions_expires ON sessions(expires_at);
      CREATE INDEX idempotency_message ON idempotency(message_id);
    `,
  },
  {
    // login throttling and the lookup limit counted in the database (every process sees them),
    // and messages detached from a removed office's number (a new office under it starts empty)
    version: 3,
    sql: `
      CREATE TABLE rate_events (
        attempt TEXT NOT NULL,
        key TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX rate_events_key ON rate_events(key, at);
      CREATE INDEX rate_events_attempt ON rate_events(attempt);
      CREATE INDEX rate_events_at ON rate_events(at);
      ALTER TABLE messages ADD COLUMN sender_detached INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE messages ADD COLUMN destination_detached INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    // issue 12: lists that scale (keyset pages, filters, counts), 送信取消, and the 送受信記録
    // that outlives the messages (twin: postgres/migrations.ts version 3)
    version: 4,
    sql: `
      ALTER TABLE messages ADD COLUMN withdrawn_at TEXT;
      ALTER TABLE messages ADD COLUMN withdrawn_by TEXT;
      ALTER TABLE messages ADD COLUMN pending_files INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE messages ADD COLUMN first_download_at TEXT;
      ALTER TABLE messages ADD COLUMN kinds INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE messages ADD COLUMN months TEXT NOT NULL DEFAULT '';
      ALTER TABLE messages ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
      UPDATE messages SET
        pending_files = (SELECT COUNT(*) FROM message_files f WHERE f.message_id = messages.id AND f.downloaded_at IS NULL),
        first_download_at = (SELECT MIN(downloaded_at) FROM message_files f WHERE f.message_id = messages.id);
      DROP INDEX messages_sender;
      DROP INDEX messages_destination;
      CREATE INDEX messages_sender ON messages(sender, sent_at, id);
      CREATE INDEX messages_destination ON messages(destination, sent_at, id);
      CREATE INDEX messages_unread_received ON messages(destination, sent_at) WHERE pending_files > 0 AND withdrawn_at IS NULL;
      CREATE INDEX messages_unread_sent ON messages(sender, sent_at) WHERE pending_files > 0 AND withdrawn_at IS NULL;
      ALTER TABLE offices ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
      CREATE TABLE transfer_log (
        file_id TEXT PRIMARY KEY,
        message_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        sender TEXT NOT NULL,
        destination TEXT NOT NULL,
        sender_name TEXT NOT NULL,
        destination_name TEXT NOT NULL,
        sent_by TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        downloaded_at TEXT,
        withdrawn_at TEXT,
        sender_detached INTEGER NOT NULL DEFAULT 0,
        destination_detached INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO transfer_log
        SELECT f.id, m.id, f.position, m.sender, m.destination, COALESCE(s.name, ''), COALESCE(d.name, ''),
               m.sent_by, m.sent_at, f.name, f.category, f.size, f.sha256, f.downloaded_at, NULL,
               m.sender_detached, m.destination_detached
        FROM message_files f JOIN messages m ON m.id = f.message_id
        LEFT JOIN offices s ON s.number = m.sender LEFT JOIN offices d ON d.number = m.destination;
      CREATE INDEX transfer_log_sender ON transfer_log(sender, sent_at);
      CREATE INDEX transfer_log_destination ON transfer_log(destination, sent_at);
    `,
    backfill(db) {
      const setOffice = db.prepare('UPDATE offices SET name_key = ? WHERE number = ?');
      for (const o of db.prepare('SELECT number, name FROM offices').all() as { number: string; name: string }[]) {
        setOffice.run(searchKey(o.name), o.number);
      }
      const setMessage = db.prepare('UPDATE messages SET kinds = ?, months = ?, search_text = ? WHERE id = ?');
      const rows = db
        .prepare(`SELECT m.id, m.message, group_concat(f.name, char(10)) AS names FROM messages m
                  LEFT JOIN message_files f ON f.message_id = m.id GROUP BY m.id`)
        .all() as { id: string; message: string; names: string | null }[];
      for (const row of rows) {
        const d = derivedColumns(row.message, row.names ? row.names.split('\n') : []);
        setMessage.run(d.kinds, d.months, d.searchText, row.id);
      }
    },
  },
  {
    // issue 14: small sends' file contents committed with their rows, in the write worker's batch
    // (one fsync'd commit for many sends instead of ~5 fsyncs of files each); larger sends stay in
    // DATA_DIR/blobs (server/blobs/disk.ts). Rows of at most 256 KiB (chunks.ts), the twin of
    // PostgreSQL's table, gone with their file row and so with their message
    version: 5,
    sql: `
      CREATE TABLE file_chunks (
        file_id TEXT NOT NULL REFERENCES message_files(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (file_id, seq)
      );
    `,
  },
];

export class NewerSchemaError extends Error {
  constructor(found: number, known: number) {
    super(`renkei.db was last used by a newer Renkei (schema ${found}; this version knows up to ${known}): start that version or a later one`);
    this.name = 'NewerSchemaError';
  }
}

export function migrate(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  let current = row.v ?? 0;
  const known = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  // a data folder a later Renkei has used: this one would not see what it added (since version 5,
  // small sends' file contents in file_chunks, whose downloads would answer 404)
  if (current > known) throw new NewerSchemaError(current, known);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.backfill?.(db);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
    }).immediate();
    current = m.version;
  }
  return current;
}
