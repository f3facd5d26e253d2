// Route-level code splitting (issue 14): the login screen downloads none of the other screens'
// code, and a screen never opened before still opens offline, from the service worker's precache.
import { expect, test, type Page } from '@playwright/test';
import { officeLogin, openScreen, screenHeading, signIn, submitPersonLogin } from './support/login';
import { CARE_MANAGER } from './support/people';
import { waitForServiceWorker } from './support/service-worker';

/** The chunks of screens that are not the first one (Vite names a chunk after its module). */
const LATER_SCREENS = /\/assets\/(BatchView|ComposeView|MessageListView|MessageDetailView|MonthlyCheckView|PersonCompareView|DraftsView|CsvPreview|csv)-[\w-]+\.js$/;

test('the login screen loads no other screen’s code; 一括送信 loads its own when opened', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/#/login');
  await expect(page.getByRole('button', { name: 'ログイン', exact: true })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((path) => LATER_SCREENS.test(path))).toEqual([]);

  await signIn(page, CARE_MANAGER, '一括送信', '/#/login');
  expect(scripts.filter((path) => path.includes('/assets/BatchView-'))).toHaveLength(1);
});

test('ログイン, 事業所ユーザログイン and トップ run without zod: their answers are checked by hand', async ({ page }) => {
  const withZod: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    // zod's parsers keep their "_zod" property through minification
    if ((await response.text().catch(() => '')).includes('_zod')) withZod.push(new URL(response.url()).pathname);
  });
  await page.goto('/#/login');
  await submitPersonLogin(page, CARE_MANAGER.userId, CARE_MANAGER.password);
  await expect(screenHeading(page, 'トップ')).toBeVisible();
  await page.goto('/#/office-login');
  await officeLogin(page, CARE_MANAGER.officeUserId, CARE_MANAGER.officePassword);
  await expect(screenHeading(page, 'トップ')).toBeVisible();
  await expect(page.getByText(/受信メッセージ/)).toBeVisible(); // the counts were read
  await page.waitForLoadState('networkidle');
  expect(withZod).toEqual([]);

  // the first screen that reads a list brings zod with it
  await openScreen(page, '受信一覧');
  await expect.poll(() => withZod.length).toBeGreaterThan(0);
});

test('screens never opened online open offline from the precache', async ({ page, context }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (LATER_SCREENS.test(path)) fetched.push(path);
  });
  await signIn(page, CARE_MANAGER, '下書き一覧', '/#/login');
  await waitForServiceWorker(page);
  // the precache is complete once the worker controls the page; nothing of 一括送信 was asked for yet
  expect(fetched.filter((path) => path.includes('BatchView'))).toEqual([]);

  await context.setOffline(true);
  await openScreen(page, '一括送信');
  await expect(screenHeading(page, '一括送信')).toBeVisible();
  await expect(page.getByLabel('ファイルを選択')).toBeAttached();

  // a reload offline: the shell and a lazily loaded screen come from the worker alone
  await page.reload();
  await openScreen(page, '月次チェック');
  await expect(screenHeading(page, '月次チェック')).toBeVisible();
  await expect(page.getByText('この画面を読み込めませんでした')).toHaveCount(0);
  await context.setOffline(false);
});
