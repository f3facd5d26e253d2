// The month-start peak: BENCH_PEAK_OFFICES 居宅 offices (default 2,000) each send BENCH_PEAK_SENDS
// (default 5) send units of the month's 予定 (UPPLAN + UPSIKYU + UPHOSOKU CP932 CSVs for 8 people and
// a 150 KB PDF: bench/support/peak-payload.ts) to their providers, from BENCH_PEAK_CLIENTS
// concurrent clients (default 32), against the relay on SQLite (one process) and on PostgreSQL with
// one and two processes (sends spread over them as a load balancer would). Prints sends/s, latency,
// what the storage grows by per 1,000 sends, each process's peak memory and the login rate, then
// checks that every acknowledged send is stored once. PostgreSQL: BENCH_DATABASE_URL, else
// RENKEI_TEST_DATABASE_URL (a schema of its own, dropped afterwards); without either, skipped.
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import type http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { mib, processMemory } from '../tests/support/memory';
import { createTestSchema, type TestSchema } from '../tests/support/postgres';
import { spawnRelay, tempDataDir, type SpawnedRelay } from '../tests/support/relay';
import { cpuMs, postgresPids } from './support/cpu';
import { keepAliveAgent, loginCookie, request } from './support/http';
import { BENCH_PASSWORD, fillDirectory, type PeakOffice } from './support/peak-directory';
import { sendUnitMaker, type SendUnitMaker } from './support/peak-payload';
import { latencyStats, ms, printTable } from './support/stats';

const intEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const OFFICES = intEnv('BENCH_PEAK_OFFICES', 2000);
const SENDS = intEnv('BENCH_PEAK_SENDS', 5);
const CLIENTS = intEnv('BENCH_PEAK_CLIENTS', 32);
const WARMUP_OFFICES = 10;
const LOGINS = 60;
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.RENKEI_TEST_DATABASE_URL || null;

interface Target {
  name: string;
  postgres: boolean;
  processes: number;
}

interface Measured {
  target: Target;
  sends: number;
  failed: number;
  firstFailure: string | null;
  seconds: number;
  latencies: number[];
  /** growth per 1,000 sends: database (with its contents, on PostgreSQL) and files on disk (SQLite) */
  databasePer1000: number;
  filesPer1000: number;
  peakRss: number[];
  loginsPerSecond: number;
  /** relay CPU per login (person and 事業所ユーザ: two scrypt checks) */
  loginCpuMs: number;
  /** CPU per acknowledged send: the relay processes', and (PostgreSQL on this machine) the database server's */
  relayCpuMs: number;
  databaseCpuMs: number | null;
}

