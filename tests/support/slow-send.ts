// Sends held half way over a real socket: the first half of a multipart body with the full
// Content-Length. startHalfSend never sends the rest (a relay process dying under a send);
// startSplitSend sends it when asked (a send in flight while the relay stops).
import { request, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { CSRF_HEADER, IDEMPOTENCY_HEADER } from '../../src/domain/contract';
import { sendForm, type TestFile } from './agent';

interface SendArgs {
  url: string;
  cookie: string;
  key: string;
  meta: unknown;
  files: readonly TestFile[];
}

/** The send's request, headers set and nothing of the body written yet, and the body. */
async function openSend({ url, cookie, key, meta, files }: SendArgs, extra: Record<string, string> = {}): Promise<{ req: ClientRequest; body: Uint8Array }> {
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
      ...extra,
    },
  });
  return { req, body };
}

const half = (body: Uint8Array) => Math.floor(body.byteLength / 2);
const write = (req: ClientRequest, bytes: Uint8Array) => new Promise<void>((resolve) => req.write(bytes, () => resolve()));

/** Resolves once half the body is written; the request stays open until the server goes. */
export async function startHalfSend(url: string, cookie: string, key: string, meta: unknown, files: readonly TestFile[]): Promise<void> {
  const { req, body } = await openSend({ url, cookie, key, meta, files });
  req.on('error', () => {
    /* the server dies under it: expected */
  });
  await write(req, body.subarray(0, half(body)));
}

export interface SplitSend {
  /** Writes the rest of the body and resolves with the relay's answer. */
  finish(): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>;
}

/**
 * A send whose body stops half way until finish(): a request in flight, on its own connection.
 * Resolves once the relay has the request (its 100 Continue came back) and half the body is written.
 */
export async function startSplitSend(url: string, cookie: string, key: string, meta: unknown, files: readonly TestFile[]): Promise<SplitSend> {
  const { req, body } = await openSend({ url, cookie, key, meta, files }, { expect: '100-continue' });
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
  await write(req, body.subarray(0, half(body)));
  return {
    finish: async () => {
      req.end(body.subarray(half(body)));
      return answer;
    },
  };
}
