// Numbered PostgreSQL schema migrations, run at start. Append new ones; never edit one that has shipped.
import type { Pool } from 'pg';

export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE offices (
        number text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL
      );
      CREATE TABLE people (
        user_id text PRIMARY KEY,
        name text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE person_offices (
        user_id text NOT NULL REFERENCES people(user_id) ON DELETE CASCADE,
        office_number text NOT NULL REFERENCES offices(number) ON DELETE CASCADE,
        PRIMARY KEY (user_id, office_number)
      );
      CREATE TABLE office_users (
        office_user_id text PRIMARY KEY,
        office_number text NOT NULL REFERENCES offices(number) ON DELETE CASCADE,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES people(user_id) ON DELETE CASCADE,
        office_number text REFERENCES offices(number) ON DELETE CASCADE,
        office_user_id text,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE INDEX sessions_expires ON sessions(expires_at);
      -- sender/destination keep no foreign key: a message outlives an office removed from the directory
      CREATE TABLE messages (
        id text PRIMARY KEY,
        sender text NOT NULL,
        destination text NOT NULL,
        message text NOT NULL,
        sent_by text NOT NULL,
        sent_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX messages_sender ON messages(sender, sent_at);
      CREATE INDEX messages_destination ON messages(destination, sent_at);
      CREATE INDEX messages_expires ON messages(expires_at);
      CREATE TABLE message_files (
        id text PRIMARY KEY,
        message_id text NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        position integer NOT NULL,
        name text NOT NULL,
        size integer NOT NULL,
        category text NOT NULL,
        sha256 text NOT NULL,
        downloaded_at timestamptz
      );
      CREATE INDEX message_files_message ON message_files(message_id, position);
      -- the UNIQUE (office_number, key) is what makes concurrent retries of one send store it once
      CREATE TABLE idempotency (
        office_number text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        message_id text NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (office_number, key)
      );
      CREATE INDEX idempotency_message ON idempotency(message_id);
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor text,
        office text,
        target text,
        address text,
        detail text
      );
    `,
  },
  {
    // login throttling and the lookup limit counted in the database (every process sees them),
    // and messages detached from a removed office's number (a new office under it starts empty)
    version: 2,
    sql: `
      CREATE TABLE rate_events (
        attempt text NOT NULL,
        key text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX rate_events_key ON rate_events(key, at);
      CREATE INDEX rate_events_attempt ON rate_events(attempt);
      CREATE INDEX rate_events_at ON rate_events(at);
      ALTER TABLE messages ADD COLUMN sender_detached boolean NOT NULL DEFAULT false;
      ALTER TABLE messages ADD COLUMN destination_detached boolean NOT NULL DEFAULT false;
    `,
  },
];

/** Arbitrary first half of the advisory lock key; the second half is the schema, so schemas migrate independently. */
const MIGRATION_LOCK = 0x52_4b_4d_47; // "RKMG"

/** Brings the schema up to date. Several processes starting at once take turns: one migrates, the rest find nothing to do. */
export async function migrate(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext(COALESCE(current_schema(), \'\')))', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_version');
      let current = rows[0]?.v ?? 0;
      for (const m of MIGRATIONS) {
        if (m.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
        current = m.version;
      }
      return current;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext(COALESCE(current_schema(), \'\')))', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
