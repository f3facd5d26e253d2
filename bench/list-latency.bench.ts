// Mailbox list latency at 1,000,000 stored messages: GET /api/messages?box=sent|received for
// 3300000001, which has a few thousand of them; the rest are between other offices.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CM } from '../tests/support/cast';
import { openRelay } from '../server/relay';
import { insertBulk } from './support/bulk-messages';
import { keepAliveAgent, loginCookie, request } from './support/http';
import { spawnServer } from './support/spawn';
import { latencyStats, ms, printTable } from './support/stats';

const FOCUS = CM.office;
const PLAN = { total: 1_000_000, focusSent: 3000, focusReceived: 3000, focus: FOCUS, otherOffices: 2000, batchSize: 100_000 };
const REQUESTS = 200;

/** The list query of server/db/sqlite/messages.ts, for EXPLAIN QUERY PLAN and a database-only timing. */
const listSql = (column: string) => `
  SELECT m.id, m.sender, m.destination, m.message, m.sent_by, m.sent_at, m.expires_at,
         s.name, s.kind, d.name, d.kind
  FROM messages m
  LEFT JOIN offices s ON s.number = m.sender
  LEFT JOIN offices d ON d.number = m.destination
  WHERE ${column} = ? ORDER BY m.sent_at DESC, m.id LIMIT 2000`;

function databaseFigures(dataDir: string): string[][] {
  const db = new Database(join(dataDir, 'renkei.db'), { readonly: true });
  const files = db.prepare('SELECT id, position, name, size, category, sha256, downloaded_at FROM message_files WHERE message_id = ? ORDER BY position');
  // what the relay does now: the files of the whole page in one query
  const filesOfMany = db.prepare(
    'SELECT message_id, id, position, name, size, category, sha256, downloaded_at FROM message_files ' +
      'WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY message_id, position',
  );
  const rows: string[][] = [];
  for (const [box, column] of [['sent', 'm.sender'], ['received', 'm.destination']] as const) {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${listSql(column)}`).all(FOCUS) as { detail: string }[];
    console.log(`plan (${box}): ${plan.map((p) => p.detail).join(' | ')}`);
    const stmt = db.prepare(listSql(column));
    const listOnly: number[] = [];
    const perMessage: number[] = [];
    const oneQuery: number[] = [];
    let count = 0;
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      const list = stmt.all(FOCUS) as { id: string }[];
      const t1 = performance.now();
      for (const m of list) files.all(m.id);
      const t2 = performance.now();
      filesOfMany.all(JSON.stringify(list.map((m) => m.id)));
      listOnly.push(t1 - t0);
      perMessage.push(t2 - t0);
      oneQuery.push(t1 - t0 + performance.now() - t2);
      count = list.length;
    }
    const a = latencyStats(listOnly);
    const b = latencyStats(perMessage);
    const c = latencyStats(oneQuery);
    rows.push([`SQL only, ${box}: list query`, String(count), '-', ms(a.p50), ms(a.p99)]);
    rows.push([`SQL only, ${box}: + ${count} file queries (before)`, String(count), '-', ms(b.p50), ms(b.p99)]);
    rows.push([`SQL only, ${box}: + 1 file query (relay)`, String(count), '-', ms(c.p50), ms(c.p99)]);
  }
  db.close();
  return rows;
}

export default async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'renkei-bench-list-'));
  try {
    // migrate and seed the demo directory the way a first start does
    const first = await openRelay({ dataDir, staticDir: join(dataDir, 'no-dist'), seedDemo: true });
    await first.close();

    const bulk = insertBulk(dataDir, PLAN);
    const dbBytes = statSync(join(dataDir, 'renkei.db')).size;
    console.log(
      `inserted ${bulk.messages.toLocaleString()} messages + ${bulk.files.toLocaleString()} file rows ` +
        `(${bulk.offices} offices) in ${(bulk.ms / 1000).toFixed(1)} s ` +
        `(${Math.round(bulk.messages / (bulk.ms / 1000)).toLocaleString()} messages/s), database ${(dbBytes / 2 ** 20).toFixed(0)} MiB`,
    );

    const server = await spawnServer('relay', dataDir);
    const agent = keepAliveAgent(1);
    const rows: string[][] = [['request', 'messages', 'bytes', 'p50', 'p99']];
    try {
      const cookie = await loginCookie(agent, server.url, CM.user, CM.password, CM.officeUser, CM.officePassword);
      for (const box of ['sent', 'received']) {
        const url = `${server.url}/api/messages?box=${box}`;
        const samples: number[] = [];
        let last = { count: 0, bytes: 0 };
        for (let i = 0; i < REQUESTS + 5; i++) {
          const t0 = performance.now();
          const res = await request(agent, url, { headers: { cookie } });
          const elapsed = performance.now() - t0;
          if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.body.toString().slice(0, 300)}`);
          // the first few open the connection and warm the statement cache
          if (i >= 5) samples.push(elapsed);
          last = { count: (JSON.parse(res.body.toString()) as { messages: unknown[] }).messages.length, bytes: res.body.byteLength };
        }
        const s = latencyStats(samples);
        rows.push([`GET ?box=${box}`, String(last.count), String(last.bytes), ms(s.p50), ms(s.p99)]);
      }
    } finally {
      agent.destroy();
      await server.stop();
    }
    rows.push(...databaseFigures(dataDir));
    console.log(`${REQUESTS} sequential requests per box for ${FOCUS} (${PLAN.focusSent} sent, ${PLAN.focusReceived} received stored):`);
    printTable(rows);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
