// Group commit (server/db/sqlite/group-commit.ts): writes made in the same turn share one
// transaction, yet each succeeds or fails on its own, and none is answered before its commit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/sqlite/connection';
import { groupCommit } from '../../server/db/sqlite/group-commit';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'renkei-group-commit-'));
  db = openDatabase(dir);
  db.exec('CREATE TABLE rows (key TEXT PRIMARY KEY)');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What another connection sees: only what was committed. */
function committed(): string[] {
  const reader = new Database(join(dir, 'renkei.db'), { readonly: true });
  try {
    return (reader.prepare('SELECT key FROM rows ORDER BY key').all() as { key: string }[]).map((r) => r.key);
  } finally {
    reader.close();
  }
}

describe('group commit', () => {
  it('commits the writes of one turn in one transaction, each committed when its promise resolves', async () => {
    const insert = db.prepare('INSERT INTO rows (key) VALUES (?)');
    const write = groupCommit(db, (key: string) => {
      insert.run(key);
      // what another connection sees meanwhile: nothing of this batch, not even its earlier writes
      return committed().length;
    });
    const results = await Promise.all(['a', 'b', 'c'].map((key) => write(key).then((seenDuring) => ({ seenDuring, after: committed() }))));
    for (const r of results) {
      expect(r.seenDuring).toBe(0);
      expect(r.after).toEqual(['a', 'b', 'c']);
    }
    // a later turn gets a transaction of its own
    expect(await write('d')).toBe(3);
    expect(committed()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rolls back only the write that threw; the others of its batch commit', async () => {
    const insert = db.prepare('INSERT INTO rows (key) VALUES (?)');
    const write = groupCommit(db, (keys: string[]) => {
      for (const key of keys) insert.run(key);
      return keys.length;
    });
    const outcomes = await Promise.allSettled([write(['a1', 'a2']), write(['b1', 'a1']), write(['c1'])]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // b1 was written before the failing a1, and went with it
    expect(committed()).toEqual(['a1', 'a2', 'c1']);
  });

  it('fails the whole batch when an error ends the transaction itself', async () => {
    const insert = db.prepare('INSERT INTO rows (key) VALUES (?)');
    const write = groupCommit(db, (key: string) => {
      insert.run(key);
      if (key === 'end') {
        // what SQLite does on disk full or an I/O error: the whole transaction is rolled back
        db.exec('ROLLBACK');
        throw new Error('transaction ended');
      }
      return key;
    });
    const outcomes = await Promise.allSettled([write('a'), write('end'), write('c')]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(committed()).toEqual([]);
    expect(db.inTransaction).toBe(false);
    // and the next batch works
    await write('d');
    expect(committed()).toEqual(['d']);
  });
});
