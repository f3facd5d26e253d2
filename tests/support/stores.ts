// Both stores, opened fresh for a test: SQLite on a temporary folder, PostgreSQL in a schema of
// its own (RENKEI_TEST_DATABASE_URL). Each can also describe its schema (tables, columns,
// indexes), so a test can hold the two migration lists to the same shape.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openPostgresStore } from '../../server/db/postgres';
import { openSqliteStore } from '../../server/db/sqlite';
import type { Store } from '../../server/db/types';
import { createTestSchema, PG_URL } from './postgres';

/** table → sorted column names; index → "table(col, col)" */
export interface SchemaShape {
  tables: Record<string, string[]>;
  indexes: Record<string, string>;
}

export interface OpenedStore {
  store: Store;
  /** The data folder a relay on this store would have: SQLite's own; an empty one beside PostgreSQL */
  dataDir: string;
  /** Another store on the same database, as a second relay process would open it; closed by dispose(). */
  another(): Promise<Store>;
  schema(): Promise<SchemaShape>;
  /** closes the store and removes its folder or schema */
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'SQLite' | 'PostgreSQL';
  /** null when it can run; else why it is skipped */
  skipped: string | null;
  open(): Promise<OpenedStore>;
}

const sorted = (record: Record<string, string[]>): Record<string, string[]> =>
  Object.fromEntries(Object.entries(record).map(([table, columns]) => [table, [...columns].sort()]));

async function openSqlite(): Promise<OpenedStore> {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-store-'));
  const store = openSqliteStore(dir);
  const others: Store[] = [];
  return {
    store,
    dataDir: dir,
    async another() {
      const other = openSqliteStore(dir);
      others.push(other);
      return other;
    },
    async schema() {
      const db = new Database(join(dir, 'renkei.db'), { readonly: true });
      try {
        const tables: Record<string, string[]> = {};
        const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
        for (const { name } of names) {
          tables[name] = (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((c) => c.name);
        }
        const indexes: Record<string, string> = {};
        const rows = db
          .prepare("SELECT name, tbl_name AS tableName FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
          .all() as { name: string; tableName: string }[];
        for (const { name, tableName } of rows) {
          const columns = (db.prepare(`PRAGMA index_info(${name})`).all() as { name: string }[]).map((c) => c.name);
          indexes[name] = `${tableName}(${columns.join(', ')})`;
        }
        return { tables: sorted(tables), indexes };
      } finally {
        db.close();
      }
    },
    async dispose() {
      for (const other of others) await other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<OpenedStore> {
  const schema = await createTestSchema(PG_URL!);
  const store = await openPostgresStore(schema.url, 4);
  const dir = mkdtempSync(join(tmpdir(), 'renkei-store-pg-'));
  const others: Store[] = [];
  return {
    store,
    dataDir: dir,
    async another() {
      const other = await openPostgresStore(schema.url, 4);
      others.push(other);
      return other;
    },
    async schema() {
      const columns = await schema.query(
        'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()',
      );
      const tables: Record<string, string[]> = {};
      for (const row of columns.rows as { table_name: string; column_name: string }[]) {
        (tables[row.table_name] ??= []).push(row.column_name);
      }
      // the primary keys' and unique constraints' own indexes are SQLite's autoindexes: not compared
      const found = await schema.query(
        `SELECT i.relname AS name, t.relname AS "tableName",
                array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n), ', ') AS columns
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace s ON s.oid = t.relnamespace
         WHERE s.nspname = current_schema() AND NOT x.indisprimary`,
      );
      const indexes: Record<string, string> = {};
      for (const row of found.rows as { name: string; tableName: string; columns: string }[]) {
        indexes[row.name] = `${row.tableName}(${row.columns})`;
      }
      return { tables: sorted(tables), indexes };
    },
    async dispose() {
      for (const other of others) await other.close();
      await store.close();
      await schema.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const BACKENDS: readonly Backend[] = [
  { name: 'SQLite', skipped: null, open: openSqlite },
  {
    name: 'PostgreSQL',
    skipped: PG_URL ? null : 'set RENKEI_TEST_DATABASE_URL (e.g. postgres://renkei:renkei@127.0.0.1:5432/renkei_test) to run',
    open: openPostgres,
  },
];

/**
 * Starts `job` on `store` and keeps it running until release(): another process in the middle of
 * the same job (Store.runAlone). Resolves once the job holds its turn.
 */
export async function holdJob(store: Store, job: string): Promise<{ ran: boolean; release(): Promise<void> }> {
  let started!: (ran: boolean) => void;
  let release!: () => void;
  const holding = new Promise<boolean>((resolve) => (started = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const done = store
    .runAlone(job, async () => {
      started(true);
      await gate;
    })
    .then((result) => started(result !== null));
  const ran = await holding;
  return {
    ran,
    async release() {
      release();
      await done;
    },
  };
}
