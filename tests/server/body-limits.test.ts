// Pre-login memory (issue 11, point 2): 100 MB posted to every route a stranger can reach, with a
// Content-Length and chunked, is refused (413, or the connection cut) before it is read, and the
// relay's peak memory (VmHWM of its own process) stays flat. The relay runs as in production.
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processMemory, mib } from '../support/memory';
import { spawnRelay, tempDataDir, type SpawnedRelay } from '../support/relay';

const HUNDRED_MB = 100 * 1024 * 1024;
/** What the relay may grow by for all of it together: a fraction of one body. */
const FLAT = 32 * 1024 * 1024;
const ROUTES = ['/api/auth/login', '/api/auth/office-login', '/api/auth/logout', '/api/auth/logout-everywhere', '/api/auth/password', '/api/messages', '/'];

const data = tempDataDir('renkei-bodies-');
let relay: SpawnedRelay;

beforeAll(async () => {
  relay = await spawnRelay({ DATA_DIR: data.dir, STATIC_DIR: join(data.dir, 'no-dist') });
}, 60_000);
afterAll(async () => {
  await relay?.stop();
  data.remove();
});

/** Streams `bytes` of JSON-looking filler; resolves with the status, or 'cut' when the relay closed the connection first. */
function post(path: string, bytes: number, chunked: boolean): Promise<number | 'cut'> {
  return new Promise((resolve) => {
    const url = new URL(path, relay.url);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-renkei-client': '1' };
    if (!chunked) headers['content-length'] = String(bytes);
    const req = request(url, { method: 'POST', headers });
    let settled = false;
    const done = (result: number | 'cut') => {
      if (settled) return;
      settled = true;
      resolve(result);
      req.destroy();
    };
    req.on('response', (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', () => done('cut'));
    const block = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (!settled && sent < bytes) {
        sent += block.length;
        if (!req.write(block)) return void req.once('drain', pump);
      }
      if (!settled) req.end();
    };
    req.write('{"userId":"');
    pump();
  });
}

describe('100 MB to every route a stranger can reach', () => {
  it('is refused before it is read, and the relay’s memory stays flat', async () => {
    const before = processMemory(relay.pid);
    expect(before, 'reads /proc/<pid>/status (Linux)').not.toBeNull();
    for (const route of ROUTES) {
      for (const chunked of [false, true]) {
        const result = await post(route, HUNDRED_MB, chunked);
        // refused outright, or (a route that never reads a body) answered and the rest discarded
        expect([413, 404, 'cut'], `${route} ${chunked ? 'chunked' : 'Content-Length'}`).toContain(result);
      }
    }
    const after = processMemory(relay.pid)!;
    const grown = after.peak - before!.peak;
    console.log(`relay peak memory ${mib(before!.peak)} → ${mib(after.peak)} after ${ROUTES.length * 2} × 100 MB`);
    expect(grown, `peak grew by ${mib(grown)}`).toBeLessThan(FLAT);
    // and it still answers
    expect((await fetch(`${relay.url}/api/health`)).status).toBe(200);
  }, 120_000);
});
