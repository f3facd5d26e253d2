// Serves the built PWA. index.html and sw.js must revalidate (a new deploy has to reach users);
// Vite's hashed files under assets/ never change, so browsers may keep them forever. Text files
// go out as the build's brotli or gzip copy (server/precompress.ts) when the browser takes it.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { acceptedEncodings, isCompressibleType, SUFFIX, type Encoding } from './encoding';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** The file under root that the URL path names, or null when it leaves root or is malformed. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = normalize(join(root, decoded));
  return full === root || full.startsWith(root + sep) ? full : null;
}

async function fileAt(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) {
      const index = join(path, 'index.html');
      return (await stat(index).catch(() => null))?.isFile() ? index : null;
    }
  } catch {
    /* not there */
  }
  return null;
}

/** The build's compressed copy of `path` the client accepts, unless it is older than the file. */
async function compressedCopy(path: string, accepted: readonly Encoding[]): Promise<{ path: string; encoding: Encoding } | null> {
  if (accepted.length === 0) return null;
  const original = await stat(path);
  for (const encoding of accepted) {
    const copy = `${path}${SUFFIX[encoding]}`;
    const copyStat = await stat(copy).catch(() => null);
    if (copyStat?.isFile() && copyStat.mtimeMs >= original.mtimeMs) return { path: copy, encoding };
  }
  return null;
}

async function send(c: Context<AppEnv>, root: string, path: string): Promise<Response> {
  const immutable = path.startsWith(join(root, 'assets') + sep);
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Cache-Control': immutable ? IMMUTABLE : REVALIDATE,
  };
  let file = path;
  if (isCompressibleType(contentType)) {
    // caches must keep the encodings apart, also for a client that took the plain file
    headers['Vary'] = 'Accept-Encoding';
    const copy = await compressedCopy(path, acceptedEncodings(c.req.header('Accept-Encoding')));
    if (copy) {
      file = copy.path;
      headers['Content-Encoding'] = copy.encoding;
    }
  }
  const body = await readFile(file);
  headers['Content-Length'] = String(body.length);
  return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(new Uint8Array(body), 200, headers);
}

export function serveApp(staticDir: string): MiddlewareHandler<AppEnv> {
  const root = normalize(staticDir);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const pathname = new URL(c.req.url).pathname;
    if (pathname === '/api' || pathname.startsWith('/api/')) return next();
    const target = resolveInside(root, pathname);
    const found = target ? await fileAt(target) : null;
    if (found) return send(c, root, found);
    // SPA fallback: a route-looking path gets the app; a missing asset stays a 404
    if (!extname(pathname)) {
      const index = await fileAt(join(root, 'index.html'));
      if (index) return send(c, root, index);
      return c.text('アプリがビルドされていません(npm run build を実行してください)', 404);
    }
    return c.text('見つかりません', 404);
  };
}
