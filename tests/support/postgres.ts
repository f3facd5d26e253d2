// PostgreSQL for tests: each store or relay gets a fresh schema (so runs never collide), dropped
// afterwards. Skipped where RENKEI_TEST_DATABASE_URL is not set; CI (.ci/run) always sets it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The database the PostgreSQL tests use; they are skipped when it is not set. */
export const PG_URL = process.env.RENKEI_TEST_DATABASE_URL || null;

export interface TestSchema {
  name: string;
  /** PG_URL with search_path set to the schema: what DATABASE_URL would be. */
  url: string;
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  /** The connection query() uses, search_path set to the schema. */
  client: pg.Client;
  drop(): Promise<void>;
}

export async function createTestSchema(baseUrl: string): Promise<TestSchema> {
  // generated, so safe to splice into SQL (identifiers cannot be query parameters)
  const name = `renkei_t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA ${name}`);
  await client.query(`SET search_path = ${name}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    query: (sql, params) => client.query(sql, params),
    client,
    async drop() {
      await client.query(`DROP SCHEMA ${name} CASCADE`);
      await client.end();
    },
  };
}
