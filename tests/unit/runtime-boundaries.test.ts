// Each runtime compiles against its own libraries (tsconfig.*.json, built together by `tsc -b`).
// The probe files in tests/fixtures/tsc-probe are checked with each real project's settings:
// a page that reads the disk, or a server (worker, domain) that touches the DOM, must not compile,
// while the same file compiles in the runtime where it belongs (so the failure is the rule's).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
// inside the repository, so the configs find node_modules (type packages resolve from there)
const scratch = join(root, 'node_modules/.tmp');
mkdirSync(scratch, { recursive: true });
const work = mkdtempSync(join(scratch, 'tsc-probe-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Project = 'domain' | 'page' | 'worker' | 'server';

const PROBES = {
  'page reading the disk': { project: 'page', files: ['reads-disk.ts'] },
  'worker reading the disk and touching the DOM': { project: 'worker', files: ['reads-disk.ts', 'touches-dom.ts'] },
  'server touching the DOM': { project: 'server', files: ['touches-dom.ts'] },
  'domain reading the disk and touching the DOM': { project: 'domain', files: ['reads-disk.ts', 'touches-dom.ts'] },
  'page touching the DOM': { project: 'page', files: ['touches-dom.ts'] },
  'server reading the disk': { project: 'server', files: ['reads-disk.ts'] },
} satisfies Record<string, { project: Project; files: string[] }>;
type Probe = keyof typeof PROBES;

/** What tsc said about each probe: the probe files checked with the settings of tsconfig.<project>.json. */
const said = new Map<Probe, string>();

beforeAll(async () => {
  // one `tsc -b` over a project per probe: the libraries are read once for all of them
  const names = Object.keys(PROBES) as Probe[];
  names.forEach((name, i) => {
    const { project, files } = PROBES[name];
    writeFileSync(
      join(work, `probe${i}.json`),
      JSON.stringify({
        extends: join(root, `tsconfig.${project}.json`),
        compilerOptions: { composite: true, rootDir: root, outDir: join(work, `out${i}`), tsBuildInfoFile: join(work, `probe${i}.tsbuildinfo`) },
        include: [],
        files: files.map((file) => join(root, 'tests/fixtures/tsc-probe', file)),
      }),
    );
  });
  writeFileSync(join(work, 'all.json'), JSON.stringify({ files: [], references: names.map((_, i) => ({ path: `./probe${i}.json` })) }));
  let output: string;
  try {
    output = (await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(work, 'all.json'), '--verbose'], { cwd: root })).stdout;
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  // --verbose names each project before what tsc says about it
  for (const section of output.split(/^.*Building project '/m).slice(1)) {
    const index = Number(/probe(\d+)\.json'/.exec(section)?.[1]);
    said.set(names[index]!, section.slice(section.indexOf('\n') + 1));
  }
}, 60_000);

const errorsOf = (probe: Probe) => said.get(probe)?.split('\n').filter((line) => line.includes('error TS')) ?? ['(not built)'];

describe('tsc keeps each runtime to its own libraries', () => {
  it('refuses Node in page, worker and domain code, and the DOM in server, worker and domain code', () => {
    expect(errorsOf('page reading the disk').join('\n')).toMatch(/reads-disk\.ts.*error TS2307: Cannot find module 'node:fs'/);
    const worker = errorsOf('worker reading the disk and touching the DOM').join('\n');
    expect(worker).toMatch(/reads-disk\.ts.*error TS2307: Cannot find module 'node:fs'/);
    expect(worker).toMatch(/touches-dom\.ts.*Cannot find name 'document'/);
    expect(errorsOf('server touching the DOM').join('\n')).toMatch(/touches-dom\.ts.*Cannot find name 'document'/);
    const domain = errorsOf('domain reading the disk and touching the DOM').join('\n');
    expect(domain).toMatch(/reads-disk\.ts.*error TS2307: Cannot find module 'node:fs'/);
    expect(domain).toMatch(/touches-dom\.ts.*Cannot find name 'document'/);
  });

  it('compiles the same probes where they belong', () => {
    expect(errorsOf('page touching the DOM')).toEqual([]);
    expect(errorsOf('server reading the disk')).toEqual([]);
  });
});
