// What the first download (src/main.tsx and what it imports statically) and the service worker
// (src/sw/sw.ts, one script) are made of, read from the sources: neither carries zod (the answers
// they read are checked by src/domain/answers.ts), the database's upgrade steps (the page loads
// them when needed; the worker never upgrades) or workbox-routing. `npm run bench -- bundle-size`
// prints the bytes; this keeps a stray import from bringing them back unnoticed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The modules a file imports at run time: `import type`, type-only names and import() are left out. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const named = statement.exportClause;
      if (named && ts.isNamedExports(named) && named.elements.every((e) => e.isTypeOnly)) continue;
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const file = ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((f) => existsSync(f) && !f.endsWith('/'));
  if (!file) throw new Error(`${relative(root, from)}: cannot resolve ${specifier}`);
  return file;
}

/** Every module reached by static imports from `entry`: local files (relative to the repo) and packages. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [join(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const name = relative(root, file);
    if (files.has(name)) continue;
    files.add(name);
    if (!/\.tsx?$/.test(file)) continue;
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) queue.push(resolveLocal(file, specifier));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

const zodIn = (packages: Set<string>) => [...packages].filter((p) => p === 'zod' || p.startsWith('zod/'));

describe('static imports', () => {
  it('the first download: no zod, no upgrade steps, none of the later screens', () => {
    const { files, packages } = staticGraph('src/main.tsx');
    expect(files.has('src/views/login/LoginView.tsx')).toBe(true); // the walk does follow the imports
    expect(files.has('src/domain/answers.ts')).toBe(true);
    expect(zodIn(packages)).toEqual([]);
    expect([...files].filter((f) => /^src\/db\/upgrades\.ts$|^src\/domain\/(contract|mailbox|zod-config)\.ts$|^src\/api\/client\.ts$/.test(f))).toEqual([]);
    expect([...files].filter((f) => /^src\/views\/(batch|compose|messages|drafts|reconcile|records)\/.*\.tsx?$/.test(f))).toEqual([]);
    // what only rare paths need: a database from versions 2–3, この端末のデータを消去, plain http://
    const rare = ['src/db/adopt.ts', 'src/views/app/carried-over-text.ts', 'src/db/erase.ts', 'src/views/top/EraseDeviceDialog.tsx', 'src/views/app/InsecureContextNotice.tsx'];
    expect(rare.filter((f) => files.has(f))).toEqual([]);
    expect(files.has('src/views/app/carried-over.ts') && files.has('src/views/top/EraseDevice.tsx')).toBe(true);
  });

  it('the service worker: no zod, no upgrade steps, workbox-precaching without workbox-routing', () => {
    const { files, packages } = staticGraph('src/sw/sw.ts');
    expect(files.has('src/outbox/flush.ts')).toBe(true);
    expect(zodIn(packages)).toEqual([]);
    expect(files.has('src/db/upgrades.ts')).toBe(false);
    // nor signing in and what it may load (a dynamic import in the worker's graph wraps its modules)
    expect(files.has('src/db/sign-in.ts')).toBe(false);
    expect([...files].filter((f) => f.startsWith('src/domain/') && !/\/(api|answers)\.ts$/.test(f))).toEqual([]);
    // workbox by its modules' own paths, not the packages' indexes
    expect([...packages].sort()).toEqual(['idb', 'workbox-core/clientsClaim.js', 'workbox-precaching/PrecacheController.js', 'workbox-precaching/cleanupOutdatedCaches.js']);
  });

  it('sees through the kinds of import it skips', () => {
    // src/db/db.ts names the upgrade steps only as a type, and the page loads them with import()
    expect(runtimeImports(join(root, 'src/db/db.ts'))).toEqual(['idb', './schema', './schema']);
    expect(readFileSync(join(root, 'src/db/page-upgrades.ts'), 'utf8')).toContain("import('./upgrades')");
  });
});
