// A lean node:http client for the benches (keep-alive, loopback only): less client overhead
// than fetch + FormData, so the figures are about the server.
import http from 'node:http';

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/**
 * Node's HTTP server closes a connection idle for 5 s (keepAliveTimeout). Node 20's agent heeds the
 * server's `Keep-Alive: timeout=5` only when given a timeout of its own, so without one a socket
 * idle that long is reused just as the server closes it: ECONNRESET on a send that never arrived
 * (seen with 2 relay processes, where each socket waits longer between uses). The timeout only
 * ends idle sockets: one in use is never cut by it.
 */
const IDLE_SOCKET_MS = 4000;

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: IDLE_SOCKET_MS });
}

export function request(agent: http.Agent, url: string, options: HttpRequest = {}): Promise<HttpResult> {
  const target = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
    throw new Error(`benches only talk to loopback, not ${target.hostname}`);
  }
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const headers: Record<string, string> = { ...options.headers };
  if (body) headers['content-length'] = String(body.byteLength);
  return new Promise((resolve, reject) => {
    const req = http.request(target, { method: options.method ?? 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Person login then office login; returns the session cookie ("renkei_session=…"). */
export async function loginCookie(agent: http.Agent, baseUrl: string, userId: string, password: string, officeUserId: string, officePassword: string): Promise<string> {
  const json = { 'content-type': 'application/json', 'x-renkei-client': '1' };
  const first = await request(agent, `${baseUrl}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ userId, password }) });
  if (first.status !== 200) throw new Error(`login ${userId}: ${first.status} ${first.body.toString()}`);
  const cookie = sessionCookieOf(first.headers['set-cookie']);
  if (!cookie) throw new Error('login gave no session cookie');
  const second = await request(agent, `${baseUrl}/api/auth/office-login`, {
    method: 'POST',
    headers: { ...json, cookie },
    body: JSON.stringify({ officeUserId, password: officePassword }),
  });
  if (second.status !== 200) throw new Error(`office login ${officeUserId}: ${second.status} ${second.body.toString()}`);
  // the 事業所ユーザログイン gives a new session (the person's one ends): keep asking with that
  return sessionCookieOf(second.headers['set-cookie']) ?? cookie;
}

function sessionCookieOf(header: string | string[] | undefined): string | undefined {
  return ([] as string[]).concat(header ?? []).map((line) => line.split(';')[0] ?? '').find((pair) => pair.startsWith('renkei_session='));
}
