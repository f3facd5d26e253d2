// The threads that write sends' files (file-write-worker.mjs), on the event loop's side. A send is
// handed to an idle thread; sends that arrive while every thread is busy queue and go a few together
// to the next thread free, so under load one hand-over (and one sync of the blobs folder) carries
// several sends. A thread that dies
// fails the sends it held (their folders are removed by the caller) and the next batch starts a
// new one. Idle threads do not keep the process alive.
import { Worker } from 'node:worker_threads';
import { fromWriteError, type FileWriteAnswer, type FileWriteBatch, type FileWriteJob } from './file-writes';

interface Pending {
  job: FileWriteJob;
  resolve(): void;
  reject(error: unknown): void;
}

interface Thread {
  worker: Worker;
  inFlight: { id: number; batch: Pending[] } | null;
}

// beside this module, or beside the compiled relay (scripts/build-server.mjs names it so)
const workerUrl = new URL('./file-write-worker.mjs', import.meta.url);

/** Plain JavaScript: the TypeScript loader stays out of the threads (about 30 MiB each); a profile still covers them. */
const threadExecArgv = () => process.execArgv.filter((arg) => arg.startsWith('--cpu-prof'));

/**
 * As many as libuv's thread pool, which wrote the files before: a thread spends most of its time
 * waiting in fsync, and the disk takes several syncs at once.
 */
export const FILE_WRITE_THREADS = 4;

/** Sends per hand-over, at most. */
const MAX_BATCH = 4;

export class FileWriter {
  private readonly threads: Thread[] = [];
  private queue: Pending[] = [];
  private nextId = 1;

  constructor(private readonly size = FILE_WRITE_THREADS) {}

  /** Resolves once the files are written, synced and moved into job.into, durably (file-writes.ts). */
  write(job: FileWriteJob): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      const idle = this.idleThread();
      if (idle) this.hand(idle);
    });
  }

  private idleThread(): Thread | null {
    const idle = this.threads.find((t) => !t.inFlight);
    if (idle) return idle;
    if (this.threads.length >= this.size) return null;
    const started = this.start();
    this.threads.push(started);
    return started;
  }

  private hand(thread: Thread): void {
    if (this.queue.length === 0) {
      thread.worker.unref();
      return;
    }
    // a few sends at a time: one thread's syncs run one after another, and a long batch would
    // leave the other threads idle while its last sends wait
    const batch = this.queue.splice(0, MAX_BATCH);
    const id = this.nextId++;
    thread.inFlight = { id, batch };
    thread.worker.ref();
    // each file copied into a buffer of its own and that copy moved: posting the view itself would
    // clone the whole buffer under it (often a socket read's 64 KiB)
    const transfer: ArrayBuffer[] = [];
    const jobs = batch.map(({ job }) => ({
      dir: job.dir,
      into: job.into,
      files: job.files.map((f) => {
        const bytes = new Uint8Array(f.bytes);
        transfer.push(bytes.buffer);
        return { name: f.name, bytes };
      }),
    }));
    const message: FileWriteBatch = { id, jobs };
    thread.worker.postMessage(message, transfer);
  }

  private start(): Thread {
    const worker = new Worker(workerUrl, { execArgv: threadExecArgv() });
    worker.unref();
    const thread: Thread = { worker, inFlight: null };
    worker.on('message', (answer: FileWriteAnswer) => {
      const held = thread.inFlight;
      if (held?.id !== answer.id) return;
      thread.inFlight = null;
      answer.errors.forEach((error, i) => (error ? held.batch[i]!.reject(fromWriteError(error)) : held.batch[i]!.resolve()));
      this.hand(thread);
    });
    const lost = (error: unknown) => {
      const at = this.threads.indexOf(thread);
      if (at < 0) return;
      this.threads.splice(at, 1);
      const held = thread.inFlight?.batch ?? [];
      thread.inFlight = null;
      const failure = new Error(`a file writer stopped: ${error instanceof Error ? error.message : String(error)}`);
      for (const p of held) p.reject(failure);
      // a new thread only for work waiting: a thread that cannot start must not restart in a loop
      if (this.queue.length === 0) return;
      const next = this.idleThread();
      if (next) this.hand(next);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`exit ${code}`)));
    return thread;
  }
}

/** The relay process's file writers (started on first use). */
export const fileWriter = new FileWriter();
