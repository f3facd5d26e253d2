// Compressed transfer (issue 14): the build's .br/.gz copies served by Accept-Encoding with the
// right headers, and JSON answers above 1 KB compressed on the fly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageListResponseSchema } from '../../src/domain/contract';
import { precompressDir } from '../../server/precompress';
import { COMPRESS_JSON_MIN_BYTES } from '../../server/compress-json';
import { acceptedEncodings } from '../../server/encoding';
import { Agent, pdf } from '../support/agent';
import { CM, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

const SCRIPT = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, label: "行${i}" }`).join(', ')}];\n`;

let t: TestRelay;
let cm: Agent;

beforeAll(async () => {
  let dist = '';
  t = await openTestRelay({}, (dataDir) => {
    dist = join(dataDir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), `<!doctype html><title>Renkei</title>${'<!-- padding -->'.repeat(80)}`);
    writeFileSync(join(dist, 'sw.js'), `self.addEventListener("install", () => {});${'\n// padding'.repeat(80)}`);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), SCRIPT);
    writeFileSync(join(dist, 'assets', 'tiny-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'icon-abc123.png'), Buffer.alloc(4096, 7));
    return { staticDir: dist };
  });
  await precompressDir(dist);
  cm = await t.agent().loginAs(CM.user, CM.officeUser);
});
afterAll(async () => {
  await t.stop();
});

const get = (path: string, acceptEncoding?: string) =>
  t.request(path, acceptEncoding === undefined ? {} : { headers: { 'accept-encoding': acceptEncoding } });

describe('static files', () => {
  it('go out as brotli when accepted, gzip otherwise, plain to a client that takes neither', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.length);
    expect(brBytes.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(brBytes).toString()).toBe(SCRIPT);

    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT);

    const weighted = await get('/assets/index-abc123.js', 'br;q=0.5, gzip;q=1');
    expect(weighted.headers.get('content-encoding')).toBe('gzip');

    for (const header of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/assets/index-abc123.js', header);
      expect(plain.headers.get('content-encoding'), String(header)).toBeNull();
      expect(plain.headers.get('vary')).toBe('Accept-Encoding');
      expect(await plain.text()).toBe(SCRIPT);
    }
  });

  it('keep their caching: hashed assets immutable, index.html, sw.js and the app routes no-cache', async () => {
    expect((await get('/assets/index-abc123.js', 'br')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/sw.js', '/received']) {
      const res = await get(path, 'br, gzip');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-encoding'), path).toBe('br');
    }
    const head = await t.request('/assets/index-abc123.js', { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.headers.get('content-encoding')).toBe('br');
    expect(await head.text()).toBe('');
  });

  it('send small files and already compressed formats as they are', async () => {
    expect((await get('/assets/tiny-abc123.js', 'br')).headers.get('content-encoding')).toBeNull();
    const png = await get('/assets/icon-abc123.png', 'br, gzip');
    expect(png.headers.get('content-encoding')).toBeNull();
    expect(png.headers.get('vary')).toBeNull();
  });
});

describe('JSON answers', () => {
  it('above 1 KB are compressed when accepted and read back the same', async () => {
    for (let i = 0; i < 6; i++) await cm.send({ destination: HH.office, message: `圧縮の確認 ${i}` }, [pdf(`資料${i}.pdf`)]);
    const plain = await cm.request('/api/messages?box=sent');
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(COMPRESS_JSON_MIN_BYTES);
    expect(plain.headers.get('content-encoding')).toBeNull();

    const br = await cm.request('/api/messages?box=sent', { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    expect(br.headers.get('cache-control')).toBe('no-store');
    const body = brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString();
    expect(messageListResponseSchema.parse(JSON.parse(body)).messages).toHaveLength(6);

    const gz = await cm.request('/api/messages?box=sent', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString())).toEqual(JSON.parse(text));
  });

  it('below 1 KB go out plain, with Vary', async () => {
    const res = await t.request('/api/health', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('Accept-Encoding', () => {
  it('is read with its weights', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=0.8, br;q=0.9')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0.5, gzip')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});
