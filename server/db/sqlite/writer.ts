// Writes that must be durable before they are answered (sends), committed in batches by a worker
// thread that owns a second connection to the same file (write-worker.ts). While one batch commits
// there, the sends that arrive meanwhile queue here and go as the next batch: under load many
// sends share one fsync'd commit, and the event loop never waits for it. Reads, and the other
// (rarer) writes, stay on the main connection; WAL lets both connections work on one file.
//
// No caller is answered before the commit that holds its write has returned. A worker that dies
// fails the batch it held (whether it committed is unknown: the client's retry with the same
// idempotency key finds out) and the next batch starts a new one.
import { Worker } from 'node:worker_threads';
import { fromWire, type BatchAnswer, type BatchJob, type WriterSpec } from './writer-wire';

interface Pending<A, R> {
  arg: A;
  resolve(value: R): void;
  reject(error: unknown): void;
}

// beside this module, or beside the compiled relay (scripts/build-server.mjs names it so)
const bootUrl = new URL('./write-worker-boot.mjs', import.meta.url);

/**
 * Bytes handed over per batch, at most (one write always goes, whatever its size): small sends'
 * files travel with their rows, and a commit of many large ones would hold the sends sharing it,
 * and grow the WAL by a whole transaction before a checkpoint can take any of it.
 */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

export class SqliteWriter<A, R> {
  private worker: Worker | null = null;
  private queue: Pending<A, R>[] = [];
  private inFlight: { id: number; batch: Pending<A, R>[] } | null = null;
  private scheduled = false;
  private nextId = 1;
  private idle: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly spec: WriterSpec,
    /** A write as it is posted, and the buffers that move to the worker instead of being cloned. */
    private readonly forWorker: (arg: A) => { arg: unknown; transfer: ArrayBuffer[] } = (arg) => ({ arg, transfer: [] }),
  ) {}

  write(arg: A): Promise<R> {
    // a request cut by a drain must not start a worker on a store being closed
    if (this.closed) return Promise.reject(new Error('the SQLite writer is closed'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ arg, resolve, reject });
      // setImmediate runs after this turn's I/O callbacks: the sends whose files became durable in
      // the same turn go in the same batch. While a batch commits, the queue waits for its answer
      if (!this.inFlight && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Waits for every queued write, then stops the worker (it closes its connection). */
  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight || this.queue.length > 0) await new Promise<void>((done) => this.idle.push(done));
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise<void>((done) => worker.once('exit', () => done()));
    // held until it has closed its connection: a process stopping cleanly must not end first
    worker.ref();
    worker.postMessage('close');
    await exited;
  }

  private flush(): void {
    this.scheduled = false;
    if (this.inFlight || this.queue.length === 0) return;
    const args: unknown[] = [];
    const transfer: ArrayBuffer[] = [];
    const batch: Pending<A, R>[] = [];
    let bytes = 0;
    // the rest go as the next batch, once this one is answered
    while (this.queue.length > 0 && (batch.length === 0 || bytes < MAX_BATCH_BYTES)) {
      const pending = this.queue.shift()!;
      let posted;
      try {
        posted = this.forWorker(pending.arg);
      } catch (error) {
        // this runs from setImmediate: a throw here would end the relay with every queued send
        // unanswered; only this write fails, as it would have had it thrown in the worker
        pending.reject(error);
        continue;
      }
      batch.push(pending);
      args.push(posted.arg);
      transfer.push(...posted.transfer);
      bytes += posted.transfer.reduce((n, b) => n + b.byteLength, 0);
    }
    if (batch.length === 0) return this.next();
    const id = this.nextId++;
    this.inFlight = { id, batch };
    const worker = this.running();
    // only while a batch is out: an idle writer must not keep the process alive
    worker.ref();
    const job: BatchJob = { id, args };
    worker.postMessage(job, transfer);
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(bootUrl, { workerData: this.spec });
    worker.unref();
    worker.on('message', (answer: BatchAnswer) => this.answered(answer));
    const lost = (error: unknown) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.settle(new Error(`the SQLite writer stopped: ${error instanceof Error ? error.message : String(error)}`));
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`exit ${code}`)));
    this.worker = worker;
    return worker;
  }

  private answered(answer: BatchAnswer): void {
    if (this.inFlight?.id !== answer.id) return;
    if ('error' in answer) return this.settle(fromWire(answer.error));
    const { batch } = this.inFlight;
    this.inFlight = null;
    answer.outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve(o.value as R) : batch[i]!.reject(fromWire(o.error))));
    this.next();
  }

  /** The batch out failed as a whole (nothing of it is known to be stored). */
  private settle(error: Error): void {
    const batch = this.inFlight?.batch ?? [];
    this.inFlight = null;
    for (const p of batch) p.reject(error);
    this.next();
  }

  private next(): void {
    if (this.queue.length > 0) return this.flush();
    this.worker?.unref();
    for (const done of this.idle.splice(0)) done();
  }
}