/** Sends of `offices`, spread over `urls` send by send; the latency of each acknowledged one. */
async function drive(agent: http.Agent, urls: string[], offices: PeakOffice[], maker: SendUnitMaker, first: number) {
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | null = null;
  let nextOffice = 0;
  let n = first;
  const client = async () => {
    while (nextOffice < offices.length) {
      const office = offices[nextOffice++]!;
      for (const destination of office.destinations) {
        const sendNo = n++;
        const { body, contentType } = maker.body(office.number, destination, sendNo);
        const started = performance.now();
        const res = await request(agent, `${urls[sendNo % urls.length]}/api/messages`, {
          method: 'POST',
          headers: { cookie: office.cookie, 'content-type': contentType, 'x-renkei-client': '1', 'idempotency-key': randomUUID() },
          body,
        }).catch((err: Error) => ({ status: 0, body: Buffer.from(err.message) }));
        if (res.status === 201) latencies.push(performance.now() - started);
        else {
          failed++;
          firstFailure ??= `${res.status} ${res.body.toString().slice(0, 200)}`;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { latencies, failed, firstFailure };
}

/** Person login then 事業所ユーザログイン, LOGINS of them 8 at a time: two scrypt checks each. */
async function loginRate(agent: http.Agent, urls: string[], offices: PeakOffice[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < LOGINS) {
        const i = next++;
        const o = offices[i % offices.length]!;
        await loginCookie(agent, urls[i % urls.length]!, o.userId, BENCH_PASSWORD, o.officeUserId, BENCH_PASSWORD);
      }
    }),
  );
  return LOGINS / ((performance.now() - started) / 1000);
}

function diskBytes(path: string): number {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.blocks * 512;
  return readdirSync(path).reduce((n, entry) => n + diskBytes(join(path, entry)), s.blocks * 512);
}

async function storageBytes(dataDir: string, schema: TestSchema | null): Promise<{ database: number; files: number }> {
  if (!schema) return { database: diskBytes(join(dataDir, 'renkei.db')) + diskBytes(join(dataDir, 'renkei.db-wal')), files: diskBytes(join(dataDir, 'blobs')) };
  const { rows } = await schema.query(
    `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::text AS bytes FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
    [schema.name],
  );
  return { database: Number(rows[0].bytes), files: 0 };
}

async function storedMessages(dataDir: string, schema: TestSchema | null): Promise<number> {
  if (schema) return (await schema.query('SELECT COUNT(*)::int AS n FROM messages')).rows[0].n as number;
  const db = new Database(join(dataDir, 'renkei.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function measure(target: Target, maker: SendUnitMaker): Promise<Measured> {
  const data = tempDataDir('renkei-bench-peak-');
  const schema = target.postgres ? await createTestSchema(PG_URL!) : null;
  const relays: SpawnedRelay[] = [];
  const extraDirs = Array.from({ length: target.processes }, () => tempDataDir('renkei-bench-peak-proc-'));
  const agent = keepAliveAgent(CLIENTS);
  try {
    const offices = await fillDirectory({ dataDir: data.dir, databaseUrl: schema?.url ?? null }, OFFICES + WARMUP_OFFICES, SENDS);
    for (const { dir } of extraDirs) {
      // (an empty DATABASE_URL: SQLite, whatever the environment says)
      const env: Record<string, string> = schema ? { DATABASE_URL: schema.url, DATA_DIR: dir } : { DATABASE_URL: '', DATA_DIR: data.dir };
      relays.push(await spawnRelay({ ...env, STATIC_DIR: join(dir, 'no-dist'), DATABASE_POOL_SIZE: '10' }));
    }
    const urls = relays.map((r) => r.url);
    // sockets opened, JIT warm, caches filled: not counted
    const warm = await drive(agent, urls, offices.slice(0, WARMUP_OFFICES), maker, 0);
    if (warm.failed > 0) throw new Error(`${target.name}: warm-up failed: ${warm.firstFailure}`);
    const before = await storageBytes(data.dir, schema);
    const relayPids = relays.map((r) => r.pid);
    const databasePids = schema ? postgresPids() : [];
    const cpuBefore = { relay: cpuMs(relayPids), database: cpuMs(databasePids) };
    const started = performance.now();
    const run = await drive(agent, urls, offices.slice(WARMUP_OFFICES), maker, WARMUP_OFFICES * SENDS);
    const seconds = (performance.now() - started) / 1000;
    const cpu = { relay: cpuMs(relayPids) - cpuBefore.relay, database: cpuMs(databasePids) - cpuBefore.database };
    const after = await storageBytes(data.dir, schema);
    const sends = run.latencies.length;
    const stored = await storedMessages(data.dir, schema);
    if (stored !== sends + WARMUP_OFFICES * SENDS) throw new Error(`${target.name}: ${stored} messages stored for ${sends} acknowledged sends`);
    const peakRss = relays.map((r) => processMemory(r.pid)?.peak ?? NaN);
    const cpuBeforeLogins = cpuMs(relayPids);
    const loginsPerSecond = await loginRate(agent, urls, offices);
    const loginCpuMs = (cpuMs(relayPids) - cpuBeforeLogins) / LOGINS;
    const per1000 = (bytes: number) => (sends > 0 ? (bytes / sends) * 1000 : NaN);
    return {
      target,
      sends,
      failed: run.failed,
      firstFailure: run.firstFailure,
      seconds,
      latencies: run.latencies,
      databasePer1000: per1000(after.database - before.database),
      filesPer1000: per1000(after.files - before.files),
      peakRss,
      loginsPerSecond,
      loginCpuMs,
      relayCpuMs: cpu.relay / sends,
      databaseCpuMs: databasePids.length > 0 ? cpu.database / sends : null,
    };
  } finally {
    agent.destroy();
    for (const relay of relays) await relay.stop();
    await schema?.drop();
    for (const d of [data, ...extraDirs]) d.remove();
  }
}

export default async function monthStartPeak(): Promise<void> {
  const maker = sendUnitMaker();
  console.log(
    `${OFFICES} offices × ${SENDS} sends = ${OFFICES * SENDS} sends from ${CLIENTS} clients (after ${WARMUP_OFFICES * SENDS} warm-up sends); ` +
      `one send = 3 CSVs + 1 PDF, ${(maker.bytes / 1024).toFixed(0)} KiB of files. Scale: BENCH_PEAK_OFFICES, BENCH_PEAK_SENDS, BENCH_PEAK_CLIENTS`,
  );
  const targets: Target[] = [{ name: 'SQLite, 1 process', postgres: false, processes: 1 }];
  if (PG_URL) {
    targets.push({ name: 'PostgreSQL, 1 process', postgres: true, processes: 1 }, { name: 'PostgreSQL, 2 processes', postgres: true, processes: 2 });
  } else {
    console.log('PostgreSQL: SKIPPED — set BENCH_DATABASE_URL (or RENKEI_TEST_DATABASE_URL) to a database where the bench may create a schema');
  }
  const results: Measured[] = [];
  for (const target of targets) results.push(await measure(target, maker));
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  printTable([
    ['target', 'sends', 'failed', 's', 'sends/s', 'p50', 'p99', 'max', 'CPU/send relay', 'CPU/send PostgreSQL', 'DB / 1000 sends', 'files / 1000 sends', 'peak RSS per process', 'logins/s', 'CPU/login'],
    ...results.map((m) => {
      const stats = latencyStats(m.latencies);
      return [
        m.target.name,
        String(m.sends),
        String(m.failed),
        m.seconds.toFixed(1),
        (m.sends / m.seconds).toFixed(0),
        ms(stats.p50),
        ms(stats.p99),
        ms(stats.max),
        ms(m.relayCpuMs),
        m.databaseCpuMs === null ? '-' : ms(m.databaseCpuMs),
        mb(m.databasePer1000),
        m.target.postgres ? '(in DB)' : mb(m.filesPer1000),
        m.peakRss.map(mib).join(' + '),
        m.loginsPerSecond.toFixed(1),
        ms(m.loginCpuMs),
      ];
    }),
  ]);
  for (const m of results) if (m.failed > 0) console.log(`${m.target.name}: ${m.failed} failed, first: ${m.firstFailure}`);
  console.log(
    `machine: ${cpus().length} cores shared by the load generator, the relay processes and PostgreSQL (load average ${loadavg()[0]!.toFixed(1)} now): ` +
      'sends/s is what this machine gave; CPU per send is what a core must give per send (PostgreSQL: every server process on this machine)',
  );
  console.log('checked: every acknowledged send stored once (messages counted in the database after each run)');
}
