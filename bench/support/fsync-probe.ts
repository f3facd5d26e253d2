// How long this disk takes to make one small write durable. Send figures swing with it (a shared
// VM disk can vary several-fold between runs), so the bench prints it beside them.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { benchDataDir } from './data-dir';
import { latencyStats, type LatencyStats } from './stats';

/** One-row commits with the relay's pragmas (WAL, synchronous = FULL). */
export function sqliteCommitLatency(commits = 200): LatencyStats {
  const dir = benchDataDir('fsync-');
  try {
    const db = new Database(join(dir, 'probe.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const samples: number[] = [];
    for (let i = 0; i < commits; i++) {
      const t0 = performance.now();
      insert.run('x'.repeat(200));
      samples.push(performance.now() - t0);
    }
    db.close();
    return latencyStats(samples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
