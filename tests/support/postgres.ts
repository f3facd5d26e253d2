// PostgreSQL test support: each test server gets a fresh schema (so runs and files never collide),
// in-process or as a real second `server/main.ts` process sharing the database and blob folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer, type RunningServer, type StartOptions } from '../../server/main';

/** The database the PostgreSQL tests use; they are skipped when it is not set. */
export const PG_URL = process.env.RENKEI_TEST_DATABASE_URL || null;

export interface TestSchema {
  name: string;
  /** PG_URL with search_path set to the schema: what DATABASE_URL would be. */
  url: string;
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
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
    async drop() {
      await client.query(`DROP SCHEMA ${name} CASCADE`);
      await client.end();
    },
  };
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-pg-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function startPgServer(databaseUrl: string, dataDir: string, options: StartOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir: join(dataDir, 'no-dist'), databaseUrl, ...options });
}

export interface ChildServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** `server/main.ts` in its own Node process, configured only by the environment, as in production. */
export async function startChildServer(databaseUrl: string, dataDir: string): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      STATIC_DIR: join(dataDir, 'no-dist'),
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Renkei relay: (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server process exited (${code}) before listening:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
