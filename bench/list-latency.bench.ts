// Mailbox latency at 1,000,000 stored messages, in SQLite and (when RENKEI_TEST_DATABASE_URL or
// BENCH_DATABASE_URL names a database) PostgreSQL: the first page (50) of 受信一覧 and 送信一覧 for
// 3300000001, which has a few thousand of each, the counts endpoint the app asks every minute,
// a deeper page (もっと見る) and a few filtered first pages. The target is the first page's p99
// ≤ 20 ms in both stores.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CM } from '../tests/support/cast';
import { createTestSchema } from '../tests/support/postgres';
import { spawnRelay } from '../tests/support/relay';
import { openStore } from '../server/db';
import type { Store } from '../server/db/types';
import { openRelay } from '../server/relay';
import { insertBulk, type BulkResult } from './support/bulk-messages';
import { insertBulkPostgres } from './support/bulk-postgres';
import { keepAliveAgent, loginCookie, request } from './support/http';
import { latencyStats, ms, printTable } from './support/stats';

const FOCUS = CM.office;
// BENCH_LIST_MESSAGES: a smaller load, to try the bench itself quickly
const PLAN = { total: Number(process.env.BENCH_LIST_MESSAGES ?? 1_000_000), focusSent: 3000, focusReceived: 3000, focus: FOCUS, otherOffices: 2000, batchSize: 100_000 };
const REQUESTS = 200;
const TARGET_P99_MS = 20;
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.RENKEI_TEST_DATABASE_URL || null;

const enc = encodeURIComponent;
const CASES: { label: string; path: string | ((next: string) => string) }[] = [
  { label: 'first page 受信一覧', path: '/api/messages?box=received' },
  { label: 'first page 送信一覧', path: '/api/messages?box=sent' },
  { label: 'counts', path: '/api/messages/counts' },
  { label: 'next page 受信一覧 (cursor)', path: (next) => `/api/messages?box=received&cursor=${enc(next)}` },
  { label: 'filter 未 受信一覧', path: `/api/messages?box=received&status=${enc('未')}` },
  { label: 'filter 相手先 prefix', path: '/api/messages?box=received&office=1310000' },
  { label: 'filter text (rare)', path: `/api/messages?box=received&q=${enc('131000012')}` },
  { label: 'sort by office 受信一覧', path: '/api/messages?box=received&sort=office' },
];
const FIRST_PAGES = new Set(['first page 受信一覧', 'first page 送信一覧', 'counts']);

function describeBulk(store: string, bulk: BulkResult): void {
  console.log(
    `${store}: inserted ${bulk.messages.toLocaleString()} messages + ${bulk.files.toLocaleString()} file rows ` +
      `(${bulk.offices} offices) in ${(bulk.ms / 1000).toFixed(1)} s`,
  );
}

async function measure(store: string, url: string): Promise<string[][]> {
  const agent = keepAliveAgent(1);
  const rows: string[][] = [];
  try {
    const cookie = await loginCookie(agent, url, CM.user, CM.password, CM.officeUser, CM.officePassword);
    const get = async (path: string) => {
      const res = await request(agent, `${url}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.toString().slice(0, 300)}`);
      return res;
    };
    const first = JSON.parse((await get('/api/messages?box=received')).body.toString()) as { next: string };
    const paths = CASES.map((c) => (typeof c.path === 'string' ? c.path : c.path(first.next)));
    const samples: number[][] = CASES.map(() => []);
    const last = CASES.map(() => ({ count: '-', bytes: 0 }));
    // the cases take turns, so a burst of other work on the machine falls on all of them alike
    for (let i = 0; i < REQUESTS + 5; i++) {
      for (const [k, path] of paths.entries()) {
        const t0 = performance.now();
        const res = await get(path);
        // the first rounds open the connection and warm the statement cache
        if (i >= 5) samples[k]!.push(performance.now() - t0);
        const body = JSON.parse(res.body.toString()) as { messages?: unknown[] };
        last[k] = { count: body.messages ? String(body.messages.length) : '-', bytes: res.body.byteLength };
      }
    }
    for (const [k, c] of CASES.entries()) {
      const s = latencyStats(samples[k]!);
      const verdict = FIRST_PAGES.has(c.label) ? (s.p99 <= TARGET_P99_MS ? 'ok' : 'OVER') : '';
      rows.push([`${store}: ${c.label}`, last[k]!.count, String(last[k]!.bytes), ms(s.p50), ms(s.p99), verdict]);
    }
  } finally {
    agent.destroy();
  }
  return rows;
}

