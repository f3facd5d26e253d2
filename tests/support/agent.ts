// A browser stand-in for the relay's API: keeps the session cookie and adds the CSRF header to
// mutating requests. It talks to a relay in-process (app.request) or over a real socket (a URL).
import iconv from 'iconv-lite';
import { CSRF_HEADER, IDEMPOTENCY_HEADER } from '../../src/domain/contract';
import { DEMO_OFFICE_PASSWORD, DEMO_PERSON_PASSWORD } from '../../server/demo';
import { CM, HH } from './cast';

/** How requests reach the relay: its URL, or a function that answers them in-process. */
export type Target = string | ((path: string, init: RequestInit) => Promise<Response>);

type RequestOptions = RequestInit & { csrf?: boolean };

export class Agent {
  cookie: string | null = null;
  lastSetCookie: string[] = [];

  /** target may change when a test restarts the relay on another port. */
  constructor(public target: Target) {}

  /** The same person and session, on another relay process or socket. */
  on(target: Target): Agent {
    const other = new Agent(target);
    other.cookie = this.cookie;
    return other;
  }

  async request(path: string, options: RequestOptions = {}): Promise<Response> {
    const { csrf = true, ...init } = options;
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const method = (init.method ?? 'GET').toUpperCase();
    if (csrf && method !== 'GET' && method !== 'HEAD') headers.set(CSRF_HEADER, '1');
    const target = this.target;
    const res = typeof target === 'string' ? await fetch(target + path, { ...init, headers }) : await target(path, { ...init, headers });
    this.lastSetCookie = res.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair] = line.split(';');
      const [name, value] = (pair ?? '').split('=');
      if (name !== 'renkei_session') continue;
      this.cookie = value && !/max-age=0/i.test(line) ? `${name}=${value}` : null;
    }
    return res;
  }

  postJson(path: string, body: unknown, options: RequestOptions = {}): Promise<Response> {
    return this.request(path, {
      ...options,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.headers as Record<string, string>) },
      body: JSON.stringify(body),
    });
  }

  login(userId: string, password = DEMO_PERSON_PASSWORD): Promise<Response> {
    return this.postJson('/api/auth/login', { userId, password });
  }

  officeLogin(officeUserId: string, password = DEMO_OFFICE_PASSWORD): Promise<Response> {
    return this.postJson('/api/auth/office-login', { officeUserId, password });
  }

  /** Person login then office login; throws unless both succeed. */
  async loginAs(userId: string, officeUserId: string): Promise<this> {
    const a = await this.login(userId);
    if (a.status !== 200) throw new Error(`login ${userId}: ${a.status} ${await a.text()}`);
    const b = await this.officeLogin(officeUserId);
    if (b.status !== 200) throw new Error(`office login ${officeUserId}: ${b.status} ${await b.text()}`);
    return this;
  }

  send(meta: unknown, files: readonly TestFile[], key: string | null = crypto.randomUUID()): Promise<Response> {
    return this.request('/api/messages', {
      method: 'POST',
      headers: key ? { [IDEMPOTENCY_HEADER]: key } : {},
      body: sendForm(meta, files),
    });
  }

  /** The same send with no Content-Length: the body streamed in chunks (Transfer-Encoding: chunked). */
  async sendChunked(meta: unknown, files: readonly TestFile[], key: string = crypto.randomUUID()): Promise<Response> {
    const encoded = new Request('http://x/', { method: 'POST', body: sendForm(meta, files) });
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const chunk = 64 * 1024;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += chunk) controller.enqueue(bytes.subarray(at, at + chunk));
        controller.close();
      },
    });
    return this.request('/api/messages', {
      method: 'POST',
      headers: { [IDEMPOTENCY_HEADER]: key, 'content-type': encoded.headers.get('content-type')! },
      body,
      duplex: 'half',
    } as RequestOptions);
  }
}

export interface TestFile {
  name: string;
  bytes: Uint8Array;
}

export function sendForm(meta: unknown, files: readonly TestFile[]): FormData {
  const form = new FormData();
  form.append('meta', JSON.stringify(meta));
  for (const f of files) form.append('files', new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name);
  return form;
}

/** A 第1表 CSV as care software writes it: CP932, CRLF, with characters only CP932 has (髙, 﨑, ①). */
export function planCsv(sender = CM.office, destination = HH.office, sequence = '20240401120000'): TestFile {
  const text =
    `202208,330001,0000012345,20240401,700-0001,岡山県岡山市北区髙島1-2-3,﨑ハイツ①,佐藤 ケアマネ,` +
    `れんけい居宅介護支援センター,700-0001,岡山県,北区,${sender},20240401,20240401,11,2,20240301,` +
    `20240401,20250331,21,"課題, ""引用"" あり",,方針,,,${sender},\r\n`;
  return { name: `UP1KYO_${sender}_${destination}_${sequence}.CSV`, bytes: new Uint8Array(iconv.encode(text, 'cp932')) };
}

export function pdf(name = '第3表.pdf', size = 64): TestFile {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
  return { name, bytes };
}

export const equalBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
