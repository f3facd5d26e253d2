// The CSV content checks of sends, off the event loop: a few long-lived worker threads run the
// same csvContentRefusal as inline, so a send with large CSVs does not stall every other request
// while it is parsed. Sends with less than INLINE_MAX_BYTES of CSV are checked inline: on a loaded
// machine the hand-over (a copy, a postMessage and waking a thread) took about 0.5 ms of the event
// loop per bench send (3 × 5 KB), more than checking it inline (230–390 µs; checks cost 15–26 µs
// per KB). A worker that fails or dies never lets a send through unchecked: its jobs are checked
// inline instead.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extensionOf } from '../../src/domain/attachments';
import { csvContentRefusal } from './csv-checks';
import type { Refusal } from './outcome';

export interface CsvJob {
  id: number;
  files: { name: string; bytes: Uint8Array }[];
}

/** `failed`: the check threw there; it is run again inline, where it throws as it would have. */
export type CsvVerdict = { id: number; refusal: Refusal | null } | { id: number; failed: true };

type Files = readonly { name: string; bytes: Uint8Array }[];

/** CSV bytes of one send below which it is checked inline. */
export const INLINE_MAX_BYTES = 32 * 1024;

/** One core stays with the event loop; at most 4 workers, at least 1. */
export const poolSize = (cores = availableParallelism()) => Math.min(4, Math.max(1, cores - 1));

interface Pending {
  files: Files;
  resolve(refusal: Refusal | null): void;
  reject(error: unknown): void;
}

function checkInline(job: Pending): void {
  try {
    job.resolve(csvContentRefusal(job.files));
  } catch (err) {
    job.reject(err);
  }
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

// beside this module, or beside the compiled relay (scripts/build-server.mjs names it so)
const bootUrl = new URL('./csv-worker-boot.mjs', import.meta.url);

export class CsvCheckPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 1;

  constructor(
    readonly size = poolSize(),
    private readonly inlineMaxBytes = INLINE_MAX_BYTES,
  ) {}

  /** The 422 for the send's CSVs, or null: the same verdict as csvContentRefusal(files). */
  async check(files: Files): Promise<Refusal | null> {
    const csvBytes = files.reduce((n, f) => n + (extensionOf(f.name) === 'csv' ? f.bytes.byteLength : 0), 0);
    if (csvBytes === 0 || csvBytes < this.inlineMaxBytes || this.size === 0) return csvContentRefusal(files);
    const target = this.leastBusy();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      target.pending.set(id, { files, resolve, reject });
      // each file copied to a buffer of its own and that copy transferred: posting the view itself
      // would clone the whole buffer under it (often a socket read's 64 KiB), and the send's own
      // bytes are still to be written to the blob store
      const copies = files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) }));
      const job: CsvJob = { id, files: copies };
      target.worker.postMessage(job, copies.map((f) => f.bytes.buffer));
    });
  }

  /** Stops the workers; later checks start new ones. */
  async close(): Promise<void> {
    const stopping = this.workers.splice(0);
    await Promise.all(stopping.map((w) => this.retire(w).worker.terminate()));
  }

  private leastBusy(): PoolWorker {
    if (this.workers.length < this.size) {
      const started = this.start();
      this.workers.push(started);
      return started;
    }
    return this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  private start(): PoolWorker {
    const worker = new Worker(bootUrl);
    // an idle pool must not keep the process alive
    worker.unref();
    const entry: PoolWorker = { worker, pending: new Map() };
    worker.on('message', (verdict: CsvVerdict) => {
      const job = entry.pending.get(verdict.id);
      entry.pending.delete(verdict.id);
      if (!job) return;
      if ('failed' in verdict) checkInline(job);
      else job.resolve(verdict.refusal);
    });
    const fail = () => {
      const at = this.workers.indexOf(entry);
      if (at >= 0) this.workers.splice(at, 1);
      this.retire(entry);
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    return entry;
  }

  /** Checks inline whatever the worker had not answered. */
  private retire(entry: PoolWorker): PoolWorker {
    const left = [...entry.pending.values()];
    entry.pending.clear();
    for (const job of left) checkInline(job);
    return entry;
  }
}

/** The relay process's pool (started on first use). */
export const csvChecks = new CsvCheckPool();
