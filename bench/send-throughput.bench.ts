// Send throughput: 50 concurrent clients on loopback, each send 3 × 5 KB spec-valid CP932 CSVs
// of one サービス利用票 unit (which the relay checks against the spec) with a fresh idempotency
// key and 連番. The relay (Hono + zod + spec checks + SQLite synchronous=FULL) against a bare
// node:http server that writes the same 3 files with an fsync each, then syncs its staging folder,
// renames it and syncs the parent. The relay keeps a send this small (≤ 1 MiB) in renkei.db: its
// bytes go into one fsync'd SQLite commit shared by a batch of sends, with no fsync of its own
// (larger sends take the bare server's path). Both run at once and are loaded in
// turn, round by round, so other work on a shared machine weighs on both alike.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { CM } from '../tests/support/cast';
import { keepAliveAgent, loginCookie } from './support/http';
import { runLoad, type LoadResult } from './support/load';
import { benchSend, csvContents } from './support/payload';
import { benchDataDir, benchDataPlace } from './support/data-dir';
import { sqliteCommitLatency } from './support/fsync-probe';
import { cpuMs, mainThreadCpuMs } from './support/cpu';
import { spawnServer } from './support/spawn';
import { mib, processMemory, type ProcessMemory } from '../tests/support/memory';
import { ms, printTable } from './support/stats';
import { recordFigure } from './support/summary';
import { storedContents } from './support/stored';

const CLIENTS = 50;
const MAX_SENDS = 5000;
const DURATION_MS = 10_000;
/**
 * Sends before the measured rounds, not counted. A relay runs for weeks; what a month-start peak meets is
 * its steady state. After only 200 sends V8 was still compiling the relay's hot code through the whole
 * window (its compiler threads ≈ 0.3 ms a send, ≈ 0.1 after 8,000): the figure measured start-up, not
 * throughput. Both servers get the same warm-up; its own figures are printed too.
 */
const WARMUP_SENDS = Number(process.env.BENCH_WARMUP_SENDS ?? 3000);
const WARMUP_MS = 30_000;

/** Rounds per server, taken in turn (relay, bare, relay, …): load from other work on the machine falls on both alike. */
const ROUNDS = 4;

interface Target {
  kind: 'relay' | 'bare';
  load: (offset: number, maxRequests: number, durationMs: number) => Promise<LoadResult>;
  stored: () => number;
  memory: () => ProcessMemory | null;
  /** CPU the server's process has used so far (all its threads), ms */
  cpu: () => number;
  /** of which its main thread (the event loop), ms */
  mainCpu: () => number;
  stop: () => Promise<void>;
}

