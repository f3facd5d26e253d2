// A new version of the app reaches an open tablet: the new service worker waits (no skipWaiting
// at once), the app says 「新しいバージョンがあります」 with 更新, nothing switches until the user
// agrees — not even a reload — and switching keeps the work open in 新規作成. Another open tab is
// told to reload. The "deploy" is a changed sw.js in a copy of dist/ served by a relay of its own.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../server/server';
import { HOME_HELP_OFFICE, minimalPdf, uniqueSequence } from '../support/files';
import { expect, test } from './support/browsers';
import { signIn } from './support/login';
import { CARE_MANAGER } from './support/people';
import { waitForServiceWorker } from './support/service-worker';

let root: string;
let server: RunningServer;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'renkei-update-e2e-'));
  cpSync(process.env.RENKEI_DIST ?? 'dist', join(root, 'dist'), { recursive: true });
  server = await startServer({ dataDir: join(root, 'data'), staticDir: join(root, 'dist'), host: '127.0.0.1', port: 0 });
});
test.afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** The メッセージ autosaved on this device, as the app stored it in IndexedDB. */
const autosavedMessages = (page: Page) =>
  page.evaluate(() => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('renkei');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('autosave').objectStore('autosave').getAll();
      all.onsuccess = () => resolve((all.result as { message: string }[]).map((r) => r.message));
    };
  }));

/** The registration's workers as the page sees them. */
const workers = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: Boolean(registration?.waiting), controlled: navigator.serviceWorker.controller !== null };
  });

test('a new version waits for 更新, and switching to it keeps the work open in 新規作成', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await signIn(page, CARE_MANAGER, '新規作成');
  await waitForServiceWorker(page);
  const pdf = minimalPdf(`更新前_${uniqueSequence()}.pdf`);
  await page.getByLabel('ファイルを選択').setInputFiles(pdf);
  await page.getByLabel('送信先事業所番号').fill(HOME_HELP_OFFICE);
  await page.getByLabel('メッセージ').fill('更新の前に書いた文面');
  await expect.poll(() => autosavedMessages(page)).toEqual(['更新の前に書いた文面']);
  const other = await context.newPage();
  await other.goto('/#/top');
  await expect(other.getByRole('heading', { name: 'トップ', level: 1 })).toBeVisible();

  // deploy a new version
  appendFileSync(join(root, 'dist', 'sw.js'), `\n// version ${Date.now()}\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  const banner = page.getByRole('status').filter({ hasText: '新しいバージョンがあります' });
  await expect(banner).toBeVisible();
  await expect(other.getByRole('status').filter({ hasText: '新しいバージョンがあります' })).toBeVisible();
  // nothing switched by itself: the new worker waits while the old one serves the page
  expect(await workers(page)).toEqual({ waiting: true, controlled: true });

  // a reload is not consent either (in the other tab: this one keeps the page that saw the very
  // first worker take control, whose 更新 must still work)
  await other.reload();
  await expect(other.getByRole('status').filter({ hasText: '新しいバージョンがあります' })).toBeVisible();
  expect(await workers(other)).toEqual({ waiting: true, controlled: true });
  await page.getByLabel('メッセージ').fill('更新の直前に書き足した文面');

  // 更新: the work is saved, the new version takes over, the page reloads into it
  await page.evaluate(() => ((window as unknown as { beforeSwitch: boolean }).beforeSwitch = true));
  await banner.getByRole('button', { name: '更新' }).click();
  // (evaluate fails while the page is being replaced: that counts as not yet)
  await expect.poll(() => page.evaluate(() => (window as unknown as { beforeSwitch?: boolean }).beforeSwitch ?? false).catch(() => true)).toBe(false);
  await expect(banner).toHaveCount(0);
  expect(await workers(page)).toEqual({ waiting: false, controlled: true });
  await expect(page.getByRole('heading', { name: '新規作成', level: 1 })).toBeVisible();
  await expect(page.getByLabel('メッセージ')).toHaveValue('更新の直前に書き足した文面');
  await expect(page.getByRole('table', { name: '添付ファイル' })).toContainText(pdf.name);

  // the other tab runs the old code beside the new worker: it asks to be reloaded
  const elsewhere = other.getByRole('status').filter({ hasText: '新しいバージョンに切り替わりました' });
  await expect(elsewhere).toBeVisible();
  await elsewhere.getByRole('button', { name: '再読み込み' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'バージョン' })).toHaveCount(0);
  await context.close();
});
