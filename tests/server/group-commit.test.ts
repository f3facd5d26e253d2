// Group commit in the SQLite write worker (server/db/sqlite/writer.ts): writes that arrive together,
// or while a batch commits, share one transaction, yet each succeeds or fails on its own, and none
// is answered before its commit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/sqlite/connection';
import { MAX_BATCH_BYTES, SqliteWriter } from '../../server/db/sqlite/writer';

let dir: string;
let db: Db;
const writers: SqliteWriter<unknown, unknown>[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'renkei-group-commit-'));
  db = openDatabase(dir);
  db.exec('CREATE TABLE rows (key TEXT PRIMARY KEY)');
});
afterEach(async () => {
  for (const w of writers.splice(0)) await w.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function writer<A, R>(builder: string, forWorker?: (arg: A) => { arg: unknown; transfer: ArrayBuffer[] }): SqliteWriter<A, R> {
  const w = new SqliteWriter<A, R>({ dataDir: dir, module: new URL('../fixtures/writer-builders.ts', import.meta.url).href, builder }, forWorker);
  writers.push(w as SqliteWriter<unknown, unknown>);
  return w;
}

/** What another connection sees: only what was committed. */
function committed(): string[] {
  const reader = new Database(join(dir, 'renkei.db'), { readonly: true });
  try {
    return (reader.prepare('SELECT key FROM rows ORDER BY key').all() as { key: string }[]).map((r) => r.key);
  } finally {
    reader.close();
  }
}

describe('group commit in the write worker', () => {
  it('commits the writes of one turn in one transaction, each committed when its promise resolves', async () => {
    const write = writer<string, number>('insertKey');
    const results = await Promise.all(['a', 'b', 'c'].map((key) => write.write(key).then((seenDuring) => ({ seenDuring, after: committed() }))));
    for (const r of results) {
      // what another connection saw meanwhile: nothing of this batch, not even its earlier writes
      expect(r.seenDuring).toBe(0);
      expect(r.after).toEqual(['a', 'b', 'c']);
    }
    // a later turn gets a transaction of its own
    expect(await write.write('d')).toBe(3);
    expect(committed()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('hands over at most MAX_BATCH_BYTES a batch: the writes past it go in the next one', async () => {
    // each write moves 3 MiB to the worker (a small send's files): three fill a batch
    const write = writer<string, number>('insertKey', (key) => ({ arg: key, transfer: [new ArrayBuffer(3 * 1024 * 1024)] }));
    expect(3 * 3 * 1024 * 1024).toBeGreaterThanOrEqual(MAX_BATCH_BYTES);
    const seenDuring = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => write.write(key)));
    expect(seenDuring).toEqual([0, 0, 0, 3, 3, 3]);
    expect(committed()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('fails alone a write that cannot be made ready for the worker; the others of its turn commit', async () => {
    const write = writer<string, number>('insertKey', (key) => {
      if (key === 'bad') throw new Error('not postable');
      return { arg: key, transfer: [] };
    });
    const results = await Promise.allSettled(['a', 'bad', 'b'].map((key) => write.write(key)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committed()).toEqual(['a', 'b']);
    // alone in its turn: nothing goes to the worker, and the writer goes on
    await expect(write.write('bad')).rejects.toThrow('not postable');
    expect(await write.write('c')).toBe(2);
  });

  it('gathers the writes that arrive while a batch commits into the next batch', async () => {
    const write = writer<string, number>('insertKey');
    await write.write('warm'); // the worker is up
    const slow = write.write('slow');
    await new Promise((resolve) => setTimeout(resolve, 100)); // "slow" is committing in the worker
    const later = await Promise.all(['x', 'y', 'z'].map((key) => write.write(key)));
    expect(await slow).toBe(1);
    // one transaction after "slow": each saw warm and slow committed, and none of the others
    expect(later).toEqual([2, 2, 2]);
    expect(committed()).toEqual(['slow', 'warm', 'x', 'y', 'z']);
  });

  it('rolls back only the write that threw; the others of its batch commit; the error keeps its SQLite code', async () => {
    const write = writer<string[], number>('insertKeys');
    const outcomes = await Promise.allSettled([write.write(['a1', 'a2']), write.write(['b1', 'a1']), write.write(['c1'])]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const error = (outcomes[1] as PromiseRejectedResult).reason as Error & { code?: string };
    expect(error).toBeInstanceOf(Database.SqliteError);
    expect(error.code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    // b1 was written before the failing a1, and went with it
    expect(committed()).toEqual(['a1', 'a2', 'c1']);
  });

  it('runs a batch once, without a savepoint per write, unless a write throws: then again, each write in its own', async () => {
    const write = writer<string, number>('countedKey');
    expect(await Promise.all(['a', 'b'].map((key) => write.write(key)))).toEqual([1, 1]);
    const outcomes = await Promise.allSettled(['c', 'bad', 'd'].map((key) => write.write(key)));
    // the first attempt, rolled back whole when "bad" threw, ran "c"; "d" came only in the second
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'rejected'))).toEqual([2, 'rejected', 1]);
    expect(committed()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('fails the whole batch when an error ends the transaction itself', async () => {
    const write = writer<string, string>('endingTransaction');
    const outcomes = await Promise.allSettled([write.write('a'), write.write('end'), write.write('c')]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(committed()).toEqual([]);
    // and the next batch works
    await write.write('d');
    expect(committed()).toEqual(['d']);
  });

  it('fails the batch of a worker that dies, and starts a new one for the next', async () => {
    const write = writer<string, string>('endingTransaction');
    const outcomes = await Promise.allSettled([write.write('a'), write.write('die')]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(committed()).toEqual([]);
    expect(await write.write('b')).toBe('b');
    expect(committed()).toEqual(['b']);
  });

  it('close() answers every queued write first', async () => {
    const write = writer<string, number>('insertKey');
    const pending = ['a', 'b', 'c'].map((key) => write.write(key));
    await write.close();
    expect(await Promise.all(pending)).toEqual([0, 0, 0]);
    expect(committed()).toEqual(['a', 'b', 'c']);
  });

  it('refuses a write after close() (a request cut by a drain) and starts no worker for it', async () => {
    const write = writer<string, number>('insertKey');
    await write.write('a');
    await write.close();
    await expect(write.write('late')).rejects.toThrow('closed');
    expect(committed()).toEqual(['a']);
  });
});
