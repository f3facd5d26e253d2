// The service worker's precache through a deploy (src/sw/precache.ts: workbox-precaching's
// PrecacheController, with the app's own decision of which requests it answers): the first install
// holds every file of the manifest; a new version fetches what changed and, once the user has
// switched to it, no longer holds what it does not list; offline, any address of the app opens the
// shell of the version in use, and /api/ is never answered from the cache. The "deploy" edits a
// copy of dist/ served by a relay of its own.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../server/server';
import { signIn } from './support/login';
import { CARE_MANAGER } from './support/people';
import { waitForServiceWorker } from './support/service-worker';

let root: string;
let server: RunningServer;
const dist = () => join(root, 'dist');

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'renkei-precache-e2e-'));
  cpSync(process.env.RENKEI_DIST ?? 'dist', dist(), { recursive: true });
  server = await startServer({ dataDir: join(root, 'data'), staticDir: dist(), host: '127.0.0.1', port: 0 });
});
test.afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

type Entry = { revision: string | null; url: string };
const MANIFEST = /\[\{"revision":[^\]]*\]/;
const manifestOf = (sw: string): Entry[] => JSON.parse(MANIFEST.exec(sw)![0]) as Entry[];

/** What workbox's precache holds: each entry as "path" or "path@revision". */
const precached = (page: Page) =>
  page.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.includes('precache'));
    if (!name) return [];
    const keys = await (await caches.open(name)).keys();
    return keys
      .map((request) => {
        const url = new URL(request.url);
        const revision = url.searchParams.get('__WB_REVISION__');
        return revision ? `${url.pathname.slice(1)}@${revision}` : url.pathname.slice(1);
      })
      .sort();
  });
// (vite-plugin-pwa lists the manifest's icons twice: workbox keeps one of each)
const expected = (entries: Entry[]) => [...new Set(entries.map((e) => (e.revision ? `${e.url}@${e.revision}` : e.url)))].sort();

test('install holds the manifest; a deploy brings what changed and drops what it no longer lists; offline opens its shell', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await signIn(page, CARE_MANAGER, '下書き一覧');
  await waitForServiceWorker(page);
  const first = manifestOf(readFileSync(join(dist(), 'sw.js'), 'utf8'));
  expect(first.length).toBeGreaterThan(20);
  await expect.poll(() => precached(page)).toEqual(expected(first));

  // deploy: index.html changes, favicon.svg is no longer listed, a new file is
  const html = readFileSync(join(dist(), 'index.html'), 'utf8');
  writeFileSync(join(dist(), 'index.html'), html.replace('</body>', '<!-- deploy 2 --></body>'));
  writeFileSync(join(dist(), 'deploy-2.txt'), 'deploy 2\n');
  const next: Entry[] = [
    ...first.filter((e) => e.url !== 'favicon.svg').map((e) => (e.url === 'index.html' ? { ...e, revision: 'deploy-2' } : e)),
    { revision: 'deploy-2', url: 'deploy-2.txt' },
  ];
  const sw = readFileSync(join(dist(), 'sw.js'), 'utf8');
  writeFileSync(join(dist(), 'sw.js'), sw.replace(MANIFEST, JSON.stringify(next)));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  const banner = page.getByRole('status').filter({ hasText: '新しいバージョンがあります' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: '更新' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '下書き一覧', level: 1 })).toBeVisible();
  await expect.poll(() => precached(page)).toEqual(expected(next));

  // offline: a deep address opens the new shell from the precache; the relay's API is not cached
  await context.setOffline(true);
  await page.goto('/somewhere/else#/top');
  await expect(page.getByRole('heading', { name: 'トップ', level: 1 })).toBeVisible();
  expect(await page.content()).toContain('<!-- deploy 2 -->');
  expect(await page.evaluate(() => fetch('/api/health').then(() => 'answered', () => 'network error'))).toBe('network error');
  expect(await page.evaluate(() => fetch('/deploy-2.txt').then((r) => r.text()))).toBe('deploy 2\n');
  await context.setOffline(false);
  await context.close();
});
