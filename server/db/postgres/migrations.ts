// Numbered PostgreSQL schema migrations, run at start. Append new ones; never edit one that has shipped.
import type { Pool, PoolClient } from 'pg';
import { searchKey } from '../../../src/domain/mailbox';
import { derivedColumns } from '../mailbox-sql';

/** `backfill` fills, in the same transaction, what SQL alone cannot derive (file-name parsing, NFKC). */
export const MIGRATIONS: readonly { version: number; sql: string; backfill?: (client: PoolClient) => Promise<void> }[] = [
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
  {
    // issue 12: lists that scale (keyset pages, filters, counts), 送信取消, and the 送受信記録
    // that outlives the messages (twin: sqlite/migrations.ts version 4). Ids are ordered byte by
    // byte (COLLATE "C") whatever the database's locale, as in SQLite.
    version: 3,
    sql: `
      ALTER TABLE messages ADD COLUMN withdrawn_at timestamptz;
      ALTER TABLE messages ADD COLUMN withdrawn_by text;
      ALTER TABLE messages ADD COLUMN pending_files integer NOT NULL DEFAULT 0;
      ALTER TABLE messages ADD COLUMN first_download_at timestamptz;
      ALTER TABLE messages ADD COLUMN kinds integer NOT NULL DEFAULT 0;
      ALTER TABLE messages ADD COLUMN months text NOT NULL DEFAULT '';
      ALTER TABLE messages ADD COLUMN search_text text NOT NULL DEFAULT '';
      UPDATE messages SET
        pending_files = (SELECT COUNT(*) FROM message_files f WHERE f.message_id = messages.id AND f.downloaded_at IS NULL),
        first_download_at = (SELECT MIN(downloaded_at) FROM message_files f WHERE f.message_id = messages.id);
      DROP INDEX messages_sender;
      DROP INDEX messages_destination;
      CREATE INDEX messages_sender ON messages(sender, sent_at, id COLLATE "C");
      CREATE INDEX messages_destination ON messages(destination, sent_at, id COLLATE "C");
      CREATE INDEX messages_unread_received ON messages(destination, sent_at) WHERE pending_files > 0 AND withdrawn_at IS NULL;
      CREATE INDEX messages_unread_sent ON messages(sender, sent_at) WHERE pending_files > 0 AND withdrawn_at IS NULL;
      ALTER TABLE offices ADD COLUMN name_key text NOT NULL DEFAULT '';
      CREATE TABLE transfer_log (
        file_id text PRIMARY KEY,
        message_id text NOT NULL,
        position integer NOT NULL,
        sender text NOT NULL,
        destination text NOT NULL,
        sender_name text NOT NULL,
        destination_name text NOT NULL,
        sent_by text NOT NULL,
        sent_at timestamptz NOT NULL,
        name text NOT NULL,
        category text NOT NULL,
        size integer NOT NULL,
        sha256 text NOT NULL,
        downloaded_at timestamptz,
        withdrawn_at timestamptz,
        sender_detached boolean NOT NULL DEFAULT false,
        destination_detached boolean NOT NULL DEFAULT false
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
    async backfill(client) {
      const offices = await client.query<{ number: string; name: string }>('SELECT number, name FROM offices');
      for (const o of offices.rows) await client.query('UPDATE offices SET name_key = $1 WHERE number = $2', [searchKey(o.name), o.number]);
      const messages = await client.query<{ id: string; message: string; names: string[] }>(
        `SELECT m.id, m.message, COALESCE(array_agg(f.name ORDER BY f.position) FILTER (WHERE f.name IS NOT NULL), '{}') AS names
         FROM messages m LEFT JOIN message_files f ON f.message_id = m.id GROUP BY m.id`,
      );
      for (const row of messages.rows) {
        const d = derivedColumns(row.message, row.names);
        await client.query('UPDATE messages SET kinds = $1, months = $2, search_text = $3 WHERE id = $4', [d.kinds, d.months, d.searchText, row.id]);
      }
    },
  },
  {
    // file contents in the database (./contents.ts), so no process needs a shared disk. SQLite
    // has the same table for small sends since its version 5 (larger ones in DATA_DIR/blobs)
    version: 4,
    sql: `
      CREATE TABLE file_chunks (
        file_id text NOT NULL REFERENCES message_files(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (file_id, seq)
      );
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
          await m.backfill?.(client);
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
