// The compiled relay (scripts/build-server.mjs, what `npm start`, the spawned relays of these tests
// and the e2e run start): every thread file a module looks for beside itself is beside the
// compiled relay too, the compiled CSV thread answers as the inline check does, functions are not
// renamed at run time (no keepNames helper), and the build is found fresh until an input changes.
// Each build has a folder of its own behind the dist-server symlink: a relay that runs on while the
// next build is made keeps starting its threads from its own build (a rolling update).
import { appendFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_DIST, serverBuildIsFresh, serverEntry } from '../../scripts/build-server.mjs';
import { csvContentRefusal } from '../../server/delivery/csv-checks';
import type { CsvJob, CsvVerdict } from '../../server/delivery/csv-pool';
import { Agent, pdf, planCsv } from '../support/agent';
import { CM, HH } from '../support/cast';
import { fromRecords, makePlanUnit, makeRecords } from '../support/csvgen';
import { spawnRelay, tempDataDir, type SpawnedRelay } from '../support/relay';

/** server/**: `new URL('./x.mjs', import.meta.url)`, the files threads are started from. */
function threadFilesNamedInSources(dir = 'server'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return threadFilesNamedInSources(path);
    if (!entry.name.endsWith('.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/new URL\('\.\/([\w-]+\.mjs)', import\.meta\.url\)/g)].map((m) => m[1]!);
  });
}

