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

export interface SplitSend {
  /** Writes the rest of the body and resolves with the relay's answer. */
  finish(): Promise<{ status: number; headers: import('node:http').IncomingHttpHeaders; body: string }>;
}

/**
 * A send whose body stops half way until finish(): a request in flight, on its own connection.
 * Resolves once the relay has the request (its 100 Continue came back) and half the body is written.
 */
export async function startSplitSend(url: string, cookie: string, key: string, meta: unknown, files: readonly TestFile[]): Promise<SplitSend> {
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
      expect: '100-continue',
    },
  });
  const accepted = new Promise<void>((resolve) => req.once('continue', () => resolve()));
  const answer = new Promise<Awaited<ReturnType<SplitSend['finish']>>>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
  });
  // a send cut off and never finished is no failure of the test that cut it
  answer.catch(() => undefined);
  req.flushHeaders();
  await accepted;
  const half = Math.floor(body.byteLength / 2);
  await new Promise<void>((resolve) => req.write(body.subarray(0, half), () => resolve()));
  return {
    finish: async () => {
      req.end(body.subarray(half));
      return answer;
    },
  };
}
