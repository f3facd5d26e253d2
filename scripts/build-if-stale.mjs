// `npm start`: builds the PWA only when what it is built from changed since the last build, so a
// restart takes a second instead of a full build. The inputs' contents are hashed (not their
// times: a checkout or copy changes those) and the hash is kept beside the build.
// `npm run build` always builds (the PWA and the relay); `npm run serve` never builds the PWA.
// Then the relay is compiled the same way, when stale (build-server.mjs).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildServerAndSay } from './build-server.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, process.env.RENKEI_DIST ?? 'dist');
const stampFile = join(outDir, '.build-inputs');
const INPUTS = ['src', 'public', 'types', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.page.json', 'tsconfig.worker.json', 'tsconfig.domain.json'];

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

function inputsHash() {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => filesUnder(join(root, input))).sort();
  for (const file of files) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const wanted = inputsHash();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
if (built === wanted && existsSync(join(outDir, 'index.html')) && existsSync(join(outDir, 'sw.js'))) {
  console.log(`The app in ${relative(root, outDir) || '.'} is up to date (npm run build rebuilds it).`);
} else {
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, `${wanted}\n`);
}
await buildServerAndSay();
