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
    if (!encoding || !res.body) return;
    const body = new Uint8Array(await res.arrayBuffer());
    let sent: Uint8Array = body;
    const headers = new Headers(res.headers);
    if (body.length >= COMPRESS_JSON_MIN_BYTES) {
      sent = new Uint8Array(await compress(body, encoding));
      headers.set('Content-Encoding', encoding);
    }
    // Hono copies the old answer's headers onto a new one: the old length must not come along
    res.headers.delete('Content-Length');
    c.res = new Response(sent, { status: res.status, headers });
    c.res.headers.set('Content-Length', String(sent.length));
  };
}
