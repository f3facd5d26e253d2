// Group commit: writes that arrive in the same turn of the event loop share one transaction, so
// one synchronous=FULL commit (one WAL fsync) makes all of them durable. better-sqlite3 commits
// on the event loop, and under load that fsync takes about a millisecond during which nothing
// else runs; one per send was the relay's largest single cost.
//
// Durability and isolation are unchanged: a caller's promise settles only after the commit that
// holds its write has returned, and each write runs in its own savepoint (a nested better-sqlite3
// transaction), so one that throws is rolled back alone and the others still commit.
import type { Db } from './connection';

type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Pending<A, R> {
  arg: A;
  resolve(value: R): void;
  reject(error: unknown): void;
}

export function groupCommit<A, R>(db: Db, write: (arg: A) => R): (arg: A) => Promise<R> {
  const savepoint = db.transaction(write);
  const commitAll = db.transaction((batch: readonly Pending<A, R>[]): Outcome<R>[] =>
    batch.map((p) => {
      try {
        return { ok: true, value: savepoint(p.arg) };
      } catch (error) {
        // some errors (disk full, I/O) make SQLite roll back the whole transaction: then none
        // of the batch is stored, and none may be answered as if it were
        if (!db.inTransaction) throw error;
        return { ok: false, error };
      }
    }),
  );
  let queue: Pending<A, R>[] = [];

  function flush(): void {
    const batch = queue;
    queue = [];
    let outcomes: Outcome<R>[];
    try {
      // IMMEDIATE: the write lock is taken at BEGIN, where busy_timeout waits for it. A deferred
      // transaction starts reading (the idempotency key) and must then upgrade to a writer; when
      // another process (the admin CLI) wrote in between, that upgrade fails at once with
      // "database is locked" instead of waiting
      outcomes = commitAll.immediate(batch);
    } catch (error) {
      // the transaction failed as a whole (its commit, or an error that ended it): nothing stored
      for (const p of batch) p.reject(error);
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve(o.value) : batch[i]!.reject(o.error)));
  }

  return (arg) =>
    new Promise<R>((resolve, reject) => {
      // setImmediate runs after the I/O callbacks of this turn: the sends whose files became
      // durable in the same turn join this batch
      if (queue.length === 0) setImmediate(flush);
      queue.push({ arg, resolve, reject });
    });
}
