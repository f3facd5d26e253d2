// Every answer of POST /api/messages, on a real socket (where @hono/node-server sends its light
// answers its own way) and in-process alike: the security headers, no caching, the CSRF rule, the
// session, the body limit and the JSON error shape hold on the hot route as on every other.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, sendResponseSchema } from '../../src/domain/contract';
import { Agent, pdf, planCsv } from '../support/agent';
import { CM, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;
let url: string;
beforeAll(async () => {
  t = await openTestRelay();
  url = (await t.listen()).url;
});
afterAll(async () => {
  await t.stop();
});

function expectGuarded(res: Response, label: string): void {
  expect(res.headers.get('content-security-policy'), label).toContain("default-src 'self'");
  expect(res.headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), label).toBe('no-referrer');
  expect(res.headers.get('x-frame-options'), label).toBe('DENY');
  expect(res.headers.get('cache-control'), label).toBe('no-store');
  expect(res.headers.get('content-type'), label).toMatch(/^application\/json/);
}

async function expectError(res: Response, status: number, code: string, label: string): Promise<void> {
  expect(res.status, label).toBe(status);
  expectGuarded(res, label);
  expect(apiErrorSchema.parse(await res.json()).error.code, label).toBe(code);
}

/** A declared length past the limit: answered from the headers alone, before any body is sent. */
function declaredTooLarge(cookie: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api/messages`, {
      method: 'POST',
      headers: { cookie, 'x-renkei-client': '1', 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(64 * 1024 * 1024) },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe.each([
  ['on a socket', () => url],
  ['in-process', () => (path: string, init: RequestInit) => t.request(path, init)],
] as const)('POST /api/messages %s', (_, target) => {
  const meta = { destination: HH.office, message: '' };
  let cm: Agent;
  beforeAll(async () => {
    cm = await new Agent(target()).loginAs(CM.user, CM.officeUser);
  });

  it('delivers (201) and answers the same key again (200), with every header', async () => {
    const key = crypto.randomUUID();
    const files = [planCsv(CM.office, HH.office, `2024040112${String(Math.floor(Math.random() * 60)).padStart(2, '0')}00`)];
    const first = await cm.send(meta, files, key);
    expect(first.status).toBe(201);
    expectGuarded(first, '201');
    const sent = sendResponseSchema.parse(await first.json());
    expect(sent.duplicate).toBe(false);
    const again = await cm.send(meta, files, key);
    expect(again.status).toBe(200);
    expectGuarded(again, '200');
    expect(sendResponseSchema.parse(await again.json())).toEqual({ ...sent, duplicate: true });
  });

  it('refuses with the error shape and every header', async () => {
    await expectError(await cm.request('/api/messages', { method: 'POST', csrf: false, body: 'x' }), 403, 'csrf', 'no client header');
    await expectError(await new Agent(target()).send(meta, [pdf()]), 401, 'unauthorized', 'no session');
    const person = new Agent(target());
    await person.login(CM.user);
    await expectError(await person.send(meta, [pdf()]), 403, 'office-login-required', 'no office login');
    await expectError(await cm.send(meta, [pdf()], 'not-a-uuid'), 400, 'bad-request', 'bad key');
    await expectError(await cm.postJson('/api/messages', meta, { headers: { 'idempotency-key': crypto.randomUUID() } }), 400, 'bad-request', 'not a form');
    const broken = planCsv();
    broken.bytes = broken.bytes.slice();
    broken.bytes[10] = 0x80;
    await expectError(await cm.send(meta, [broken]), 422, 'invalid-csv', 'bad CSV');
  });

});

describe('POST /api/messages on a socket, past the body limit', () => {
  it('is refused from the declared length (413) with the security headers and the error shape', async () => {
    const cm = await new Agent(url).loginAs(CM.user, CM.officeUser);
    const res = await declaredTooLarge(cm.cookie!);
    expect(res.status).toBe(413);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(apiErrorSchema.parse(JSON.parse(res.body)).error.code).toBe('too-large');
  });
});
