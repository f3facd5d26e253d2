// The built PWA for the browser benchmarks: RENKEI_DIST when it holds a build, else a fresh
// `vite build` into the scratch folder.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function builtApp(scratch: string): string {
  const given = process.env.RENKEI_DIST;
  if (given && existsSync(join(given, 'index.html'))) return resolve(given);
  const outDir = join(scratch, 'dist');
  execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    env: { ...process.env, RENKEI_DIST: outDir },
    stdio: 'inherit',
  });
  return outDir;
}
