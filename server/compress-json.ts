// JSON answers above 1 KB (lists, 送受信記録) go out compressed when the client accepts it.
// Compressed off the event loop (zlib's thread pool) at a fast setting: these are made per
// request, unlike the build's static files.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { acceptedEncodings, type Encoding } from './encoding';

export const COMPRESS_JSON_MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function compress(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gz(body, { level: 6 });
}

/**
 * The text of an answer made by Hono's c.json() on @hono/node-server, read without building a
 * web Response: its light Response keeps [status, body, headers] under a symbol of its own until
 * something asks for more. null for any other answer (read the usual way).
 */
export function lightBodyText(res: Response): string | null {
  const key = Object.getOwnPropertySymbols(res).find((symbol) => symbol.description === 'cache');
  const cache = key ? (res as unknown as Record<symbol, unknown>)[key] : undefined;
  return Array.isArray(cache) && typeof cache[1] === 'string' ? cache[1] : null;
}

export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!(res.headers.get('Content-Type') ?? '').startsWith('application/json')) return;
    if (res.headers.has('Content-Encoding') || c.req.method === 'HEAD') return;
    const vary = res.headers.get('Vary');
    if (!vary?.toLowerCase().includes('accept-encoding')) res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = acceptedEncodings(c.req.header('Accept-Encoding'))[0];
    // res.body only now: on @hono/node-server's light answer it builds a whole web Response, and
    // the answer then goes out the slow way (a stream read) rather than as the string it holds
    if (!encoding) return;
    const text = lightBodyText(res);
    // below the size worth compressing the answer goes as it is, still light (a string, no stream)
    if (text !== null && Buffer.byteLength(text) < COMPRESS_JSON_MIN_BYTES) return;
    if (!res.body) return;
    const body = text !== null ? Buffer.from(text) : new Uint8Array(await res.arrayBuffer());
    let sent: Uint8Array = body;
    const headers = new Headers(res.headers);
    if (body.length >= COMPRESS_JSON_MIN_BYTES) {
      sent = new Uint8Array(await compress(body, encoding));
      headers.set('Content-Encoding', encoding);
    }
    headers.set('Content-Length', String(sent.length));
    // replaced, not merged: Hono's setter would copy the old answer's headers onto a copy of the
    // new one, and that copy turns @hono/node-server's light answer into a web Response sent as a
    // stream (the new one has every header already)
    c.res = undefined;
    c.res = new Response(sent, { status: res.status, headers });
  };
}
