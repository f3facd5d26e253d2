// What a first visit downloads: the assets index.html names (script, stylesheet, modulepreload)
// and the JS they statically import, plus the service worker and its precache list.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  path: string;
  raw: number;
  gzip: number;
}

export function assetSize(outDir: string, path: string): AssetSize {
  const bytes = readFileSync(join(outDir, path));
  return { path, raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1] ?? null;

/** Site paths ("/assets/x.js") of the scripts, stylesheets and modulepreloads in index.html. */
export function htmlAssets(html: string): { js: string[]; css: string[] } {
  const js: string[] = [];
  const css: string[] = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    if (src) js.push(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel')?.toLowerCase();
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'stylesheet') css.push(href);
    if (rel === 'modulepreload') js.push(href);
  }
  return { js, css };
}

const local = (sitePath: string) => sitePath.replace(/^\//, '').split(/[?#]/)[0] ?? '';

/** The JS files index.html loads, with their static imports followed (dynamic import() is not). */
export function firstLoadJs(outDir: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map(local);
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path) || !existsSync(join(outDir, path))) continue;
    seen.add(path);
    const code = readFileSync(join(outDir, path), 'utf8');
    for (const m of code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(posix.normalize(posix.join(posix.dirname(path), m[1] as string)));
    }
  }
  return [...seen];
}

/** The urls in the precache manifest that vite-plugin-pwa injected into the service worker. */
export function precacheUrls(swCode: string): string[] {
  const urls = new Set<string>();
  for (const m of swCode.matchAll(/["']?url["']?\s*:\s*["']([^"']+)["']/g)) urls.add(m[1] as string);
  return [...urls];
}

export function sizeOf(outDir: string, path: string): number {
  const full = join(outDir, local(path));
  return existsSync(full) ? statSync(full).size : 0;
}
