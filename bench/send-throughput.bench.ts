// Send throughput: 50 concurrent clients on loopback, each send 3 × 5 KB spec-valid CP932 CSVs
// of one サービス利用票 unit (which the relay checks against the spec) with a fresh idempotency
// key and 連番. The relay (Hono + zod + spec checks + SQLite synchronous=FULL + fsynced blobs)
// against a bare node:http server that fsyncs the same files.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CM } from '../tests/support/cast';
import { keepAliveAgent, loginCookie } from './support/http';
import { runLoad, type LoadResult } from './support/load';
import { benchSend, csvContents } from './support/payload';
import { sqliteCommitLatency } from './support/fsync-probe';
import { spawnServer } from './support/spawn';
import { mib, processMemory, type ProcessMemory } from '../tests/support/memory';
import { ms, printTable } from './support/stats';
import { recordFigure } from './support/summary';

const CLIENTS = 50;
const MAX_SENDS = 5000;
const DURATION_MS = 10_000;
const WARMUP_SENDS = 200;

async function measure(kind: 'relay' | 'bare'): Promise<{ result: LoadResult; stored: number; memory: ProcessMemory | null }> {
  const dataDir = mkdtempSync(join(tmpdir(), `renkei-bench-${kind}-`));
  const server = await spawnServer(kind, dataDir);
  const agent = keepAliveAgent(CLIENTS);
  try {
    const headers: Record<string, string> = { 'x-renkei-client': '1' };
    if (kind === 'relay') {
      headers.cookie = await loginCookie(agent, server.url, CM.user, CM.password, CM.officeUser, CM.officePassword);
    }
    const contents = csvContents();
    const load = (offset: number, maxRequests: number, durationMs: number) =>
      runLoad({
        agent,
        url: `${server.url}/api/messages`,
        clients: CLIENTS,
        maxRequests,
        durationMs,
        expectStatus: 201,
        make: (n) => {
          const { body, contentType } = benchSend(offset + n, contents);
          return { method: 'POST', headers: { ...headers, 'content-type': contentType, 'idempotency-key': randomUUID() }, body };
        },
      });
    // opens the 50 sockets and warms the JIT; not counted
    const warm = await load(0, WARMUP_SENDS, DURATION_MS);
    if (warm.failed > 0) throw new Error(`${kind} warm-up failed: ${warm.firstFailure}`);
    const result = await load(WARMUP_SENDS, MAX_SENDS, DURATION_MS);
    const stored = readdirSync(join(dataDir, 'blobs')).length;
    return { result, stored, memory: processMemory(server.pid) };
  } finally {
    agent.destroy();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function run(): Promise<void> {
  const bytes = benchSend(0, csvContents()).body.byteLength;
  console.log(`${CLIENTS} clients, up to ${MAX_SENDS} sends or ${DURATION_MS / 1000} s after ${WARMUP_SENDS} warm-up sends; body ${bytes} bytes (3 files)`);
  const before = sqliteCommitLatency();
  const relay = await measure('relay');
  const bare = await measure('bare');
  const after = sqliteCommitLatency();
  // better-sqlite3 commits run on the event loop: each one stalls every request in flight
  console.log(
    `disk: one SQLite WAL synchronous=FULL commit p50 ${ms(before.p50)} before, ${ms(after.p50)} after ` +
      `(the relay makes 1 per send: message, files, key and audit row in one transaction)`,
  );
  const row = (name: string, m: { result: LoadResult; stored: number; memory: ProcessMemory | null }) => [
    name,
    String(m.result.ok),
    String(m.result.failed),
    (m.result.elapsedMs / 1000).toFixed(1),
    m.result.perSecond.toFixed(0),
    ms(m.result.latency.p50),
    ms(m.result.latency.p99),
    ms(m.result.latency.max),
    String(m.stored),
    m.memory ? mib(m.memory.rss) : 'n/a',
    m.memory ? mib(m.memory.peak) : 'n/a',
  ];
  printTable([
    ['server', 'sends', 'failed', 's', 'sends/s', 'p50', 'p99', 'max', 'stored', 'RSS', 'peak RSS'],
    row('relay (POST /api/messages)', relay),
    row('bare node:http + fsync', bare),
  ]);
  console.log(
    `relay/bare: throughput ${(relay.result.perSecond / bare.result.perSecond).toFixed(2)}×, ` +
      `p50 ${(relay.result.latency.p50 / bare.result.latency.p50).toFixed(2)}×, p99 ${(relay.result.latency.p99 / bare.result.latency.p99).toFixed(2)}×`,
  );
  const ratio = relay.result.perSecond / bare.result.perSecond;
  const p99 = relay.result.latency.p99 / bare.result.latency.p99;
  recordFigure(
    `relay sends/s vs bare node:http + fsync (${CLIENTS} clients, 3 × 5 KB)`,
    `${ratio.toFixed(2)}× (${relay.result.perSecond.toFixed(0)} vs ${bare.result.perSecond.toFixed(0)}/s), p99 ${p99.toFixed(2)}×`,
    '≥ 0.8×, p99 ≤ 1.5×',
    ratio >= 0.8 && p99 <= 1.5,
  );
  for (const [name, m] of [['relay', relay], ['bare', bare]] as const) {
    if (m.result.failed > 0) console.log(`${name} failures: ${JSON.stringify(m.result.failures)} first: ${m.result.firstFailure}`);
  }
}
