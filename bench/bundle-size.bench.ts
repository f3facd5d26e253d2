// PWA weight: `vite build` into a temp folder, then the first-load JS and CSS (raw and gzip -9),
// the service worker, and everything it precaches.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetSize, firstLoadJs, htmlAssets, precacheUrls, sizeOf, type AssetSize } from './support/bundle';
import { kib, printTable } from './support/stats';

const total = (list: readonly AssetSize[]) =>
  list.reduce((sum, a) => ({ raw: sum.raw + a.raw, gzip: sum.gzip + a.gzip }), { raw: 0, gzip: 0 });

export default async function run(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'renkei-bench-dist-'));
  try {
    const t0 = performance.now();
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
      env: { ...process.env, RENKEI_DIST: outDir },
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`vite build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
    console.log(`vite build: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const { js, css } = htmlAssets(html);
    const jsFiles = firstLoadJs(outDir, js).map((p) => assetSize(outDir, p));
    const cssFiles = css.map((p) => assetSize(outDir, p.replace(/^\//, '')));
    const htmlSize = assetSize(outDir, 'index.html');

    const rows: string[][] = [['first load', 'raw', 'gzip -9']];
    for (const a of [htmlSize, ...jsFiles, ...cssFiles]) rows.push([`  ${a.path}`, kib(a.raw), kib(a.gzip)]);
    const jsTotal = total(jsFiles);
    const cssTotal = total(cssFiles);
    const all = total([htmlSize, ...jsFiles, ...cssFiles]);
    rows.push([`JS (${jsFiles.length} files)`, kib(jsTotal.raw), kib(jsTotal.gzip)]);
    rows.push([`CSS (${cssFiles.length} files)`, kib(cssTotal.raw), kib(cssTotal.gzip)]);
    rows.push(['HTML + JS + CSS', kib(all.raw), kib(all.gzip)]);

    const swPath = ['sw.js', 'sw.mjs'].find((p) => existsSync(join(outDir, p)));
    if (swPath) {
      const sw = assetSize(outDir, swPath);
      rows.push([`service worker ${swPath}`, kib(sw.raw), kib(sw.gzip)]);
      const urls = precacheUrls(readFileSync(join(outDir, swPath), 'utf8'));
      const precached = urls.map((u) => sizeOf(outDir, u)).reduce((a, b) => a + b, 0);
      const missing = urls.filter((u) => sizeOf(outDir, u) === 0);
      rows.push([`precache (${urls.length} entries)`, kib(precached), '-']);
      if (missing.length > 0) console.log(`precache entries not found in the build: ${missing.join(', ')}`);
    } else {
      rows.push(['service worker', 'missing', '-']);
    }
    printTable(rows);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
