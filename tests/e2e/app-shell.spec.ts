// The app around the screens (issue 13): a first visit logs no error, every screen names its tab,
// トップ's tiles read in whole lines, the storage warning waits until something is kept, and the
// app invites installing: the browser's prompt where there is one, the iPad Safari steps there.
import type { Page } from '@playwright/test';
import { HOME_HELP_OFFICE, minimalPdf, uniqueSequence } from '../support/files';
import { expect, test } from './support/browsers';
import { openScreen, signIn } from './support/login';
import { listRow, RECEIVED_TABLE, sendAndConfirm, compose } from './support/messages';
import { CARE_MANAGER, HOME_HELPER } from './support/people';

const APP = 'Renkei ケアプランデータ連携';

/** How many lines the element's text takes. */
const linesOf = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) => elements.map((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  }));

test('a first visit logs no error; each screen has its own tab title; トップ reads well', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible();
  await expect(page).toHaveTitle(`ログイン - ${APP}`);
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);

  await signIn(page, CARE_MANAGER, '受信一覧');
  for (const screen of ['トップ', '受信一覧', '送信一覧', '新規作成', '下書き一覧', '一括送信', '月次チェック']) {
    await openScreen(page, screen);
    await expect(page).toHaveTitle(`${screen} - ${APP}`);
  }

  await openScreen(page, 'トップ');
  // nothing is kept on this device yet: no warning about keeping it
  await expect(page.getByText('永続化')).toHaveCount(0);
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 768 });
    const lines = await linesOf(page, '.tile strong');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines, `lines of each tile title at ${width}px`).toEqual(lines.map(() => 1));
  }
});

test('「ホーム画面に追加」 uses the browser prompt; iPad Safari gets the steps instead', async ({ page, browser }) => {
  await signIn(page, CARE_MANAGER, '受信一覧');
  await openScreen(page, 'トップ');
  const card = page.getByRole('region', { name: 'ホーム画面に追加' });
  await expect(card).toHaveCount(0);
  // headless Chromium never fires it by itself: the event as Chromium makes it, with prompt() and userChoice
  await page.evaluate(() => {
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => void ((window as unknown as { prompted: number }).prompted = 1),
      userChoice: Promise.resolve({ outcome: 'accepted', platform: 'web' }),
    });
    window.dispatchEvent(event);
  });
  await expect(card).toContainText('オフラインでも使えます');
  await card.getByRole('button', { name: 'ホーム画面に追加' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { prompted?: number }).prompted)).toBe(1);
  await expect(card).toHaveCount(0);

  const ipad = await browser.newContext({
    userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    viewport: { width: 820, height: 1180 },
    hasTouch: true,
  });
  try {
    const tablet = await ipad.newPage();
    await signIn(tablet, CARE_MANAGER, '受信一覧');
    await openScreen(tablet, 'トップ');
    const steps = tablet.getByRole('region', { name: 'ホーム画面に追加' });
    await expect(steps).toContainText('共有ボタン');
    await expect(steps).toContainText('「ホーム画面に追加」を選び');
    await steps.getByRole('button', { name: '今はしない' }).click();
    await expect(steps).toHaveCount(0);
    await tablet.reload();
    await expect(tablet.getByRole('heading', { name: 'トップ', level: 1 })).toBeVisible();
    await expect(steps).toHaveCount(0);
  } finally {
    await ipad.close();
  }
});

test('a received message says 受信日時 in its detail, as 受信一覧 does', async ({ offices }) => {
  const sender = await offices.openAs(CARE_MANAGER, '新規作成');
  const pdf = minimalPdf(`受信日時_${uniqueSequence()}.pdf`);
  await compose(sender, [pdf], '受信日時の確認');
  await sender.getByLabel('送信先事業所番号').fill(HOME_HELP_OFFICE);
  await sendAndConfirm(sender);

  const receiver = await offices.openAs(HOME_HELPER, '受信一覧');
  // 送信を受け付けました means queued on the sender's device: the list has a table only once the relay holds it
  const row = await listRow(receiver, RECEIVED_TABLE, pdf.name);
  await expect(receiver.getByRole('columnheader', { name: '受信日時' })).toBeVisible();
  await row.getByRole('link').click();
  await expect(receiver.getByRole('heading', { name: '受信メッセージ' })).toBeVisible();
  const details = receiver.locator('.detail-list');
  await expect(details).toContainText('受信日時');
  await expect(details).not.toContainText('送信日時');
});

test('新規作成: a file\'s 検査結果 counts what the list below says about it, the checks across files included', async ({ offices }) => {
  const { encode, makeSpecFile } = await import('../support/spec-files');
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  const parent = makeSpecFile('UPKIHON', '202407');
  const childFile = makeSpecFile('UPKIHON_SUB2', '202407');
  // one error in the file itself (an impossible date) and one across files (its parent record is missing)
  const records = childFile.records.map((r) => [...r]);
  records[1]![3] = '20250402';
  records[0]![3] = '20250431';
  const child = { name: childFile.name, bytes: encode(records) };
  await page.getByLabel('ファイルを選択').setInputFiles([parent, child].map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.bytes) })));
  const listed = page.locator('.csv-problems-errors li').filter({ hasText: child.name });
  await expect(listed.first()).toBeVisible();
  const count = await listed.count();
  expect(count).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('table', { name: '添付ファイル' }).getByRole('row').filter({ hasText: child.name })).toContainText(`誤り ${count}件`);
});
