// The admin CLI (server/admin.ts) on a data folder, as an operator runs it: the compiled CLI that
// `npm run admin` runs (compiled by vitest's global setup, the e2e relay's start or spawnRelay).
import { execFileSync } from 'node:child_process';
import { serverEntry } from '../../scripts/build-server.mjs';

/** node's arguments for `npm run admin -- …args`. */
export const adminCli = (...args: string[]) => ['--enable-source-maps', serverEntry('admin'), ...args];

/** Runs `npm run admin -- …args` against `dataDir` and returns what it printed. */
export function runAdmin(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, adminCli(...args), {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}
