// The directory of the month-start peak, written straight into a migrated store (SQLite file or
// PostgreSQL schema) in bulk: N 居宅 offices, each with a person, an office user and a session
// already logged in, and the providers they send to. Logging 2,000 people in through scrypt would
// take minutes of the bench's time and measure logins, which the bench measures on its own.
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { hashPassword } from '../../server/auth/passwords';
import { openStore } from '../../server/db';

export const BENCH_PASSWORD = 'bench-password-2026';

export interface PeakOffice {
  /** the 居宅's office number */
  number: string;
  userId: string;
  officeUserId: string;
  /** the providers it sends to, one send each */
  destinations: string[];
  /** "renkei_session=…" of a session already through the 事業所ユーザログイン */
  cookie: string;
}

export type StoreTarget = { dataDir: string; databaseUrl: null } | { dataDir: string; databaseUrl: string };

interface Table {
  name: string;
  columns: string[];
  /** PostgreSQL array type per column */
  types: string[];
  rows: string[][];
}

const careNumber = (i: number) => `131${String(i).padStart(7, '0')}`;
const providerNumber = (i: number) => `132${String(i).padStart(7, '0')}`;

export async function fillDirectory(target: StoreTarget, count: number, sendsPerOffice: number): Promise<PeakOffice[]> {
  // migrated (and the demo seeded) as a relay would at its first start
  await (await openStore({ ...target, databasePoolSize: 1 })).close();
  const hash = await hashPassword(BENCH_PASSWORD);
  const now = new Date();
  const at = now.toISOString();
  const expires = new Date(now.getTime() + 12 * 3_600_000).toISOString();
  const providers = Math.max(sendsPerOffice, Math.ceil(count / 2));
  const offices: PeakOffice[] = [];
  const tables: Record<string, Table> = {
    offices: { name: 'offices', columns: ['number', 'name', 'kind', 'created_at'], types: ['text', 'text', 'text', 'timestamptz'], rows: [] },
    people: { name: 'people', columns: ['user_id', 'name', 'password_hash', 'created_at'], types: ['text', 'text', 'text', 'timestamptz'], rows: [] },
    links: { name: 'person_offices', columns: ['user_id', 'office_number'], types: ['text', 'text'], rows: [] },
    officeUsers: { name: 'office_users', columns: ['office_user_id', 'office_number', 'password_hash', 'created_at'], types: ['text', 'text', 'text', 'timestamptz'], rows: [] },
    sessions: {
      name: 'sessions',
      columns: ['token_hash', 'user_id', 'office_number', 'office_user_id', 'created_at', 'expires_at'],
      types: ['text', 'text', 'text', 'text', 'timestamptz', 'timestamptz'],
      rows: [],
    },
  };
  for (let p = 0; p < providers; p++) tables.offices!.rows.push([providerNumber(p), `ベンチ訪問介護${p}`, '訪問介護', at]);
  for (let i = 0; i < count; i++) {
    const number = careNumber(i);
    const userId = `bench${i}`;
    const officeUserId = `KJ${number}01`;
    const token = randomBytes(32).toString('base64url');
    tables.offices!.rows.push([number, `ベンチ居宅${i}`, '居宅介護支援', at]);
    tables.people!.rows.push([userId, `ベンチ ${i}`, hash, at]);
    tables.links!.rows.push([userId, number]);
    tables.officeUsers!.rows.push([officeUserId, number, hash, at]);
    tables.sessions!.rows.push([createHash('sha256').update(token).digest('hex'), userId, number, officeUserId, at, expires]);
    const destinations = Array.from({ length: sendsPerOffice }, (_, k) => providerNumber((i * sendsPerOffice + k) % providers));
    offices.push({ number, userId, officeUserId, destinations, cookie: `renkei_session=${token}` });
  }
  if (target.databaseUrl) await writePostgres(target.databaseUrl, Object.values(tables));
  else writeSqlite(target.dataDir, Object.values(tables));
  return offices;
}

function writeSqlite(dataDir: string, tables: Table[]): void {
  const db = new Database(join(dataDir, 'renkei.db'));
  try {
    db.transaction(() => {
      for (const t of tables) {
        const insert = db.prepare(`INSERT INTO ${t.name} (${t.columns.join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`);
        for (const row of t.rows) insert.run(...row);
      }
    })();
  } finally {
    db.close();
  }
}

async function writePostgres(databaseUrl: string, tables: Table[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const t of tables) {
      const unnest = t.types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
      for (let start = 0; start < t.rows.length; start += 1000) {
        const rows = t.rows.slice(start, start + 1000);
        await client.query(`INSERT INTO ${t.name} (${t.columns.join(', ')}) SELECT * FROM unnest(${unnest})`, t.columns.map((_, c) => rows.map((r) => r[c])));
      }
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
