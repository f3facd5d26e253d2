// Load with retries: 200 concurrent clients of the 4 demo offices send to each other at once over
// real sockets, some retrying with the same idempotency key (one after the other, or both at the
// same moment), against `server/main.ts` in its own process. Prints the figures, then checks that
// every accepted send is in its receiver's and sender's lists exactly once and nothing else was
// stored (it throws, failing `npm run bench`, if not).
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { messageListResponseSchema, sendResponseSchema, type SendResponse } from '../src/domain/contract';
import { Agent, planCsv, type TestFile } from '../tests/support/agent';
import { CAST } from '../tests/support/cast';
import { spawnRelay, tempDataDir } from '../tests/support/relay';
import { mib, processMemory } from '../tests/support/memory';
import { latencyStats, ms, printTable } from './support/stats';
import { storedContents } from './support/stored';

const CLIENTS = 200;
const SENDS_PER_CLIENT = 3;
/** No new send starts after this. */
const SEND_WINDOW_MS = 5_000;
const SESSIONS_PER_OFFICE = 2;

type Retry = 'none' | 'after' | 'together';

interface Attempt {
  key: string;
  sender: string;
  destination: string;
  file: TestFile;
  status: number;
  body: SendResponse | null;
  ms: number;
}

/** 連番 YYYYMMDDhhmmss, n seconds after 2025-04-01: each send gets its own. */
const sequenceFor = (n: number) => new Date(Date.UTC(2025, 3, 1) + n * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * What the pair may send: the 居宅 a 第1表; a provider, which sends no plan (the direction rule),
 * a PDF of its own (PDF等 carry no routing, so any office may send them to any other).
 */
function fileFor(from: string, to: string, sequence: string): TestFile {
  if (from === CAST[0]!.office) return planCsv(from, to, sequence);
  const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${from} → ${to} ${sequence}\n`);
  return { name: `資料_${sequence}.pdf`, bytes };
}

export default async function concurrentRetries(): Promise<void> {
  const data = tempDataDir('renkei-bench-retries-');
  const relay = await spawnRelay({ DATA_DIR: data.dir, STATIC_DIR: join(data.dir, 'no-dist') });
  const attempts: Attempt[] = [];
  const sessions = new Map<string, Agent[]>();
  try {
    for (const who of CAST) {
      const agents: Agent[] = [];
      for (let s = 0; s < SESSIONS_PER_OFFICE; s++) agents.push(await new Agent(relay.url).loginAs(who.user, who.officeUser));
      sessions.set(who.office, agents);
    }

    async function attempt(agent: Agent, sender: string, destination: string, key: string, file: TestFile): Promise<void> {
      const started = performance.now();
      const res = await agent.send({ destination, message: `負荷 ${key.slice(0, 8)}` }, [file], key);
      const raw = await res.text();
      const parsed = res.status === 200 || res.status === 201 ? sendResponseSchema.safeParse(JSON.parse(raw)) : null;
      attempts.push({ key, sender, destination, file, status: res.status, body: parsed?.success ? parsed.data : null, ms: performance.now() - started });
    }

    async function client(i: number, deadline: number): Promise<void> {
      const from = CAST[i % CAST.length]!;
      const agents = sessions.get(from.office)!;
      const agent = agents[Math.floor(i / CAST.length) % agents.length]!;
      for (let k = 0; k < SENDS_PER_CLIENT && Date.now() < deadline; k++) {
        const to = CAST[(i + 1 + ((i + k) % (CAST.length - 1))) % CAST.length]!;
        const file = fileFor(from.office, to.office, sequenceFor(i * SENDS_PER_CLIENT + k));
        const key = crypto.randomUUID();
        const retry: Retry = (['none', 'after', 'together', 'none'] as const)[(i + k) % 4]!;
        if (retry === 'together') {
          await Promise.all([attempt(agent, from.office, to.office, key, file), attempt(agent, from.office, to.office, key, file)]);
        } else {
          await attempt(agent, from.office, to.office, key, file);
          if (retry === 'after') await attempt(agent, from.office, to.office, key, file);
        }
      }
    }

    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i, Date.now() + SEND_WINDOW_MS)));
    const elapsed = performance.now() - started;

    const memory = processMemory(relay.pid);
    const accepted = attempts.filter((a) => a.status === 201);
    const stats = latencyStats(attempts.map((a) => a.ms));
    console.log(`${CLIENTS} clients, ${attempts.length} requests (${accepted.length} sends, ${attempts.length - accepted.length} retries) in ${ms(elapsed)}`);
    printTable([
      ['', 'requests/s', 'p50', 'p99', 'max', 'relay RSS', 'relay peak RSS'],
      [
        'send or retry',
        (attempts.length / (elapsed / 1000)).toFixed(0),
        ms(stats.p50),
        ms(stats.p99),
        ms(stats.max),
        memory ? mib(memory.rss) : 'n/a',
        memory ? mib(memory.peak) : 'n/a',
      ],
    ]);
    const problems = await check(attempts, sessions, data.dir);
    if (problems.length > 0) throw new Error(`concurrent retries broke the relay's promises:\n${problems.join('\n')}`);
    console.log('checked: every key stored once, every retry answered as its duplicate, every list exact, nothing else stored');
  } finally {
    await relay.stop();
    data.remove();
  }
}

