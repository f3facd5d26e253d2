// The page's side of the CSV checks: hands each check to one of a few long-lived workers and
// answers with its results. 一括送信 asks for one check per row, so several workers check rows
// side by side (as many as the device has cores, at least 2, at most 4). Where a worker cannot
// start (or dies), the same checks run on the page instead: slower to type beside, but never skipped.
import type { CsvProblem } from '../domain/csv/types';
import { checkFiles } from './csv-check-core';
import type { CheckReply, CheckRequest, FileProblems } from './csv-check-protocol';

export type { FileProblems } from './csv-check-protocol';

export interface CsvCheckResult {
  files: FileProblems[];
  crossProblems: CsvProblem[];
}

export interface CheckOptions {
  /** true for the files of one send (checks across files too); false to check each file alone */
  asOneSend: boolean;
  onProgress?: (done: number, total: number) => void;
}

interface Pending {
  resolve: (result: CsvCheckResult) => void;
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
    if (reply.type === 'done') job.resolve({ files: reply.files, crossProblems: reply.crossProblems });
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

function onPage(files: CheckRequest['files'], options: CheckOptions): Promise<CsvCheckResult> {
  return checkFiles({ files, asOneSend: options.asOneSend }, options.onProgress ?? (() => undefined));
}

export function checkCsvBlobs(files: { name: string; blob: Blob }[], options: CheckOptions): Promise<CsvCheckResult> {
  if (files.length === 0) return Promise.resolve({ files: [], crossProblems: [] });
  const target = leastBusy();
  if (!target) return onPage(files, options);
  return new Promise<CsvCheckResult>((resolve, reject) => {
    const id = nextId++;
    const fallback = () => void onPage(files, options).then(resolve, reject);
    target.jobs.set(id, { resolve, fallback, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    const request: CheckRequest = { id, files: files.map((f) => ({ name: f.name, blob: f.blob })), asOneSend: options.asOneSend };
    target.worker.postMessage(request);
  });
}

/** Each file's problems, the checks across files that name it included (what its 検査結果 counts). */
export function problemsByFile(result: CsvCheckResult): Map<string, CsvProblem[]> {
  return new Map(result.files.map((f) => [f.name, [...f.problems, ...result.crossProblems.filter((p) => p.file === f.name)]]));
}
