// Offline first (issue 3): drafts and queued sends survive offline reloads and browser restarts,
// and every queued send is delivered exactly once whatever retries and double flushes happen.
import { chromium, expect, test as base, type BrowserContext, type Page, type Route } from '@playwright/test';
import config from '../../playwright.config';
import { minimalPdf } from '../support/files';
import { apiAs, listMessages } from './support/api';
import { openScreen, signIn } from './support/login';
import { BASE_URL, CARE_MANAGER, HOME_HELPER } from './support/people';
import { waitForServiceWorker } from './support/service-worker';

const RECEIVER = HOME_HELPER;
const PDF = minimalPdf('第3表_週間計画.pdf');

interface Receiver {
  /** how many received messages carry this exact メッセージ */
  count(message: string): Promise<number>;
}

const test = base.extend<{ receiver: Receiver }>({
  receiver: async ({}, use) => {
    const api = await apiAs(RECEIVER);
    await use({
      async count(message) {
        const messages = await listMessages<{ message: string }>(api, 'received');
        return messages.filter((m) => m.message === message).length;
      },
    });
    await api.dispose();
  },
});

function uniqueMessage(title: string): string {
  return `${title} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Logs in as the care manager and does the 事業所ユーザログイン on the way to 新規作成. */
const loginAsSender = (page: Page) => signIn(page, CARE_MANAGER, '新規作成', '/#/login');

async function fillCompose(page: Page, message: string): Promise<void> {
  await openScreen(page, '新規作成');
  await page.getByLabel('ファイルを選択').setInputFiles(PDF);
  await page.getByLabel('送信先事業所番号').fill(RECEIVER.office);
  await page.getByLabel('メッセージ').fill(message);
}

async function composeAndSend(page: Page, message: string): Promise<void> {
  await fillCompose(page, message);
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await page.getByRole('dialog', { name: '送信確認' }).getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: '送信一覧' })).toBeVisible();
}

const outbox = (page: Page) => page.getByRole('region', { name: '送信トレイ' });
const queuedRow = (page: Page) => outbox(page).getByRole('row').filter({ hasText: PDF.name });

async function expectQueuedOffline(page: Page): Promise<void> {
  // not the green 「送信を受け付けました」 of a delivered send: it waits in the 送信トレイ
  await expect(page.getByRole('status').filter({ hasText: 'オフラインのため、送信トレイに保存しました。接続が戻ると自動で送信します' })).toBeVisible();
  await expect(page.getByText('送信を受け付けました')).toHaveCount(0);
  await expect(queuedRow(page)).toContainText('送信待ち');
  await expect(outbox(page)).toContainText('オフラインです。接続が戻ると自動で送信します');
  await expect(page.getByRole('link', { name: '送信待ち 1件' })).toBeVisible();
}

/** Delivered exactly once: the receiver sees it, and the outbox is empty so no retry is left to come. */
async function expectDeliveredOnce(page: Page, receiver: Receiver, message: string): Promise<void> {
  await expect.poll(() => receiver.count(message), { timeout: 30_000 }).toBe(1);
  await expect(queuedRow(page)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('link', { name: /^送信待ち/ })).toHaveCount(0);
  expect(await receiver.count(message)).toBe(1);
}

async function goOfflineAndQueue(context: BrowserContext, page: Page, receiver: Receiver, message: string): Promise<void> {
  await loginAsSender(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await composeAndSend(page, message);
  await expectQueuedOffline(page);
  expect(await receiver.count(message)).toBe(0);
}

/**
 * Answers the first `times` sends (POST /api/messages) with `answer`; later ones reach the relay.
 * context.route also sees the service worker's requests, so whichever flush sends meets it.
 */
async function interceptSends(context: BrowserContext, times: number, answer: (route: Route) => Promise<void>): Promise<() => number> {
  let answered = 0;
  await context.route('**/api/messages', async (route) => {
    if (route.request().method() !== 'POST' || answered >= times) return route.fallback();
    answered++;
    await answer(route);
  });
  return () => answered;
}

/** Sends from 新規作成 while online, once the service worker controls the page. */
async function sendOnline(page: Page, message: string): Promise<void> {
  await loginAsSender(page);
  await waitForServiceWorker(page);
  await composeAndSend(page, message);
}

test('a draft saved offline is still in 下書き一覧 after an offline reload', async ({ page, context }) => {
  const message = uniqueMessage('下書き');
  await loginAsSender(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await fillCompose(page, message);
  await page.getByRole('button', { name: '一時保存' }).click();
  await expect(page.getByText('下書きに保存しました')).toBeVisible();

  await page.reload();
  await openScreen(page, '下書き一覧');
  const row = page.getByRole('row').filter({ hasText: PDF.name });
  await expect(row).toContainText(RECEIVER.office);
  await row.getByRole('button', { name: '開く' }).click();
  await expect(page.getByLabel('メッセージ')).toHaveValue(message);

  await openScreen(page, '下書き一覧');
  await row.getByRole('button', { name: '削除' }).click();
  await page.getByRole('dialog', { name: '下書きの削除' }).getByRole('button', { name: '削除' }).click();
  await expect(row).toHaveCount(0);
  // the focus left with the deleted row's 削除: it lands on the heading, not on the page
  await expect(page.getByRole('heading', { level: 1, name: '下書き一覧' })).toBeFocused();
});

test('a send queued offline goes once the connection is back, and the sent list opens offline', async ({ page, context, receiver }) => {
  const message = uniqueMessage('オフライン送信');
  await goOfflineAndQueue(context, page, receiver, message);
  await context.setOffline(false);
  await expectDeliveredOnce(page, receiver, message);

  // the list fetched online is what an offline start shows
  await page.getByRole('button', { name: '更新' }).click();
  await expect(page.getByRole('table').last()).toContainText(message);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: '送信一覧' })).toBeVisible();
  await expect(page.getByText(/オフライン表示/)).toBeVisible();
  await expect(page.getByRole('table').last()).toContainText(message);
});

test('a send queued in a browser that was closed is delivered by the next start', async ({ receiver }, testInfo) => {
  const profile = testInfo.outputPath('profile');
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      ...config.use?.launchOptions,
      baseURL: BASE_URL,
      locale: config.use?.locale,
      timezoneId: config.use?.timezoneId,
    });
  const message = uniqueMessage('再起動');

  const first = await launch();
  const firstPage = first.pages()[0] ?? (await first.newPage());
  await goOfflineAndQueue(first, firstPage, receiver, message);
  await first.close();
  expect(await receiver.count(message)).toBe(0);

  const second = await launch();
  try {
    const page = second.pages()[0] ?? (await second.newPage());
    await page.goto('/#/sent');
    await expectDeliveredOnce(page, receiver, message);
  } finally {
    await second.close();
  }
});

test('two server errors, then success: delivered once', async ({ page, context, receiver }) => {
  const message = uniqueMessage('500リトライ');
  const failures = await interceptSends(context, 2, (route) =>
    route.fulfill({ status: 500, json: { error: { code: 'internal', message: 'サーバーで一時的なエラーが発生しました' } } }));
  await sendOnline(page, message);
  await expectDeliveredOnce(page, receiver, message);
  expect(failures()).toBe(2);
});

test('page and service worker flushing at once deliver once', async ({ page, context, receiver }) => {
  const message = uniqueMessage('二重フラッシュ');
  await goOfflineAndQueue(context, page, receiver, message);
  await context.setOffline(false);
  // 'online' (page), Background Sync (worker) and an explicit request to the worker, together
  await page.evaluate(() => {
    navigator.serviceWorker.controller?.postMessage({ type: 'flush' });
    window.dispatchEvent(new Event('online'));
  });
  await expectDeliveredOnce(page, receiver, message);
});

test('an answer lost after the server stored the send: the retry is a duplicate, delivered once', async ({ page, context, receiver }) => {
  const message = uniqueMessage('応答消失');
  const lost = await interceptSends(context, 1, async (route) => {
    await route.fetch(); // the relay stores it…
    await route.abort('connectionreset'); // …but the client never hears back
  });
  await sendOnline(page, message);
  await expectDeliveredOnce(page, receiver, message);
  expect(lost()).toBe(1);
});

test('with every page closed, Background Sync in the service worker sends the queued item', async ({ page, context, receiver }) => {
  const message = uniqueMessage('バックグラウンド同期');
  await goOfflineAndQueue(context, page, receiver, message);
  await page.close();
  await context.setOffline(false);
  await expect.poll(() => receiver.count(message), { timeout: 30_000 }).toBe(1);
  // the worker emptied the outbox too: a page opened now finds nothing left to send
  const next = await context.newPage();
  await next.goto('/#/sent');
  await expect(outbox(next)).toContainText('送信待ちのデータはありません');
  expect(await receiver.count(message)).toBe(1);
});

test('a refusal shows 失敗 with the server message; 削除 asks first and removes it', async ({ page, context, receiver }) => {
  const message = uniqueMessage('拒否');
  const reason = '送信先事業所番号 3310000017 の事業所は登録されていません';
  await interceptSends(context, Infinity, (route) =>
    route.fulfill({ status: 422, json: { error: { code: 'invalid-send', message: reason } } }));
  await loginAsSender(page);
  await composeAndSend(page, message);
  await expect(queuedRow(page)).toContainText(`失敗 (${reason})`);
  await queuedRow(page).getByRole('button', { name: '削除' }).click();
  const dialog = page.getByRole('dialog', { name: '送信の取り消し' });
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await expect(queuedRow(page)).toHaveCount(1);
  await queuedRow(page).getByRole('button', { name: '削除' }).click();
  await dialog.getByRole('button', { name: '削除' }).click();
  await expect(queuedRow(page)).toHaveCount(0);
  // the focus left with the removed row's 削除: it lands on the tray's heading, not on the page
  await expect(page.getByRole('heading', { level: 2, name: '送信トレイ' })).toBeFocused();
  expect(await receiver.count(message)).toBe(0);
});

test('a 401 holds the send as 再ログインが必要 until the user asks again', async ({ page, context, receiver }) => {
  const message = uniqueMessage('再ログイン');
  const refused = await interceptSends(context, 1, (route) =>
    route.fulfill({ status: 401, json: { error: { code: 'unauthorized', message: 'ログインしてください' } } }));
  await loginAsSender(page);
  await composeAndSend(page, message);
  await expect(queuedRow(page)).toContainText('再ログインが必要');
  await expect(outbox(page)).toContainText('送信を止めています');
  await queuedRow(page).getByRole('button', { name: '再送' }).click();
  await expectDeliveredOnce(page, receiver, message);
  expect(refused()).toBe(1);
});