async function check(attempts: readonly Attempt[], sessions: ReadonlyMap<string, Agent[]>, dataDir: string): Promise<string[]> {
  const problems: string[] = [];
  const unexpected = attempts.filter((a) => a.status !== 201 && a.status !== 200);
  if (unexpected.length > 0) problems.push(`${unexpected.length} answers were neither 201 nor 200 (first: ${unexpected[0]!.status})`);
  const byKey = new Map<string, Attempt[]>();
  for (const a of attempts) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
  for (const [key, group] of byKey) {
    const created = group.filter((a) => a.status === 201);
    if (created.length !== 1) problems.push(`${key}: ${created.length} sends created`);
    const id = created[0]?.body?.message.id;
    for (const retry of group.filter((a) => a.status === 200)) {
      if (!retry.body?.duplicate || retry.body.message.id !== id) problems.push(`${key}: a retry was not answered as the duplicate of ${id}`);
    }
  }
  const accepted = attempts.filter((a) => a.status === 201);
  for (const a of accepted) {
    const file = a.body?.message.files[0];
    if (a.body?.message.files.length !== 1 || file?.name !== a.file.name || file.sha256 !== sha256(a.file.bytes)) {
      problems.push(`${a.key}: stored file differs from the one sent`);
    }
  }
  for (const who of CAST) {
    const agent = sessions.get(who.office)![0]!;
    for (const box of ['received', 'sent'] as const) {
      // every page (the lists answer LIST_PAGE_SIZE at a time, もっと見る gives the rest)
      const ids: string[] = [];
      for (let next: string | null = ''; next !== null; ) {
        const cursor: string = next ? `&cursor=${encodeURIComponent(next)}` : '';
        const page = messageListResponseSchema.parse(await (await agent.request(`/api/messages?box=${box}&limit=100${cursor}`)).json());
        ids.push(...page.messages.map((m) => m.id));
        next = page.next;
      }
      const mine = accepted.filter((a) => (box === 'received' ? a.destination : a.sender) === who.office).map((a) => a.body!.message.id);
      if (new Set(ids).size !== ids.length) problems.push(`${who.office} ${box}: an id listed twice`);
      if ([...ids].sort().join() !== [...mine].sort().join()) problems.push(`${who.office} ${box}: ${ids.length} listed, ${mine.length} accepted`);
    }
  }
  if (storedContents(dataDir) !== accepted.length) problems.push('stored contents (renkei.db and blob folders) do not match the accepted sends');
  if (readdirSync(join(dataDir, 'tmp')).length !== 0) problems.push('staged files left in tmp');
  const db = new Database(join(dataDir, 'renkei.db'), { readonly: true });
  try {
    for (const table of ['messages', 'message_files', 'idempotency']) {
      const n = (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      if (n !== accepted.length) problems.push(`${table}: ${n} rows for ${accepted.length} accepted sends`);
    }
  } finally {
    db.close();
  }
  return problems;
}
