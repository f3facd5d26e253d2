// Group commit: many sends share one transaction, so one synchronous=FULL commit (one WAL fsync)
// makes all of them durable. The batch runs on the write worker's own connection (writer.ts,
// write-worker.ts), off the event loop.
//
// Durability and isolation: a caller is answered only after the commit that holds its write has
// returned, and each write runs in its own savepoint (a nested better-sqlite3 transaction), so one
// that throws is rolled back alone and the others still commit.
import type { Db } from './connection';

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Runs a batch of writes in one IMMEDIATE transaction; throws when the transaction failed as a whole. */
export function batchCommitter<A, R>(db: Db, write: (arg: A) => R): (batch: readonly A[]) => Outcome<R>[] {
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
