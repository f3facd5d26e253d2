// The admin CLI (server/admin.ts) on a data folder, as an operator runs it: for e2e and bench setup.
import { execFileSync } from 'node:child_process';

/** Runs `npm run admin -- …args` against `dataDir` and returns what it printed. */
export function runAdmin(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'server/admin.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}
