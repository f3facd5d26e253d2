// Test support: a real relay on 127.0.0.1 (ephemeral port, temp DATA_DIR) and a cookie-keeping client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { startServer, type RunningServer, type StartOptions } from '../../server/main';
import { CSRF_HEADER, IDEMPOTENCY_HEADER } from '../../src/domain/contract';
import { DEMO_OFFICE_PASSWORD, DEMO_PERSON_PASSWORD } from '../../server/demo';

export interface TestServer {
  server: RunningServer;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** `prepare` may lay files into the fresh data folder first and add options that depend on it. */
export async function startTestServer(
  options: StartOptions = {},
  prepare?: (dataDir: string) => StartOptions,
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'renkei-server-test-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    staticDir: join(dataDir, 'no-dist'),
    ...options,
    ...prepare?.(dataDir),
  });
  return {
    server,
    url: server.url,
    dataDir,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type RequestOptions = RequestInit & { csrf?: boolean };

/** A browser stand-in: keeps the session cookie and adds the CSRF header to mutating requests. */
export class Agent {
  cookie: string | null = null;
  lastSetCookie: string[] = [];

  /** baseUrl may change when a test restarts the relay on another port. */
  constructor(public baseUrl: string) {}

  async request(path: string, options: RequestOptions = {}): Promise<Response> {
    const { csrf = true, ...init } = options;
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const method = (init.method ?? 'GET').toUpperCase();
    if (csrf && method !== 'GET' && method !== 'HEAD') headers.set(CSRF_HEADER, '1');
    const res = await fetch(this.baseUrl + path, { ...init, headers });
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

/** The demo cast: 居宅 cm01 sends to 訪問介護 hh01; デイ ds01 is the bystander. */
export const CM = { user: 'cm01', officeUser: 'KJ330000000101', office: '3300000001' };
export const HH = { user: 'hh01', officeUser: 'KJ331000001701', office: '3310000017' };
export const DS = { user: 'ds01', officeUser: 'KJ331000002501', office: '3310000025' };

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
