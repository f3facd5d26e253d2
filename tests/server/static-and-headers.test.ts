// The built PWA is served with the right caching, the SPA fallback, and security headers everywhere.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;

beforeAll(async () => {
  t = await openTestRelay({}, (dataDir) => {
    const dist = join(dataDir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Renkei</title><script type="module" src="/assets/index-abc123.js"></script>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Renkei"}');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dataDir, 'secret.txt'), 'outside the build folder');
    return { staticDir: dist };
  });
});
afterAll(async () => {
  await t.stop();
});

const get = (path: string, init?: RequestInit) => t.request(path, init);

describe('static files', () => {
  it('serves index.html and sw.js with no-cache, hashed assets immutable', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const sw = await get('/sw.js');
    expect(sw.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const asset = await get('/assets/index-abc123.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/manifest.webmanifest')).headers.get('content-type')).toMatch(/^application\/manifest\+json/);
  });

  it('falls back to index.html for app routes, but not for missing files', async () => {
    const route = await get('/received');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Renkei</title>');
    expect((await get('/assets/missing-123.js')).status).toBe(404);
  });

  it('never serves outside the build folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/x%00.js']) {
      const res = await get(path);
      expect(await res.text(), path).not.toContain('outside the build folder');
    }
  });
});

describe('security headers', () => {
  it('are on pages, API answers, errors and downloads alike', async () => {
    const responses = [
      await get('/'),
      await get('/api/health'),
      await get('/api/session'),
      await get('/api/nope'),
      await get('/api/auth/login', { method: 'POST' }),
    ];
    for (const res of responses) {
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
          "worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('API answers are not cached and unknown API paths are JSON 404s', async () => {
    expect((await get('/api/health')).headers.get('cache-control')).toBe('no-store');
    const missing = await get('/api/nope');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not-found');
  });

  it('grants no CORS', async () => {
    const res = await get('/api/messages', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
