// Shared tablets (issue 11, point 5), on one browser profile: what cm01 leaves on the device is
// invisible to ds01 and waits for cm01; a logout pressed offline is final at once and the relay
// hears of it when the network returns; この端末のデータを消去; the in-app password change.
import { resolve } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { runAdmin } from '../support/admin';
import { batchFiles, batchOffices } from '../support/batch-files';
import { asTestFiles, minimalPdf } from '../support/files';
import { apiAs, listMessages } from './support/api';
import { loginAsPerson, openScreen, screenHeading, signIn } from './support/login';
import { CARE_MANAGER, DAY_SERVICE, HOME_HELPER } from './support/people';
import { waitForServiceWorker } from './support/service-worker';

const unique = (title: string) => `${title} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function receivedBy(message: string): Promise<number> {
  const api = await apiAs(HOME_HELPER);
  try {
    return (await listMessages<{ message: string }>(api, 'received')).filter((m) => m.message === message).length;
  } finally {
    await api.dispose();
  }
}

/** Counts the sends this browser (page or service worker) puts on the wire; `hold`: answer them 503. */
async function watchSends(context: BrowserContext, hold: { on: boolean }): Promise<() => number> {
  let seen = 0;
  await context.route('**/api/messages', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    seen++;
    if (hold.on) return route.fulfill({ status: 503, json: { error: { code: 'internal', message: '一時的に受け付けられません' } } });
    return route.fallback();
  });
  return () => seen;
}

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  const confirm = page.getByRole('dialog', { name: 'ログアウトの確認' });
  if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page.getByLabel('ユーザID', { exact: true })).toBeVisible();
}

const outbox = (page: Page) => page.getByRole('region', { name: '送信トレイ' });

test('ds01 sees nothing cm01 left on the tablet, and cm01’s queued send waits for cm01', async ({ page, context }) => {
  test.setTimeout(120_000);
  const message = unique('共有端末の送信');
  const hold = { on: true };
  const sends = await watchSends(context, hold);

  // cm01: a draft, a send the relay cannot take yet, a 一括送信 row
  await signIn(page, CARE_MANAGER, '新規作成');
  await waitForServiceWorker(page);
  await page.getByLabel('ファイルを選択').setInputFiles(minimalPdf('cm01の下書き.pdf'));
  await page.getByLabel('送信先事業所番号').fill(HOME_HELPER.office);
  await page.getByRole('button', { name: '一時保存' }).click();
  await expect(page.getByText('下書きに保存しました')).toBeVisible();
  const draftAddress = new URL(page.url()).hash;
  expect(draftAddress).toMatch(/draft=/);

  await openScreen(page, '新規作成');
  await page.getByLabel('ファイルを選択').setInputFiles(minimalPdf('cm01の送信.pdf'));
  await page.getByLabel('送信先事業所番号').fill(HOME_HELPER.office);
  await page.getByLabel('メッセージ').fill(message);
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await page.getByRole('dialog', { name: '送信確認' }).getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('link', { name: '送信待ち 1件' })).toBeVisible();
  await expect.poll(sends).toBeGreaterThan(0);

  await openScreen(page, '一括送信');
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles(batchFiles(batchOffices(1)).slice(0, 1)));
  await expect(page.getByRole('table', { name: '一括送信の一覧' }).locator('tbody')).toHaveCount(1);
  await logout(page);

  // ds01 on the same browser, with the relay taking sends again
  hold.on = false;
  const sentBefore = sends();
  await signIn(page, DAY_SERVICE, '下書き一覧');
  await expect(page.getByText('下書きはありません')).toBeVisible();
  await expect(page.getByRole('link', { name: /^送信待ち/ })).toHaveCount(0);
  await page.goto(`/${draftAddress}`);
  await expect(page.getByText('下書きが見つかりません')).toBeVisible();
  await openScreen(page, '送信一覧');
  await expect(outbox(page)).toContainText('送信待ちのデータはありません');
  await openScreen(page, '一括送信');
  await expect(page.getByRole('table', { name: '一括送信の一覧' })).toHaveCount(0);

  // every flush trigger at once: page, service worker, Background Sync
  await page.evaluate(() => {
    navigator.serviceWorker.controller?.postMessage({ type: 'flush' });
    window.dispatchEvent(new Event('online'));
  });
  await page.reload();
  await expect(screenHeading(page, '一括送信')).toBeVisible();
  // a negative: give the flushes the time a send takes here, then see that none went out
  await page.waitForTimeout(2_000);
  expect(sends()).toBe(sentBefore);
  expect(await receivedBy(message)).toBe(0);

  // ds01 leaves, cm01 comes back: everything is there, and the send goes, as cm01
  await logout(page);
  await signIn(page, CARE_MANAGER, '送信一覧');
  await expect.poll(() => receivedBy(message), { timeout: 30_000 }).toBe(1);
  await openScreen(page, '下書き一覧');
  await expect(page.getByRole('row').filter({ hasText: 'cm01の下書き.pdf' })).toHaveCount(1);
  await openScreen(page, '一括送信');
  await expect(page.getByRole('table', { name: '一括送信の一覧' }).locator('tbody')).toHaveCount(1);
});

test('a logout pressed offline is final at once; the relay ends the session when the network returns', async ({ page, context }) => {
  await signIn(page, CARE_MANAGER, '送信一覧');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await logout(page);
  await page.reload();
  await expect(page.getByLabel('ユーザID', { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);

  await context.setOffline(false);
  await page.reload();
  await page.goto('/#/sent');
  await expect(page.getByLabel('ユーザID', { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  // the browser's old cookie opens nothing on the relay any more
  await expect.poll(async () => (await page.request.get('/api/session')).status(), { timeout: 15_000 }).toBe(401);
});

test('この端末のデータを消去 on the login screen removes every person’s records from the device, offline too', async ({ page, context }) => {
  await signIn(page, CARE_MANAGER, '新規作成');
  await waitForServiceWorker(page);
  await page.getByLabel('ファイルを選択').setInputFiles(minimalPdf('消える下書き.pdf'));
  await page.getByLabel('送信先事業所番号').fill(HOME_HELPER.office);
  await page.getByRole('button', { name: '一時保存' }).click();
  await expect(page.getByText('下書きに保存しました')).toBeVisible();
  await logout(page);

  // the question and the erasing load when asked for: from the precache, with the network off
  await context.setOffline(true);
  await page.getByText('この端末のデータについて').click();
  await page.getByRole('button', { name: 'この端末のデータを消去' }).click();
  const dialog = page.getByRole('dialog', { name: 'この端末のデータを消去' });
  await expect(dialog).toContainText(/下書き [1-9]\d* 件/);
  await dialog.getByRole('button', { name: '消去する' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'この端末のデータを消去しました。' })).toBeVisible();
  await context.setOffline(false);

  await signIn(page, CARE_MANAGER, '下書き一覧');
  await expect(page.getByText('下書きはありません')).toBeVisible();
});

test('パスワード変更 from トップ: the current password is required, and other devices are logged out', async ({ page, browser }) => {
  const userId = `pw${Date.now().toString(36)}`;
  runAdmin(resolve(process.env.E2E_DATA_DIR ?? '.tmp/e2e-data'), 'add-user', userId, '変更 テスト', '--password', 'first-pass-1', '--office', DAY_SERVICE.office);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await loginAsPerson(otherPage, userId, 'first-pass-1');
  await expect(otherPage.getByRole('heading', { name: 'トップ' })).toBeVisible();

  await loginAsPerson(page, userId, 'first-pass-1');
  await page.getByRole('link', { name: 'パスワードを変更' }).click();
  await expect(screenHeading(page, 'パスワード変更')).toBeVisible();
  await page.getByLabel('現在のパスワード', { exact: true }).fill('not-it');
  await page.getByLabel('新しいパスワード', { exact: true }).fill('second-pass-2');
  await page.getByLabel('新しいパスワード(確認)', { exact: true }).fill('second-pass-3');
  await page.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByText('確認用のパスワードが新しいパスワードと一致しません')).toBeVisible();
  await page.getByLabel('新しいパスワード(確認)', { exact: true }).fill('second-pass-2');
  await page.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByRole('alert')).toContainText('現在のパスワードが正しくありません');

  await page.getByLabel('現在のパスワード', { exact: true }).fill('first-pass-1');
  await page.getByRole('button', { name: '変更する' }).click();
  await expect(screenHeading(page, 'トップ')).toBeVisible();
  await expect(page.getByText('パスワードを変更しました')).toBeVisible();
  expect((await page.request.get('/api/session')).status()).toBe(200);
  expect((await otherPage.request.get('/api/session')).status()).toBe(401);
  await other.close();
});
