// The compiled relay (scripts/build-server.mjs, what `npm start`, the spawned relays of these tests
// and the e2e run start): every thread file a module looks for beside itself is beside the
// compiled relay too, the compiled CSV thread answers as the inline check does, functions are not
// renamed at run time (no keepNames helper), and the build is found fresh until an input changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SERVER_DIST, serverBuildIsFresh, serverEntry } from '../../scripts/build-server.mjs';
import { csvContentRefusal } from '../../server/delivery/csv-checks';
import type { CsvJob, CsvVerdict } from '../../server/delivery/csv-pool';
import { fromRecords, makePlanUnit, makeRecords } from '../support/csvgen';

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
