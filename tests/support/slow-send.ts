// A send cut off in the middle, as a relay process sees one when it dies under it: the first half
// of a multipart body with the full Content-Length, and never the rest.
import { request } from 'node:http';
import { CSRF_HEADER, IDEMPOTENCY_HEADER } from '../../src/domain/contract';
import { sendForm, type TestFile } from './agent';

/** Resolves once half the body is written; the request stays open until the server goes. */
export async function startHalfSend(url: string, cookie: string, key: string, meta: unknown, files: readonly TestFile[]): Promise<void> {
  const encoded = new Request('http://x/', { method: 'POST', body: sendForm(meta, files) });
  const body = new Uint8Array(await encoded.arrayBuffer());
  const req = request(new URL('/api/messages', url), {
    method: 'POST',
    headers: {
      cookie,
      'content-type': encoded.headers.get('content-type')!,
      'content-length': String(body.byteLength),
      [CSRF_HEADER]: '1',
      [IDEMPOTENCY_HEADER]: key,
    },
  });
  req.on('error', () => {
    /* the server dies under it: expected */
  });
  await new Promise<void>((resolve) => req.write(body.subarray(0, Math.floor(body.byteLength / 2)), () => resolve()));
}