/** The store's own work for the same first pages and counts, in this process: no HTTP, no session, no JSON. */
async function storeRows(name: string, store: Store): Promise<string[][]> {
  const NOW_ISO = new Date().toISOString();
  const soon = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const calls: [string, () => Promise<unknown>][] = [
    ['store only: first page 受信一覧', () => store.messages.page({ nowIso: NOW_ISO, box: 'received', office: FOCUS, filter: {}, sort: 'newest', after: null, limit: 50 })],
    ['store only: first page 送信一覧', () => store.messages.page({ nowIso: NOW_ISO, box: 'sent', office: FOCUS, filter: {}, sort: 'newest', after: null, limit: 50 })],
    ['store only: counts', () => store.messages.counts(FOCUS, NOW_ISO, soon)],
  ];
  const samples: number[][] = calls.map(() => []);
  for (let i = 0; i < REQUESTS + 5; i++) {
    for (const [k, [, call]] of calls.entries()) {
      const t0 = performance.now();
      await call();
      if (i >= 5) samples[k]!.push(performance.now() - t0);
    }
  }
  return calls.map(([label], k) => {
    const s = latencyStats(samples[k]!);
    return [`${name}: ${label}`, '', '', ms(s.p50), ms(s.p99), ''];
  });
}

function sqlitePlans(dataDir: string): void {
  const db = new Database(join(dataDir, 'renkei.db'), { readonly: true });
  for (const [box, column] of [['sent', 'sender'], ['received', 'destination']] as const) {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM messages m WHERE m.${column} = ? ORDER BY m.sent_at DESC, m.id DESC LIMIT 51`)
      .all(FOCUS) as { detail: string }[];
    console.log(`SQLite plan (${box}): ${plan.map((p) => p.detail).join(' | ')}`);
  }
  db.close();
}

async function sqliteRows(): Promise<string[][]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'renkei-bench-list-'));
  try {
    // migrate and seed the demo directory the way a first start does
    const first = await openRelay({ dataDir, staticDir: join(dataDir, 'no-dist'), seedDemo: true });
    await first.close();
    describeBulk('SQLite', insertBulk(dataDir, PLAN));
    console.log(`SQLite database ${(statSync(join(dataDir, 'renkei.db')).size / 2 ** 20).toFixed(0)} MiB`);
    sqlitePlans(dataDir);
    const server = await spawnRelay({ DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-dist') });
    let rows: string[][];
    try {
      rows = await measure('SQLite', server.url);
    } finally {
      await server.stop();
    }
    const store = await openStore({ dataDir, databaseUrl: null, databasePoolSize: 1 });
    try {
      return [...rows, ...(await storeRows('SQLite', store))];
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgresRows(url: string): Promise<string[][]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'renkei-bench-list-pg-'));
  const schema = await createTestSchema(url);
  try {
    const first = await openRelay({ dataDir, staticDir: join(dataDir, 'no-dist'), seedDemo: true, databaseUrl: schema.url });
    await first.close();
    describeBulk('PostgreSQL', await insertBulkPostgres(schema.url, PLAN));
    const plan = await schema.query(
      `EXPLAIN SELECT id FROM messages m WHERE m.destination = $1 ORDER BY m.sent_at DESC, m.id COLLATE "C" DESC LIMIT 51`,
      [FOCUS],
    );
    console.log(`PostgreSQL plan (received): ${(plan.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN'].trim()).join(' | ')}`);
    const server = await spawnRelay({ DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-dist'), DATABASE_URL: schema.url });
    let rows: string[][];
    try {
      rows = await measure('PostgreSQL', server.url);
    } finally {
      await server.stop();
    }
    const store = await openStore({ dataDir, databaseUrl: schema.url, databasePoolSize: 2 });
    try {
      return [...rows, ...(await storeRows('PostgreSQL', store))];
    } finally {
      await store.close();
    }
  } finally {
    await schema.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function run(): Promise<void> {
  const header = ['request', 'messages', 'bytes', 'p50', 'p99', `p99 ≤ ${TARGET_P99_MS} ms`];
  const print = (rows: string[][]) => {
    console.log(`${REQUESTS} sequential requests each for ${FOCUS} (${PLAN.focusSent} sent, ${PLAN.focusReceived} received of ${PLAN.total.toLocaleString()} stored):`);
    printTable([header, ...rows]);
  };
  print(await sqliteRows());
  if (PG_URL) print(await postgresRows(PG_URL));
  else console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL or RENKEI_TEST_DATABASE_URL)');
}
