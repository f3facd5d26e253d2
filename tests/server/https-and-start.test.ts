// The relay as an operator starts it: HTTPS from TLS_CERT_FILE / TLS_KEY_FILE (a self-signed
// certificate made here with openssl), demo accounts only where asked for or on a local first
// start, a port clash that names the variable to change, and a clean stop on SIGTERM.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';
import { CSRF_HEADER } from '../../src/domain/contract';
import { CM } from '../support/cast';
import { openTestRelay, spawnRelay, tempDataDir, type SpawnedRelay, type TestRelay } from '../support/relay';

const certs = tempDataDir('renkei-tls-test-');
const CERT = join(certs.dir, 'cert.pem');
const KEY = join(certs.dir, 'key.pem');

beforeAll(() => {
  // what docs/https.md has an office do, shortened: a certificate for this machine's addresses
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=renkei-test',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', KEY, '-out', CERT,
  ], { stdio: 'ignore' });
});
afterAll(() => certs.remove());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request over TLS, trusting only `ca` (the test's certificate), as a tablet that installed it. */
function tlsRequest(url: string, options: RequestOptions & { body?: string } = {}): Promise<Answer> {
  const { body, ...rest } = options;
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca: readFileSync(CERT), ...rest }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTPS from TLS_CERT_FILE and TLS_KEY_FILE', () => {
  let t: TestRelay;
  let url: string;
  beforeAll(async () => {
    t = await openTestRelay({ tls: { certFile: CERT, keyFile: KEY } });
    url = (await t.listen()).url;
  });
  afterAll(async () => t?.stop());

  it('answers over TLS with the configured certificate, and a login cookie is Secure', async () => {
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await tlsRequest(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true });

    const login = await tlsRequest(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
      body: JSON.stringify({ userId: CM.user, password: CM.password }),
    });
    expect(login.status).toBe(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((line) => line.startsWith('renkei_session='));
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
  });

  it('is real TLS: a client that does not trust the certificate refuses it, and plain HTTP gets no answer', async () => {
    await expect(tlsRequest(`${url}/api/health`, { ca: [] as unknown as string })).rejects.toThrow(/self[- ]signed|certificate/i);
    const plain = await new Promise<number | Error>((resolve) => {
      const req = httpRequest(url.replace('https:', 'http:') + '/api/health', (res) => resolve(res.statusCode ?? 0));
      req.on('error', (err) => resolve(err));
      req.end();
    });
    expect(plain).not.toBe(200);
  });
});

describe('configuration from the environment', () => {
  const base = { DATA_DIR: '/tmp/x' };
  it('seeds the demo accounts unasked only on a local start (loopback HOST, no DATABASE_URL)', () => {
    expect(configFromEnv({ ...base }).seedDemo).toBe(true);
    expect(configFromEnv({ ...base, HOST: 'localhost' }).seedDemo).toBe(true);
    expect(configFromEnv({ ...base, HOST: '0.0.0.0' }).seedDemo).toBe(false);
    expect(configFromEnv({ ...base, HOST: '192.168.1.20' }).seedDemo).toBe(false);
    expect(configFromEnv({ ...base, DATABASE_URL: 'postgres://u:p@db/renkei' }).seedDemo).toBe(false);
    expect(configFromEnv({ ...base, HOST: '0.0.0.0', SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(configFromEnv({ ...base, SEED_DEMO: '0' }).seedDemo).toBe(false);
  });

  it('takes the certificate and key together, or neither', () => {
    expect(configFromEnv({ ...base }).tls).toBeNull();
    expect(configFromEnv({ ...base, TLS_CERT_FILE: CERT, TLS_KEY_FILE: KEY }).tls).toEqual({ certFile: CERT, keyFile: KEY });
    expect(() => configFromEnv({ ...base, TLS_CERT_FILE: CERT })).toThrow(/TLS_CERT_FILE and TLS_KEY_FILE must be set together/);
  });
});

describe('the relay process (server/main.ts)', () => {
  const data = tempDataDir('renkei-start-test-');
  let first: SpawnedRelay;
  afterAll(async () => {
    await first?.kill();
    data.remove();
  });

  it('serves HTTPS from the environment, says which variable to change on a port clash, and stops cleanly on SIGTERM', async () => {
    const env = { DATA_DIR: data.dir, STATIC_DIR: join(data.dir, 'no-dist'), TLS_CERT_FILE: CERT, TLS_KEY_FILE: KEY };
    first = await spawnRelay(env);
    expect(first.url).toMatch(/^https:\/\//);
    expect((await tlsRequest(`${first.url}/api/health`)).status).toBe(200);

    const port = new URL(first.url).port;
    const clash = await spawnRelay({ ...env, PORT: port }).then(
      (second) => second.stop().then(() => 'it started'),
      (err: unknown) => String(err),
    );
    expect(clash).toContain(`port ${port} is already in use`);
    expect(clash).toContain('set PORT to a free port');

    await first.stop();
    expect(first.output()).toContain('[renkei] SIGTERM received: stopping');
    expect(first.output()).toContain('[renkei] stopped cleanly');
  }, 60_000);
});
