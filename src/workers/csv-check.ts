// The page's side of the CSV checks: hands each check to one of a few long-lived workers and
// answers with its results. 一括送信 asks for one check per row, so several workers check rows
// side by side (as many as the device has cores, at least 2, at most 4). Where a worker cannot
// start (or dies), the same checks run on the page instead: slower to type beside, but never skipped.
import type { CsvProblem } from '../domain/csv/types';
import { checkFiles, checkSends } from './csv-check-core';
import type { CheckReply, CheckRequest, CheckResult, FilesRequest, SendsRequest } from './csv-check-protocol';

export type { FileProblems } from './csv-check-protocol';

export type CsvCheckResult = CheckResult;

export interface CheckOptions {
  /** true for the files of one send (checks across files too); false to check each file alone */
  asOneSend: boolean;
  onProgress?: (done: number, total: number) => void;
}

interface Pending {
  resolve: (results: CsvCheckResult[]) => void;
  fallback: () => void;
  onProgress?: (done: number, total: number) => void;
}

interface PoolWorker {
  worker: Worker;
  /** the jobs sent to this worker and not answered yet */
  jobs: Map<number, Pending>;
}

const MAX_WORKERS = 4;
const pool: PoolWorker[] = [];
let workersBroken = typeof Worker === 'undefined';
let nextId = 1;

/** How many workers: one per core, at least 2 (a check of one big file leaves the other free), at most 4. */
export function poolSize(cores: number | undefined): number {
  return Math.min(MAX_WORKERS, Math.max(2, cores ?? 2));
}

function startWorker(): PoolWorker | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./csv-check.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workersBroken = true;
    return null;
  }
  const member: PoolWorker = { worker, jobs: new Map() };
  worker.onmessage = (event: MessageEvent<CheckReply>) => {
    const reply = event.data;
    const job = member.jobs.get(reply.id);
    if (!job) return;
    if (reply.type === 'progress') return job.onProgress?.(reply.done, reply.total);
    member.jobs.delete(reply.id);
    if (reply.type === 'done') job.resolve(reply.results);
    else job.fallback();
  };
  worker.onerror = (event) => {
    // the script could not load or crashed: no more workers, and every waiting job goes to the page
    event.preventDefault();
    workersBroken = true;
    for (const other of pool.splice(0)) {
      other.worker.terminate();
      const jobs = [...other.jobs.values()];
      other.jobs.clear();
      for (const job of jobs) job.fallback();
    }
  };
  pool.push(member);
  return member;
}

/** Starts the workers ahead of the first check (a screen that will check files calls it when it opens). */
export function warmCsvChecks(): void {
  const size = poolSize(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency);
  while (!workersBroken && pool.length < size) if (!startWorker()) break;
}

/** The worker with the fewest jobs waiting (the pool is started on first use). */
function leastBusy(): PoolWorker | null {
  warmCsvChecks();
  if (workersBroken) return null;
  return pool.reduce<PoolWorker | null>((best, w) => (best === null || w.jobs.size < best.jobs.size ? w : best), null);
}

/** Sends the request to the least busy worker; `onPage` runs the same checks here when no worker can. */
function ask(request: Omit<FilesRequest, 'id'> | Omit<SendsRequest, 'id'>, onPage: () => Promise<CsvCheckResult[]>, onProgress?: Pending['onProgress']): Promise<CsvCheckResult[]> {
  const target = leastBusy();
  if (!target) return onPage();
  return new Promise<CsvCheckResult[]>((resolve, reject) => {
    const id = nextId++;
    const fallback = () => void onPage().then(resolve, reject);
    target.jobs.set(id, { resolve, fallback, ...(onProgress ? { onProgress } : {}) });
    const message: CheckRequest = { ...request, id };
    target.worker.postMessage(message);
  });
}

export async function checkCsvBlobs(files: { name: string; blob: Blob }[], options: CheckOptions): Promise<CsvCheckResult> {
  if (files.length === 0) return { files: [], crossProblems: [] };
  const request = { files: files.map((f) => ({ name: f.name, blob: f.blob })), asOneSend: options.asOneSend };
  const onProgress = options.onProgress;
  const [result] = await ask(
    { type: 'files', ...request, progress: onProgress !== undefined },
    async () => [await checkFiles(request, onProgress ?? (() => undefined))],
    onProgress,
  );
  return result!;
}

/** At most this many bytes are read at once for one job of checkCsvSends (a worker holds them all while it checks). */
export const JOB_BYTES = 4 * 1024 * 1024;

/**
 * Checks each send (each 一括送信 row's CSVs) as one send, its checks across files included; the
 * answers come in the order asked. The sends are shared out among the workers in a few jobs, each
 * job's files read at once: one read of many small files costs a fraction of a read per file.
 */
export async function checkCsvSends(sends: readonly { name: string; blob: Blob }[][]): Promise<CsvCheckResult[]> {
  const asked = sends.filter((send) => send.length > 0);
  warmCsvChecks();
  const results = await Promise.all(
    jobsOf(asked, Math.max(pool.length, 1)).map((job) => {
      const request = { blob: new Blob(job.flat().map((f) => f.blob)), sends: job.map((send) => send.map((f) => ({ name: f.name, size: f.blob.size }))) };
      return ask({ type: 'sends', ...request }, () => checkSends(request));
    }),
  );
  const answers = results.flat();
  return sends.map((send) => (send.length > 0 ? answers.shift()! : { files: [], crossProblems: [] }));
}

/** The sends in order, cut into at least `workers` jobs (when there are as many sends) of about equal bytes, none over JOB_BYTES unless one send is. */
export function jobsOf<F extends { blob: Blob }>(sends: readonly F[][], workers: number): F[][][] {
  const bytesOf = (send: readonly F[]) => send.reduce((sum, f) => sum + f.blob.size, 0);
  const total = sends.reduce((sum, send) => sum + bytesOf(send), 0);
  const count = Math.min(sends.length, Math.max(workers, Math.ceil(total / JOB_BYTES)));
  const share = Math.min(JOB_BYTES, total / count);
  const jobs: F[][][] = [];
  let job: F[][] = [];
  let bytes = 0;
  for (const send of sends) {
    const size = bytesOf(send);
    if (job.length > 0 && bytes + size / 2 > share) {
      jobs.push(job);
      job = [];
      bytes = 0;
    }
    job.push(send);
    bytes += size;
  }
  if (job.length > 0) jobs.push(job);
  return jobs;
}

/** Each file's problems, the checks across files that name it included (what its 検査結果 counts). */
export function problemsByFile(result: CsvCheckResult): Map<string, CsvProblem[]> {
  return new Map(result.files.map((f) => [f.name, [...f.problems, ...result.crossProblems.filter((p) => p.file === f.name)]]));
}
