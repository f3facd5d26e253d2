// The relay compiled to plain JavaScript, run with `node` (`npm start`, the tests' spawned relays,
// the e2e relay, the benches that start it as a process). Under tsx every named function made at
// run time costs a `__name` call (its keepNames); compiled, the relay runs the code as written, and
// its threads start without a TypeScript loader.
//
// Each build goes into a folder of its own, dist-server-<time>-<pid>/, and `dist-server` is a
// symlink to the newest, swapped in one rename. Node runs a main module from its real path, so a
// relay started as `node dist-server/main.mjs` keeps loading its threads (started lazily, restarted
// after a crash: new URL('./x.mjs', import.meta.url)) and source maps from the build it started
// with while a rolling update builds the next one and restarts processes one by one. Old builds
// are kept (the newest KEEP_BUILDS and the current one) and pruned by later builds.
//
// Rebuilt only when stale: the stamp holds the files the last build read (esbuild's metafile) and
// the hash of the bytes esbuild read from them, so a checkout that changed any of them, or this
// script, the lockfile or tsconfig.json, rebuilds, and a file saved while esbuild ran leaves no
// stamp. Run as a script it builds when stale (`--quiet`: says nothing then when it did not need
// to); `--force` always builds.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');
/** The current build: a symlink to the newest dist-server-<time>-<pid>/ folder. */
export const SERVER_DIST = join(root, 'dist-server');
const stampFile = join(SERVER_DIST, '.build-inputs.json');
// read by the build without being bundled: esbuild takes compiler options from tsconfig.json
const ALWAYS = ['scripts/build-server.mjs', 'package-lock.json', 'tsconfig.json'];
const BUILD_FOLDER = /^dist-server-[\dTZ]+-\d+$/;
const KEEP_BUILDS = 3;
// a build folder still being written is named so; one this old was left by a build that died
const PARTIAL = '.partial';
const PARTIAL_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Entry points, each one file of its own in the build folder (no shared chunks): the threads' files
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
const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.json': 'json' };

export const serverEntry = (name) => join(SERVER_DIST, `${name}.mjs`);

const readInput = (file) => {
  const path = join(root, file);
  return existsSync(path) ? readFileSync(path) : null;
};

/** The hash of `files` (relative to the root) with the bytes `read` gives for each. */
function hashOf(files, read = readInput) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(read(file) ?? '(missing)').update('\0');
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

/** An esbuild plugin that loads the project's files itself and keeps the bytes it gave esbuild. */
function keepWhatIsRead(read) {
  return {
    name: 'keep-what-is-read',
    setup(build) {
      build.onLoad({ filter: /.*/, namespace: 'file' }, ({ path }) => {
        const loader = LOADERS[extname(path)];
        if (!loader) return undefined;
        const contents = readFileSync(path);
        read.set(relative(root, path).split('\\').join('/'), contents);
        return { contents, loader };
      });
    },
  };
}

const buildName = () => `dist-server-${new Date().toISOString().replace(/[-:.]/g, '')}-${process.pid}`;

/**
 * Builds into a new folder and points `dist-server` at it in one rename, so a relay starting
 * meanwhile (tests start several at once) finds the old build or the new one, never half of one,
 * and a relay already running keeps its own. Returns the folder's name.
 */
export async function buildServer({ duringBuild } = {}) {
  // loaded only to build: a start that finds the build fresh does not pay for it
  const { build } = await import('esbuild');
  const read = new Map(ALWAYS.map((file) => [file, readInput(file)]));
  const name = buildName();
  const partial = join(root, name + PARTIAL);
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: partial,
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
    plugins: [keepWhatIsRead(read)],
  });
  await duringBuild?.();
  const inputs = [...new Set([...ALWAYS, ...Object.keys(result.metafile.inputs)])].sort();
  const built = hashOf(inputs, (file) => (read.has(file) ? read.get(file) : readInput(file)));
  // (a file esbuild loaded itself, of a kind the plugin leaves alone, is hashed as it is now)
  const changed = inputs.filter((file) => read.has(file) && !sameBytes(read.get(file), readInput(file)));
  // a file saved while esbuild ran: this build holds its older bytes, so it is used but not
  // stamped, and the next start builds again
  if (changed.length === 0) writeFileSync(join(partial, '.build-inputs.json'), `${JSON.stringify({ hash: built, inputs }, null, 1)}\n`);
  else console.error(`Changed while the relay was compiled: ${changed.join(', ')} (built again at the next start).`);
  renameSync(partial, join(root, name));
  pointAt(name);
  pruneBuilds();
  return name;
}

const sameBytes = (a, b) => (a == null ? b == null : b != null && a.equals(b));

/** Swaps the `dist-server` symlink to `name` in one rename (a plain folder from an earlier checkout is moved aside first). */
function pointAt(name) {
  const link = join(root, `.dist-server-${process.pid}-${Date.now()}.link`);
  symlinkSync(name, link, 'dir');
  try {
    const current = lstatSync(SERVER_DIST, { throwIfNoEntry: false });
    if (current?.isDirectory()) migrateFolder();
    renameSync(link, SERVER_DIST);
  } finally {
    rmSync(link, { force: true });
  }
}

/** dist-server/ as a folder of its own (built before the symlink): kept as a build, pruned later like one. */
function migrateFolder() {
  try {
    renameSync(SERVER_DIST, join(root, `dist-server-${new Date(0).toISOString().replace(/[-:.]/g, '')}-${process.pid}`));
  } catch (err) {
    // another build moved it meanwhile
    if (err.code !== 'ENOENT') throw err;
  }
}

function currentBuild() {
  try {
    return basename(readlinkSync(SERVER_DIST));
  } catch {
    return null;
  }
}

/** Removes all builds but the newest KEEP_BUILDS and the current one, and partial ones long dead. */
function pruneBuilds() {
  const current = currentBuild();
  const names = readdirSync(root);
  const builds = names.filter((n) => BUILD_FOLDER.test(n)).sort().reverse();
  const stale = builds.slice(KEEP_BUILDS).filter((n) => n !== current);
  const deadPartial = names.filter((n) => n.startsWith('dist-server-') && n.endsWith(PARTIAL))
    .filter((n) => Date.now() - statSync(join(root, n)).mtimeMs > PARTIAL_MAX_AGE_MS);
  for (const n of [...stale, ...deadPartial]) rmSync(join(root, n), { recursive: true, force: true });
}

/** Builds unless the current build is from the same inputs; true when it built. */
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
  if (built) console.error(`The relay is compiled to ${where} -> ${currentBuild()} (${Math.round(performance.now() - started)} ms).`);
  else if (!quiet) console.error(`The relay in ${where} is up to date (npm run build:server rebuilds it).`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServerAndSay({ force: process.argv.includes('--force'), quiet: process.argv.includes('--quiet') });
}
