// Group commit: many sends share one transaction, so one synchronous=FULL commit (one WAL fsync)
// makes all of them durable. The batch runs on the write worker's own connection (writer.ts,
// write-worker.ts), off the event loop.
//
// Durability and isolation: a caller is answered only after the commit that holds its write has
// returned, and one write that throws is rolled back alone while the others still commit.
//
// A batch first runs without savepoints: a savepoint per write made SQLite copy every page the
// write touched into a statement journal first (about 16 pages of 4 KiB per send, in a temp file:
// most of the worker's system time). Only when a write throws is that attempt rolled back whole,
// before any COMMIT, and the batch run again with a savepoint per write, as it always was.
import type { Db } from './connection';

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Runs a batch of writes in one IMMEDIATE transaction; throws when the transaction failed as a whole. */
export function batchCommitter<A, R>(db: Db, write: (arg: A) => R): (batch: readonly A[]) => Outcome<R>[] {
  const eachAlone = savepointCommitter(db, write);
  const allTogether = db.transaction((batch: readonly A[]): Outcome<R>[] =>
    batch.map((arg) => {
      try {
        return { ok: true, value: write(arg) };
      } catch (error) {
        throw new WriteFailed(error);
      }
    }),
  );
  return (batch) => {
    try {
      return allTogether.immediate(batch);
    } catch (error) {
      // a write threw: better-sqlite3 rolled the transaction back (nothing of it was committed).
      // Anything else (BEGIN, COMMIT) is the batch's own failure, as with savepoints
      if (!(error instanceof WriteFailed)) throw error;
      return eachAlone(batch);
    }
  };
}

class WriteFailed extends Error {
  constructor(readonly error: unknown) {
    super('a write of the batch failed');
  }
}

/** Each write in a savepoint of its own: one that throws is rolled back alone. */
function savepointCommitter<A, R>(db: Db, write: (arg: A) => R): (batch: readonly A[]) => Outcome<R>[] {
  const savepoint = db.transaction(write);
  const commitAll = db.transaction((batch: readonly A[]): Outcome<R>[] =>
    batch.map((arg) => {
      try {
        return { ok: true, value: savepoint(arg) };
      } catch (error) {
        // some errors (disk full, I/O) make SQLite roll back the whole transaction: then none
        // of the batch is stored, and none may be answered as if it were
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );
  // IMMEDIATE: the write lock is taken at BEGIN, where busy_timeout waits for it. A deferred
  // transaction starts reading (the idempotency key) and must then upgrade to a writer; when
  // another connection (the admin CLI, the relay's main one) wrote in between, that upgrade fails
  // at once with "database is locked" instead of waiting
  return (batch) => commitAll.immediate(batch);
}
