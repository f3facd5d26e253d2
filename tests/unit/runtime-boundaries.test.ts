// Each runtime compiles against its own libraries (tsconfig.*.json, built together by `tsc -b`).
// The probe files in tests/fixtures/tsc-probe are checked with each real project's settings:
// a page that reads the disk, or a server (worker, domain) that touches the DOM, must not compile,
// while the same file compiles in the runtime where it belongs (so the failure is the rule's).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const probe = (name: string) => join(root, 'tests/fixtures/tsc-probe', name);
// inside the repository, so the configs find node_modules (type packages resolve from there)
const scratch = join(root, 'node_modules/.tmp');
mkdirSync(scratch, { recursive: true });
const work = mkdtempSync(join(scratch, 'tsc-probe-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Project = 'domain' | 'page' | 'worker' | 'server';

/** Type-checks `files` with the settings of tsconfig.<project>.json; returns tsc's exit code and output. */
async function check(project: Project, files: string[]): Promise<{ code: number; output: string }> {
  const config = join(work, `${project}-${files.length}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(root, `tsconfig.${project}.json`),
      // the project's libraries and types, checked only: nothing is emitted for the probes
      compilerOptions: { tsBuildInfoFile: `${config}.tsbuildinfo`, composite: false, declaration: false, emitDeclarationOnly: false, noEmit: true },
      include: [],
      files: files.map(probe),
    }),
  );
  try {
    const { stdout } = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: root });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: failed.stdout };
  }
}

describe('tsc keeps each runtime to its own libraries', () => {
  it('refuses Node in page, worker and domain code, and the DOM in server, worker and domain code', async () => {
    const [page, worker, server, domain] = await Promise.all([
      check('page', ['reads-disk.ts']),
      check('worker', ['reads-disk.ts', 'touches-dom.ts']),
      check('server', ['touches-dom.ts']),
      check('domain', ['reads-disk.ts', 'touches-dom.ts']),
    ]);
    expect(page.code).not.toBe(0);
    expect(page.output).toMatch(/reads-disk\.ts.*error TS2307: Cannot find module 'node:fs'/);
    expect(worker.code).not.toBe(0);
    expect(worker.output).toMatch(/reads-disk\.ts.*error TS2307: Cannot find module 'node:fs'/);
    expect(worker.output).toMatch(/touches-dom\.ts.*Cannot find name 'document'/);
    expect(server.code).not.toBe(0);
    expect(server.output).toMatch(/touches-dom\.ts.*Cannot find name 'document'/);
    expect(domain.code).not.toBe(0);
    expect(domain.output).toMatch(/reads-disk\.ts.*error TS2307: Cannot find module 'node:fs'/);
    expect(domain.output).toMatch(/touches-dom\.ts.*Cannot find name 'document'/);
  });

  it('compiles the same probes where they belong', async () => {
    const [page, server] = await Promise.all([check('page', ['touches-dom.ts']), check('server', ['reads-disk.ts'])]);
    expect(page).toEqual({ code: 0, output: '' });
    expect(server).toEqual({ code: 0, output: '' });
  });
});