async function start(kind: 'relay' | 'bare'): Promise<Target> {
  const dataDir = benchDataDir(`${kind}-`);
  const server = await spawnServer(kind, dataDir);
  const agent = keepAliveAgent(CLIENTS);
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
  const warmCpuBefore = cpuMs([server.pid]);
  const warm = await load(0, WARMUP_SENDS, WARMUP_MS);
  if (warm.failed > 0) throw new Error(`${kind} warm-up failed: ${warm.firstFailure}`);
  const warmCpu = cpuMs([server.pid]) - warmCpuBefore;
  console.log(
    `${kind} warm-up (not counted): ${warm.ok} sends, ${warm.perSecond.toFixed(0)}/s, p99 ${ms(warm.latency.p99)}, ` +
      `CPU/send ${(warmCpu / Math.max(1, warm.ok)).toFixed(2)} ms`,
  );
  return {
    kind,
    load,
    stored: () => storedContents(dataDir),
    memory: () => processMemory(server.pid),
    cpu: () => cpuMs([server.pid]),
    mainCpu: () => mainThreadCpuMs(server.pid),
    stop: async () => {
      agent.destroy();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Measured {
  rounds: LoadResult[];
  ok: number;
  failed: number;
  elapsedMs: number;
  perSecond: number;
  stored: number;
  memory: ProcessMemory | null;
  /** the server's CPU time (user + system, all threads) per acknowledged send, ms */
  cpuPerSend: number;
  /** of which the main thread's, ms */
  mainCpuPerSend: number;
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measureInTurn(): Promise<{ relay: Measured; bare: Measured }> {
  const targets = [await start('relay'), await start('bare')];
  const rounds = new Map<Target, LoadResult[]>(targets.map((t) => [t, []]));
  const cpu = new Map<Target, number>(targets.map((t) => [t, 0]));
  const mainCpu = new Map<Target, number>(targets.map((t) => [t, 0]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        const offset = WARMUP_SENDS + round * MAX_SENDS;
        const cpuBefore = target.cpu();
        const mainBefore = target.mainCpu();
        rounds.get(target)!.push(await target.load(offset, MAX_SENDS / ROUNDS, DURATION_MS / ROUNDS));
        cpu.set(target, cpu.get(target)! + target.cpu() - cpuBefore);
        mainCpu.set(target, mainCpu.get(target)! + target.mainCpu() - mainBefore);
      }
    }
    const summary = (target: Target): Measured => {
      const done = rounds.get(target)!;
      const ok = done.reduce((n, r) => n + r.ok, 0);
      const elapsedMs = done.reduce((n, r) => n + r.elapsedMs, 0);
      return {
        rounds: done,
        ok,
        failed: done.reduce((n, r) => n + r.failed, 0),
        elapsedMs,
        perSecond: (ok / elapsedMs) * 1000,
        stored: target.stored(),
        memory: target.memory(),
        cpuPerSend: cpu.get(target)! / ok,
        mainCpuPerSend: mainCpu.get(target)! / ok,
      };
    };
    return { relay: summary(targets[0]!), bare: summary(targets[1]!) };
  } finally {
    for (const target of targets) await target.stop();
  }
}

export default async function run(): Promise<void> {
  const bytes = benchSend(0, csvContents()).body.byteLength;
  console.log(`${CLIENTS} clients; each server ${ROUNDS} rounds of up to ${MAX_SENDS / ROUNDS} sends or ${DURATION_MS / ROUNDS / 1000} s, taken in turn, after ${WARMUP_SENDS} warm-up sends; body ${bytes} bytes (3 files)`);
  const before = sqliteCommitLatency();
  const { relay, bare } = await measureInTurn();
  const after = sqliteCommitLatency();
  // the relay's commits run in its SQLite write worker, many sends to one commit (server/db/sqlite/writer.ts)
  console.log(
    `disk: data in ${benchDataPlace()}; one SQLite WAL synchronous=FULL commit p50 ${ms(before.p50)} before, ${ms(after.p50)} after ` +
      `(the relay's write worker makes 1 per batch of sends: message, files with their bytes, key and audit rows, in one transaction)`,
  );
  const p50 = (m: Measured) => middle(m.rounds.map((r) => r.latency.p50));
  const p99 = (m: Measured) => middle(m.rounds.map((r) => r.latency.p99));
  const row = (name: string, m: Measured) => [
    name,
    String(m.ok),
    String(m.failed),
    (m.elapsedMs / 1000).toFixed(1),
    m.perSecond.toFixed(0),
    ms(p50(m)),
    ms(p99(m)),
    ms(Math.max(...m.rounds.map((r) => r.latency.max))),
    `${m.cpuPerSend.toFixed(2)} ms`,
    `${m.mainCpuPerSend.toFixed(2)} ms`,
    `${(m.cpuPerSend - m.mainCpuPerSend).toFixed(2)} ms`,
    String(m.stored),
    m.memory ? mib(m.memory.rss) : 'n/a',
    m.memory ? mib(m.memory.peak) : 'n/a',
  ];
  printTable([
    ['server', 'sends', 'failed', 's', 'sends/s', 'p50*', 'p99*', 'max', 'CPU/send', 'main thread', 'other threads', 'stored', 'RSS', 'peak RSS'],
    row('relay (POST /api/messages)', relay),
    row('bare node:http + fsync', bare),
  ]);
  console.log(
    `CPU/send: user + system time of the server's process, all its threads, per acknowledged send; ` +
      `on a machine shared with other work the sends/s of each follow from it. Of which the main thread ` +
      `(the event loop, where every send's routing, reading, checks and answer run one at a time) and the ` +
      `other threads (V8's GC and compiler helpers, libuv's pool, the relay's worker threads)`,
  );
  const perRound = relay.rounds.map((r, i) => r.perSecond / bare.rounds[i]!.perSecond);
  console.log(`* median of the ${ROUNDS} rounds' figures. relay/bare per round: ${perRound.map((x) => `${x.toFixed(2)}×`).join(', ')}`);
  const ratio = relay.perSecond / bare.perSecond;
  const p99Ratio = middle(relay.rounds.map((r, i) => r.latency.p99 / bare.rounds[i]!.latency.p99));
  console.log(`relay/bare: throughput ${ratio.toFixed(2)}×, p50 ${(p50(relay) / p50(bare)).toFixed(2)}×, p99 ${p99Ratio.toFixed(2)}× (median of the rounds)`);
  recordFigure(
    `relay sends/s vs bare node:http + fsync (${CLIENTS} clients, 3 × 5 KB, ${ROUNDS} rounds each in turn)`,
    `${ratio.toFixed(2)}× (${relay.perSecond.toFixed(0)} vs ${bare.perSecond.toFixed(0)}/s), p99 ${p99Ratio.toFixed(2)}×`,
    '≥ 0.8×, p99 ≤ 1.5×',
    ratio >= 0.8 && p99Ratio <= 1.5,
  );
  for (const [name, m] of [['relay', relay], ['bare', bare]] as const) {
    const failing = m.rounds.find((r) => r.failed > 0);
    if (failing) console.log(`${name} failures: ${JSON.stringify(failing.failures)} first: ${failing.firstFailure}`);
  }
}
