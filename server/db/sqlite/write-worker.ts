// The SQLite write worker: owns a connection of its own to DATA_DIR/renkei.db and commits the
// batches that writer.ts hands it, one at a time. better-sqlite3 is synchronous, so a commit (and
// its fsync) here holds only this thread, while the event loop goes on reading other requests.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type Db } from './connection';
import { batchCommitter, type Outcome } from './group-commit';
import { toWire, type BatchAnswer, type BatchJob, type WriterSpec } from './writer-wire';

const spec = workerData as WriterSpec;
const db: Db = openDatabase(spec.dataDir);
const build = ((await import(spec.module)) as Record<string, (db: Db) => (arg: unknown) => unknown>)[spec.builder];
if (typeof build !== 'function') throw new Error(`${spec.module} has no ${spec.builder}`);
const commit = batchCommitter(db, build(db));

parentPort!.on('message', (job: BatchJob | 'close') => {
  if (job === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  let answer: BatchAnswer;
  try {
    const outcomes: Outcome<unknown>[] = commit(job.args);
    answer = { id: job.id, outcomes: outcomes.map((o) => (o.ok ? o : { ok: false, error: toWire(o.error) })) };
  } catch (error) {
    answer = { id: job.id, error: toWire(error) };
  }
  parentPort!.postMessage(answer);
});
