// Requests broken below the API: bodies that never end, multipart that does not parse, JSON of
// the wrong shape. Each gets a clear answer (or the connection is cut) and nothing is stored.
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, CSRF_HEADER, IDEMPOTENCY_HEADER } from '../../src/domain/contract';
import { Agent, pdf, sendForm } from '../support/agent';
import { CM, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

/** Small, so a stalled request is given up on quickly; real deployments keep the 2-minute default. */
const REQUEST_TIMEOUT_MS = 1500;

let t: TestRelay;
let cm: Agent;

beforeAll(async () => {
  t = await openTestRelay({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
  cm = await t.agent().loginAs(CM.user, CM.officeUser);
});
afterAll(async () => {
  await t.stop();
});

function expectNothingStored(): void {
  const db = new Database(join(t.dataDir, 'renkei.db'), { readonly: true });
  try {
    for (const table of ['messages', 'message_files', 'idempotency']) {
      expect((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
  } finally {
    db.close();
  }
  expect(readdirSync(join(t.dataDir, 'blobs'))).toEqual([]);
  expect(readdirSync(join(t.dataDir, 'tmp'))).toEqual([]);
}

async function expectJapaneseError(res: Response, status: number): Promise<string> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const { error } = apiErrorSchema.parse(JSON.parse(text));
  expect(error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  // not a library's English default (zod's "Invalid input: expected string…")
  expect(error.message).not.toMatch(/invalid|expected|received|unexpected/i);
  return error.message;
}

/** Raw HTTP over a real socket: the request head and the first chunks, then silence. Resolves with all the server said. */
async function stalledChunkedSend(): Promise<{ response: string; closed: boolean }> {
  const { hostname, port } = new URL((await t.listen()).url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    socket.on('error', () => resolve({ response, closed: true }));
    socket.on('close', () => resolve({ response, closed: true }));
    socket.on('connect', () => {
      const boundary = 'stall';
      const head = [
        'POST /api/messages HTTP/1.1',
        `Host: ${hostname}:${port}`,
        `Cookie: ${cm.cookie}`,
        `${CSRF_HEADER}: 1`,
        `${IDEMPOTENCY_HEADER}: ${crypto.randomUUID()}`,
        `Content-Type: multipart/form-data; boundary=${boundary}`,
        'Transfer-Encoding: chunked',
        '',
        '',
      ].join('\r\n');
      const part = `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\n\r\n{"destination":"${HH.office}","message":""}\r\n`;
      socket.write(head + `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`);
      // ...and never the rest, nor the terminating 0-length chunk
    });
    setTimeout(() => reject(new Error('the server never gave up on the stalled request')), 30_000).unref();
  });
}

describe('bodies that never end', () => {
  it('a chunked send that stalls is cut off with 408 after REQUEST_TIMEOUT_MS, storing nothing', async () => {
    const { response, closed } = await stalledChunkedSend();
    expect(closed).toBe(true);
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expectNothingStored();
    // the relay is still serving everyone else
    expect((await cm.request('/api/session')).status).toBe(200);
  }, 40_000);
});

describe('malformed multipart', () => {
  const post = (body: BodyInit, contentType: string | null) =>
    cm.request('/api/messages', {
      method: 'POST',
      headers: { [IDEMPOTENCY_HEADER]: crypto.randomUUID(), ...(contentType ? { 'content-type': contentType } : {}) },
      body,
    });

  async function encoded(): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string; boundary: string }> {
    const request = new Request('http://x/', { method: 'POST', body: sendForm({ destination: HH.office, message: '' }, [pdf()]) });
    const contentType = request.headers.get('content-type')!;
    return { bytes: new Uint8Array(await request.arrayBuffer()), contentType, boundary: /boundary=(.+)$/.exec(contentType)![1]! };
  }

  it('a boundary that is not the one the body uses', async () => {
    const { bytes } = await encoded();
    await expectJapaneseError(await post(bytes, 'multipart/form-data; boundary=not-the-boundary'), 400);
  });

  it('no boundary at all', async () => {
    const { bytes } = await encoded();
    await expectJapaneseError(await post(bytes, 'multipart/form-data'), 400);
  });

  it('a body cut off before its closing boundary', async () => {
    const { bytes, contentType } = await encoded();
    await expectJapaneseError(await post(bytes.subarray(0, bytes.length - 60), contentType), 400);
  });

  it('garbage under a multipart content type', async () => {
    await expectJapaneseError(await post('\u0000\u0001 not multipart at all', 'multipart/form-data; boundary=x'), 400);
  });

  it('JSON instead of multipart', async () => {
    await expectJapaneseError(await post(JSON.stringify({ destination: HH.office, message: '' }), 'application/json'), 400);
  });

  it('meta that is not JSON, or JSON of the wrong shape', async () => {
    for (const meta of ['{destination:', '[]', '"3310000017"', JSON.stringify({ destination: 3310000017, message: '' }), JSON.stringify({ destination: HH.office, message: ['a'] })]) {
      const form = new FormData();
      form.append('meta', meta);
      form.append('files', new Blob([pdf().bytes as Uint8Array<ArrayBuffer>]), 'a.pdf');
      await expectJapaneseError(await post(form, null), 400);
    }
  });

  it('a file sent as a text field', async () => {
    const form = new FormData();
    form.append('meta', JSON.stringify({ destination: HH.office, message: '' }));
    form.append('files', '%PDF-1.4 as a string');
    await expectJapaneseError(await post(form, null), 400);
  });

  it('stored nothing for any of them', () => {
    expect(readdirSync(join(t.dataDir, 'tmp'))).toEqual([]);
  });
});

describe('JSON of the wrong shape on every JSON route', () => {
  const shapes: [string, string][] = [
    ['not JSON', '{"userId": "cm01", '],
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"cm01"'],
    ['an empty object', '{}'],
    ['numbers for strings', '{"userId": 1, "officeUserId": 330000000101, "password": 2026}'],
    ['nested objects', '{"userId": {"$ne": ""}, "officeUserId": {"$ne": ""}, "password": {"$ne": ""}}'],
    ['arrays for strings', '{"userId": ["cm01"], "officeUserId": ["KJ330000000101"], "password": ["x"]}'],
    ['a password over its 200 characters', JSON.stringify({ userId: 'cm01', officeUserId: 'KJ330000000101', password: 'x'.repeat(5_000) })],
  ];

  for (const route of ['/api/auth/login', '/api/auth/office-login'] as const) {
    for (const [name, body] of shapes) {
      it(`${route}: ${name} → 400 in Japanese`, async () => {
        const agent = t.agent();
        if (route === '/api/auth/office-login') expect((await agent.login(CM.user)).status).toBe(200);
        const res = await agent.request(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await expectJapaneseError(res, 400);
      });
    }
  }

  for (const route of ['/api/auth/login', '/api/auth/office-login', '/api/auth/logout', '/api/auth/password'] as const) {
    it(`${route}: a body over its 16 KB limit → 413 in Japanese, before it is read`, async () => {
      const agent = t.agent();
      if (route !== '/api/auth/login') expect((await agent.login(CM.user)).status).toBe(200);
      const body = JSON.stringify({ userId: 'cm01', officeUserId: 'KJ330000000101', password: 'x'.repeat(100_000) });
      expect(await expectJapaneseError(await agent.request(route, { method: 'POST', headers: { 'content-type': 'application/json' }, body }), 413)).toBe(
        'リクエストが大きすぎます',
      );
    });
  }

  it('none of them logged anyone in or counted as a failed password', async () => {
    // the 9 malformed cm01 logins above must not have locked the account (5 failures would)
    expect((await t.agent().login(CM.user)).status).toBe(200);
    expectNothingStored();
  });
});
