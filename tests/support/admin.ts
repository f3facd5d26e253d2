// The admin CLI (server/admin.ts) on a data folder, as an operator runs it: the compiled CLI that
// `npm run admin` runs (compiled by vitest's global setup, the bench's start, or here when stale).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serverBuildIsFresh, serverEntry } from '../../scripts/build-server.mjs';

const buildScript = fileURLToPath(new URL('../../scripts/build-server.mjs', import.meta.url));

/** node's arguments for `npm run admin -- …args`. */
export const adminCli = (...args: string[]) => ['--enable-source-maps', serverEntry('admin'), ...args];

/** Runs `npm run admin -- …args` against `dataDir` and returns what it printed. */
export function runAdmin(dataDir: string, ...args: string[]): string {
  // the freshness check hashes about 140 files (milliseconds); a stale build is rebuilt as `npm run admin` does
  if (!serverBuildIsFresh()) execFileSync(process.execPath, [buildScript, '--quiet'], { stdio: 'inherit' });
  return execFileSync(process.execPath, adminCli(...args), {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}
