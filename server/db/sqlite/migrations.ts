// Numbered SQLite schema migrations, run at open. Append new ones; never edit one that has shipped.
// PostgreSQL's are in server/db/postgres/migrations.ts: a change here needs its twin there.
import type { Db } from './connection';

export const MIGRATIONS: readonly { version: number; sql: string }[] = [
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
];

export function migrate(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  let current = row.v ?? 0;
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
    }).immediate();
    current = m.version;
  }
  return current;
}
