// The page's side of the CSV checks: sends the files to one long-lived worker and answers with
// its results. Where a worker cannot start (or dies), the same checks run on the page instead:
// slower to type beside, but never skipped.
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

let worker: Worker | null = null;
let workerBroken = typeof Worker === 'undefined';
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  if (worker || workerBroken) return worker;
  try {
    worker = new Worker(new URL('./csv-check.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workerBroken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<CheckReply>) => {
    const reply = event.data;
    const job = pending.get(reply.id);
    if (!job) return;
    if (reply.type === 'progress') return job.onProgress?.(reply.done, reply.total);
    pending.delete(reply.id);
    if (reply.type === 'done') job.resolve({ files: reply.files, crossProblems: reply.crossProblems });
    else job.fallback();
  };
  worker.onerror = (event) => {
    // the script could not load or crashed: hand every waiting job to the page
    event.preventDefault();
    workerBroken = true;
    worker?.terminate();
    worker = null;
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) job.fallback();
  };
  return worker;
}

function onPage(files: CheckRequest['files'], options: CheckOptions): Promise<CsvCheckResult> {
  return checkFiles({ files, asOneSend: options.asOneSend }, options.onProgress ?? (() => undefined));
}

export function checkCsvBlobs(files: { name: string; blob: Blob }[], options: CheckOptions): Promise<CsvCheckResult> {
  if (files.length === 0) return Promise.resolve({ files: [], crossProblems: [] });
  const target = startWorker();
  if (!target) return onPage(files, options);
  return new Promise<CsvCheckResult>((resolve, reject) => {
    const id = nextId++;
    const fallback = () => void onPage(files, options).then(resolve, reject);
    pending.set(id, { resolve, fallback, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    const request: CheckRequest = { id, files: files.map((f) => ({ name: f.name, blob: f.blob })), asOneSend: options.asOneSend };
    target.postMessage(request);
  });
}
