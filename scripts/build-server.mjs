// The relay compiled to plain JavaScript in dist-server/, run with `node` (`npm start`, the tests'
// spawned relays, the e2e relay, the bench). Under tsx every named function made at run time
// costs a `__name` call (its keepNames); compiled, the relay runs the code as written, and its
// threads start without a TypeScript loader.
//
// Rebuilt only when stale: the stamp holds the files the last build read (esbuild's metafile)
// and their hash, so a checkout that changed any of them, or this script, or the lockfile,
// rebuilds. Run as a script it builds when stale (`--quiet`: says nothing then when it did not
// need to); `--force` always builds.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');
export const SERVER_DIST = join(root, 'dist-server');
const stampFile = join(SERVER_DIST, '.build-inputs.json');
const ALWAYS = ['scripts/build-server.mjs', 'package-lock.json'];

/**
 * Entry points, each one file of its own in dist-server/ (no shared chunks): the threads' files
 * carry the names their modules look for beside themselves (new URL('./x.mjs', import.meta.url)),
 * so the same lookup finds the source file under tsx and the compiled one here.
 */
const ENTRIES = [
  { in: 'server/main.ts', out: 'main' },
  { in: 'server/admin.ts', out: 'admin' },
  { in: 'server/check-cli.ts', out: 'check-cli' },
  // server/db/sqlite/writer.ts, csv-pool.ts, file-writer.ts start these threads
  { in: 'server/db/sqlite/write-worker.ts', out: 'write-worker-boot' },
  { in: 'server/delivery/csv-worker.ts', out: 'csv-worker-boot' },
  { in: 'server/blobs/file-write-worker.mjs', out: 'file-write-worker' },
  // loaded by the write worker by URL (server/db/sqlite/index.ts)
  { in: 'server/db/sqlite/send-rows.ts', out: 'send-rows' },
];

export const serverEntry = (name) => join(SERVER_DIST, `${name}.mjs`);

function hashOf(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const path = join(root, file);
    hash.update(file).update('\0').update(existsSync(path) ? readFileSync(path) : '(missing)').update('\0');
  }
  return hash.digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
}

export function serverBuildIsFresh() {
  const stamp = readStamp();
  if (!stamp || !Array.isArray(stamp.inputs)) return false;
  if (!ENTRIES.every((e) => existsSync(serverEntry(e.out)))) return false;
  return stamp.hash === hashOf(stamp.inputs);
}

/**
 * Builds into a folder of its own and moves it into place, so a relay starting meanwhile (tests
 * start several at once) finds the old build or the new one, never half of one (for an instant
 * between the two moves, neither: processes started together run `npm run build` first).
 */
export async function buildServer() {
  // loaded only to build: a start that finds the build fresh does not pay for it
  const { build } = await import('esbuild');
  const staging = `${SERVER_DIST}.${process.pid}.${Date.now()}`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // node_modules load as installed: better-sqlite3 and pg are native or CommonJS, and Node loads the rest as fast
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = [...new Set([...ALWAYS, ...Object.keys(result.metafile.inputs)])].sort();
  writeFileSync(join(staging, '.build-inputs.json'), `${JSON.stringify({ hash: hashOf(inputs), inputs }, null, 1)}\n`);
  const old = `${staging}.old`;
  try {
    if (existsSync(SERVER_DIST)) renameSync(SERVER_DIST, old);
    renameSync(staging, SERVER_DIST);
  } catch (err) {
    // another build moved its own into place meanwhile: from the same inputs, as good as this one
    if (!['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes(err.code)) throw err;
  }
  rmSync(staging, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
}

/** Builds unless the build in dist-server/ is from the same inputs; true when it built. */
export async function buildServerIfStale() {
  if (serverBuildIsFresh()) return false;
  await buildServer();
  return true;
}

/** Builds when stale (or always, with `force`) and says what it did on stderr (`quiet`: only when it built). */
export async function buildServerAndSay({ force = false, quiet = false } = {}) {
  const started = performance.now();
  const built = force ? (await buildServer(), true) : await buildServerIfStale();
  const where = relative(process.cwd(), SERVER_DIST) || '.';
  if (built) console.error(`The relay is compiled to ${where} (${Math.round(performance.now() - started)} ms).`);
  else if (!quiet) console.error(`The relay in ${where} is up to date (npm run build:server rebuilds it).`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServerAndSay({ force: process.argv.includes('--force'), quiet: process.argv.includes('--quiet') });
}
