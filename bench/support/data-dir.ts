// Where the send benches keep both servers' data: on disk beside the project, as a relay's data
// folder is. The system's temp folder is tmpfs on some systems (Debian 13 mounts /tmp so), where
// fsync does nothing: "bare node:http + fsync" would then be measured without any durability
// while the relay still pays for its commits. RENKEI_BENCH_DIR chooses another place on purpose.
import { mkdirSync, mkdtempSync, statfsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = process.env.RENKEI_BENCH_DIR ?? resolve(import.meta.dirname, '../../.tmp/bench');

export function benchDataDir(prefix: string): string {
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, prefix));
}

/** Names the benches' data folder and whether fsync means anything on it. */
export function benchDataPlace(): string {
  mkdirSync(root, { recursive: true });
  const where = relative(process.cwd(), root) || '.';
  // statfs magic numbers of the file systems where fsync is free
  const inMemory = new Set([0x01021994 /* tmpfs */, 0x858458f6 /* ramfs */]);
  return inMemory.has(statfsSync(root).type) ? `${where} (in memory: fsync does nothing there)` : `${where} (on disk)`;
}
