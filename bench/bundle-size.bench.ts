// PWA weight: `vite build` into a temp folder, then the first-load JS and CSS (raw and gzip -9),
// the service worker, and everything it precaches; and where the bytes of the first-load JS and of
// the service worker come from (the build's source maps, traced per package and per src/ folder).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetSize, firstLoadJs, htmlAssets, precacheUrls, sizeOf, type AssetSize } from './support/bundle';
import { sourceShares } from './support/bundle-sources';
import { startServer } from '../server/main';
import { PRECOMPRESS_MIN_BYTES } from '../server/precompress';
import { kib, printTable } from './support/stats';
import { recordFigure } from './support/summary';

const FIRST_LOAD_GOAL_KIB = 30;
const SW_GOAL_KIB = 12;

/** How the relay sends the build's files to a browser that accepts br and gzip. */
async function transferEncodings(outDir: string, paths: readonly string[]): Promise<string[][]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'renkei-bench-data-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir: outDir, seedDemo: false });
  try {
    const rows: string[][] = [];
    for (const path of paths) {
      // node's fetch decodes the body; Content-Length is what went over the wire
      const res = await fetch(`${server.url}/${path}`, { headers: { 'accept-encoding': 'br, gzip' } });
      const encoding = res.headers.get('content-encoding') ?? 'none';
      const wire = Number(res.headers.get('content-length') ?? NaN);
      await res.arrayBuffer();
      rows.push([`  ${path}`, encoding, kib(sizeOf(outDir, path)), kib(wire)]);
    }
    return rows;
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

/** The script's bytes per package and src/ folder, largest first (the smallest summed in one row). */
function printSources(title: string, outDir: string, paths: readonly string[]): void {
  const shares = sourceShares(outDir, paths);
  const total = shares.reduce((sum, s) => sum + s.raw, 0);
  const shown = shares.slice(0, 12);
  const rest = shares.slice(12);
  const rows = [[`${title}: bytes from`, 'raw', 'share', 'gzip alone']];
  for (const s of shown) rows.push([`  ${s.source}`, kib(s.raw), `${((100 * s.raw) / total).toFixed(0)} %`, kib(s.gzipAlone)]);
  if (rest.length > 0) {
    const raw = rest.reduce((sum, s) => sum + s.raw, 0);
    rows.push([`  ${rest.length} more`, kib(raw), `${((100 * raw) / total).toFixed(0)} %`, '-']);
  }
  printTable(rows);
}

const total = (list: readonly AssetSize[]) =>
  list.reduce((sum, a) => ({ raw: sum.raw + a.raw, gzip: sum.gzip + a.gzip }), { raw: 0, gzip: 0 });

export default async function run(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'renkei-bench-dist-'));
  try {
    const t0 = performance.now();
    // hidden source maps: the same scripts (no sourceMappingURL comment), the maps beside them
    const build = spawnSync('npx', ['vite', 'build', '--sourcemap', 'hidden', '--logLevel', 'error'], {
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
    rows.push([`JS (${files(jsFiles.length)})`, kib(jsTotal.raw), kib(jsTotal.gzip)]);
    rows.push([`CSS (${files(cssFiles.length)})`, kib(cssTotal.raw), kib(cssTotal.gzip)]);
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
    printSources('first-load JS', outDir, jsFiles.map((a) => a.path));
    if (swPath) printSources(`service worker ${swPath}`, outDir, [swPath]);
    recordFigure('first-load JS (entry + static imports), gzip -9', `${kib(jsTotal.gzip)} in ${files(jsFiles.length)}`, `≤ ${FIRST_LOAD_GOAL_KIB} KiB`, jsTotal.gzip <= FIRST_LOAD_GOAL_KIB * 1024);
    if (swPath) {
      const sw = assetSize(outDir, swPath);
      recordFigure('service worker sw.js, gzip -9', kib(sw.gzip), `≤ ${SW_GOAL_KIB} KiB`, sw.gzip <= SW_GOAL_KIB * 1024);
    }

    const transferRows = await transferEncodings(outDir, ['index.html', ...js.map((p) => p.replace(/^\//, '')), ...css.map((p) => p.replace(/^\//, '')), ...(swPath ? [swPath] : [])]);
    printTable([['served to Accept-Encoding: br, gzip', 'encoding', 'file', 'on the wire'], ...transferRows]);
    // files under PRECOMPRESS_MIN_BYTES gain nothing from it and are sent as they are
    const plain = transferRows.filter((r) => r[1] === 'none' && sizeOf(outDir, r[0]!.trim()) >= PRECOMPRESS_MIN_BYTES).map((r) => r[0]!.trim());
    const small = transferRows.filter((r) => r[1] === 'none').length - plain.length;
    recordFigure(
      'transfer encoding (first load; JSON > 1 KiB: tests)',
      plain.length === 0 ? `br: ${transferRows.length - small} files, ${small} < ${PRECOMPRESS_MIN_BYTES} B plain` : `uncompressed: ${plain.join(', ')}`,
      'br or gzip for every compressible answer',
      plain.length === 0,
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