describe('the compiled relay (dist-server/)', () => {
  it('has every thread file its modules start beside it', () => {
    const named = threadFilesNamedInSources();
    expect(named.sort()).toEqual(['csv-worker-boot.mjs', 'file-write-worker.mjs', 'write-worker-boot.mjs']);
    const built = readdirSync(SERVER_DIST);
    for (const file of [...named, 'main.mjs', 'admin.mjs', 'check-cli.mjs', 'send-rows.mjs']) expect(built).toContain(file);
  });

  it('runs the CSV checks in its compiled thread with the verdict of the inline check', async () => {
    const opts = { month: '202504', sequence: '20250401000001' };
    const rows = makeRecords('UPPLAN', opts);
    rows[0]![9] = '20250432';
    const sends = [makePlanUnit(opts), [fromRecords('UPPLAN', rows, opts), makePlanUnit(opts)[2]!]];
    const worker = new Worker(serverEntry('csv-worker-boot'));
    try {
      const verdicts = await Promise.all(sends.map((files, id) => new Promise<CsvVerdict>((resolve, reject) => {
        const answer = (verdict: CsvVerdict) => {
          if (verdict.id !== id) return;
          worker.off('message', answer);
          resolve(verdict);
        };
        worker.on('message', answer);
        worker.once('error', reject);
        const job: CsvJob = { id, files: files.map((f) => ({ name: f.name, bytes: f.bytes })) };
        worker.postMessage(job);
      })));
      const inline = sends.map((files) => csvContentRefusal(files));
      expect(inline[1]).toMatchObject({ status: 422, code: 'invalid-csv' });
      expect(verdicts).toEqual(inline.map((refusal, id) => ({ id, refusal })));
    } finally {
      await worker.terminate();
    }
  });

  it('keeps no function-naming helper: a function made per call costs nothing extra', () => {
    for (const file of readdirSync(SERVER_DIST).filter((f) => f.endsWith('.mjs'))) {
      expect(readFileSync(join(SERVER_DIST, file), 'utf8'), file).not.toMatch(/\b__name\(/);
    }
  });

  it('is fresh after the build (vitest built it first), and records what it was built from', () => {
    expect(serverBuildIsFresh()).toBe(true);
    const { inputs } = JSON.parse(readFileSync(join(SERVER_DIST, '.build-inputs.json'), 'utf8')) as { inputs: string[] };
    expect(inputs).toEqual(expect.arrayContaining(['server/main.ts', 'server/db/sqlite/send-rows.ts', 'src/domain/filename.ts', 'package-lock.json', 'scripts/build-server.mjs']));
    expect(inputs.some((input) => input.startsWith('node_modules/'))).toBe(false);
  });
});

type BuildScript = typeof import('../../scripts/build-server.mjs');

/** A checkout of its own (what the relay is built from, node_modules linked) with its own build script. */
async function scratchCheckout(): Promise<{ root: string; script: BuildScript }> {
  const root = mkdtempSync(join(tmpdir(), 'renkei-build-test-'));
  scratchRoots.push(root);
  for (const path of ['server', 'src', 'scripts/build-server.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(resolve(path), join(root, path), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  return { root, script: (await import(pathToFileURL(join(root, 'scripts/build-server.mjs')).href)) as BuildScript };
}

const scratchRoots: string[] = [];
const relays: SpawnedRelay[] = [];
afterAll(async () => {
  for (const relay of relays) await relay.kill();
  for (const root of scratchRoots) rmSync(root, { recursive: true, force: true });
});

const builds = (root: string) => readdirSync(root).filter((name) => /^dist-server-/.test(name)).sort();

describe('the relay\'s build folders (dist-server -> dist-server-<time>-<pid>/)', () => {
  it('keeps a running relay on its own build: the threads it starts after the next build come from its build', async () => {
    const { root, script } = await scratchCheckout();
    const first = await script.buildServer();
    const data = tempDataDir('renkei-build-test-data-');
    try {
      const relay = await spawnRelay({ DATA_DIR: data.dir, STATIC_DIR: join(data.dir, 'no-dist') }, { entry: script.serverEntry('main') });
      relays.push(relay);
      // the next build's file writer thread cannot start: a relay that loaded it could not store a send's files
      const worker = join(root, 'server/blobs/file-write-worker.mjs');
      writeFileSync(worker, `throw new Error('the next build');\n${readFileSync(worker, 'utf8')}`);
      const second = await script.buildServer();
      expect(readlinkSync(join(root, 'dist-server'))).toBe(second);
      expect(builds(root)).toEqual([first, second]);

      // the relay's first send with a file above the inline size starts its file writer now
      const cm = await new Agent(relay.url).loginAs(CM.user, CM.officeUser);
      const sent = await cm.send({ destination: HH.office, message: '更新中の送信' }, [planCsv(), pdf('資料.pdf', 2 * 1024 * 1024)]);
      expect(sent.status, await sent.clone().text()).toBe(201);
      await relay.stop();
    } finally {
      data.remove();
    }
  });

  it('moves a dist-server/ folder of an earlier checkout aside, and keeps the newest three builds and the current one', async () => {
    const { root, script } = await scratchCheckout();
    mkdirSync(join(root, 'dist-server'));
    writeFileSync(join(root, 'dist-server', 'main.mjs'), '// an earlier checkout\'s build\n');
    const first = await script.buildServer();
    expect(lstatSync(join(root, 'dist-server')).isSymbolicLink()).toBe(true);
    const [migrated] = builds(root);
    expect(readFileSync(join(root, migrated!, 'main.mjs'), 'utf8')).toContain('earlier checkout');
    const later = [await script.buildServer(), await script.buildServer()];
    expect(builds(root)).toEqual([first, ...later]);
    expect(script.serverBuildIsFresh()).toBe(true);
    expect(existsSync(script.serverEntry('main'))).toBe(true);
  });

  it('leaves no stamp when an input is saved while esbuild runs, so the next start builds again', async () => {
    const { root, script } = await scratchCheckout();
    const name = await script.buildServer({ duringBuild: () => appendFileSync(join(root, 'server/main.ts'), '\n// saved during the build\n') });
    expect(existsSync(join(root, name, 'main.mjs'))).toBe(true);
    expect(existsSync(join(root, name, '.build-inputs.json'))).toBe(false);
    expect(script.serverBuildIsFresh()).toBe(false);
    expect(await script.buildServerIfStale()).toBe(true);
    expect(script.serverBuildIsFresh()).toBe(true);
    expect(readFileSync(join(root, 'dist-server', 'main.mjs.map'), 'utf8')).toContain('main.ts');
  });

  it('records tsconfig.json among its inputs (esbuild reads its compiler options)', () => {
    const { inputs } = JSON.parse(readFileSync(join(SERVER_DIST, '.build-inputs.json'), 'utf8')) as { inputs: string[] };
    expect(inputs).toContain('tsconfig.json');
  });
});
