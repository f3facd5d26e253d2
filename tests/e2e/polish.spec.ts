// Small finishes of the screens: the 送信トレイ names the destination office, a message detail
// can be left from the top, 下書き一覧 shows the start of each メッセージ, a UTF-8 CSV's preview
// says why it cannot be shown, and the 一括送信 table fits a landscape tablet.
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { runAdmin } from '../support/admin';
import { batchFiles, batchOffices } from '../support/batch-files';
import { csvText, fileName, makeRecords } from '../support/csvgen';
import { asTestFiles, HOME_HELP_OFFICE, minimalPdf, uniqueSequence } from '../support/files';
import { expect, test } from './support/browsers';
import { openScreen, screenHeading } from './support/login';
import { compose, confirmSend, listRow, sendAndConfirm, SENT_TABLE } from './support/messages';
import { CARE_MANAGER } from './support/people';
import { waitForServiceWorker } from './support/service-worker';

const HOME_HELP_NAME = 'さくら訪問介護ステーション';
/**
 * The 送信トレイ case's destination: an office no other message names, so the lists this device
 * keeps cannot know its name offline (sends to さくら from earlier tests of the run, kept with
 * 送信一覧, named it offline whenever the list was kept before the reload).
 */
const TRAY_OFFICE = batchOffices(1, 900)[0]!;

function uniqueMessage(title: string): string {
  return `${title} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Attaches a PDF and types the destination: a send with no CSV to check. */
async function composePdf(page: Page, pdfName: string, message: string, destination = HOME_HELP_OFFICE): Promise<void> {
  await compose(page, [minimalPdf(pdfName)], message);
  await page.getByLabel('送信先事業所番号').fill(destination);
}

/** Every send of this context is answered 503 (the page's and the service worker's alike): it stays queued. */
async function holdSends(context: BrowserContext): Promise<void> {
  await context.route('**/api/messages', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 503, json: { error: { code: 'unavailable', message: '一時的に受け付けられません' } } })
      : route.fallback());
}

test('送信トレイ shows the destination office name beside its number, and the number alone offline', async ({ offices }) => {
  runAdmin(resolve(process.env.E2E_DATA_DIR ?? '.tmp/e2e-data'), 'add-office', TRAY_OFFICE.number, TRAY_OFFICE.name, '--kind', TRAY_OFFICE.kind);
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  const pdf = `トレイ_${uniqueSequence()}.pdf`;
  await holdSends(page.context());
  await composePdf(page, pdf, uniqueMessage('トレイ'), TRAY_OFFICE.number);
  // the held send's 503 may come back before 「送信を受け付けました」 is seen, so the notice
  // it ends on is the one asserted
  await confirmSend(page);
  await expect(page.getByText('送信トレイに保存しました。まだ送信できていません')).toBeVisible();

  const tray = page.getByRole('region', { name: '送信トレイ' });
  const row = tray.getByRole('row').filter({ hasText: pdf });
  await expect(row).toContainText(TRAY_OFFICE.number);
  await expect(row).toContainText(TRAY_OFFICE.name);
  // the held send's refusal is recorded (no attempt in flight): a reload in mid-attempt would
  // leave it 送信中 until the claim turns stale, a minute later
  await expect(row).toContainText('送信待ち');

  // offline the directory cannot be asked: the number stays, no name is made up. Some Chromium
  // versions (Debian's 150) report navigator.onLine true after a reload under offline emulation,
  // others false: the page is made to see true, the worse case, so every version tests the same
  // thing — the app judges the connection by its failing requests.
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => true }));
  await page.reload();
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  await expect(tray).toContainText('オフラインです');
  await expect(page.getByRole('banner').getByText('オフライン', { exact: true })).toBeVisible();
  await expect(row).toContainText(TRAY_OFFICE.number);
  await expect(row).toContainText('送信待ち');
  await expect(row).not.toContainText(TRAY_OFFICE.name);

  // back online (navigator.onLine never changed): the app's own probe finds the relay again
  await page.context().setOffline(false);
  await expect(tray).not.toContainText('オフラインです', { timeout: 15_000 });
  await expect(row).toContainText(TRAY_OFFICE.name);
});

test('a message detail can be left from the top (一覧へ) and from the bottom (戻る)', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  const pdf = `詳細_${uniqueSequence()}.pdf`;
  await composePdf(page, pdf, uniqueMessage('詳細'));
  await sendAndConfirm(page);

  const openDetail = async () => {
    const row = await listRow(page, SENT_TABLE, pdf);
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { name: '送信メッセージ' })).toBeVisible();
  };
  await openDetail();
  // exactly one 戻る, and the top link named unlike it and unlike the nav's 送信一覧
  await expect(page.getByRole('link', { name: '戻る' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: '送信一覧' })).toHaveCount(1);
  const top = page.getByRole('link', { name: '一覧へ', exact: true });
  await expect(top).toHaveCount(1);
  const topBox = (await top.boundingBox())!;
  const headingBox = (await page.getByRole('heading', { name: '送信メッセージ' }).boundingBox())!;
  expect(topBox.y).toBeLessThan(headingBox.y);

  await top.click();
  await expect(screenHeading(page, '送信一覧')).toBeVisible();
  await openDetail();
  await page.getByRole('link', { name: '戻る' }).click();
  await expect(screenHeading(page, '送信一覧')).toBeVisible();
});

test('下書き一覧 shows the first line of each メッセージ, cut when long', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  const drafts = [
    { pdf: `下書きA_${uniqueSequence()}.pdf`, message: '4月分の計画書です。\n第3表は来週お送りします。' },
    { pdf: `下書きB_${uniqueSequence()}.pdf`, message: `${'あ'.repeat(60)}\n二行目` },
    { pdf: `下書きC_${uniqueSequence()}.pdf`, message: '' },
  ];
  for (const draft of drafts) {
    await openScreen(page, '新規作成');
    await composePdf(page, draft.pdf, draft.message);
    await page.getByRole('button', { name: '一時保存' }).click();
    await expect(page.getByText('下書きに保存しました')).toBeVisible();
  }

  await openScreen(page, '下書き一覧');
  const rowOf = (pdf: string) => page.getByRole('table').getByRole('row').filter({ hasText: pdf });
  const first = rowOf(drafts[0]!.pdf);
  await expect(first).toContainText('4月分の計画書です。');
  await expect(first).not.toContainText('第3表は来週お送りします。');
  await expect(first).toContainText(HOME_HELP_NAME);
  const long = rowOf(drafts[1]!.pdf);
  await expect(long).toContainText(`${'あ'.repeat(39)}…`);
  await expect(long).not.toContainText('あ'.repeat(40));
  await expect(long).not.toContainText('二行目');
  await expect(rowOf(drafts[2]!.pdf)).toContainText('なし');
});

test('the preview of a UTF-8 CSV says it cannot be shown instead of showing garbled text', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  const name = fileName({ kind: 'UPPLAN', month: '202504', sequence: uniqueSequence() });
  // what Excel's "CSV UTF-8" or an editor leaves: the same records, UTF-8 bytes
  const text = csvText(makeRecords('UPPLAN', { month: '202504' }));
  await compose(page, [{ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') }]);

  // the check refuses it, so it cannot be sent by mistake
  await expect(page.getByRole('table', { name: '添付ファイル' }).getByRole('row').filter({ hasText: name })).toContainText('誤り');

  await page.getByRole('button', { name: `${name} をプレビュー` }).click();
  const preview = page.getByRole('region', { name: `プレビュー: ${name}` });
  await expect(preview).toContainText('このファイルはUTF-8のため正しく表示できません');
  await expect(preview.getByRole('table')).toHaveCount(0);
});

test('一括送信: eight columns fit a landscape tablet with problem rows; on a phone the checkbox and 編集 stay in view', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '一括送信');
  await page.setViewportSize({ width: 1024, height: 768 });
  // 150 files for 50 offices the directory does not know (every row a problem row) and a stray file
  const files = asTestFiles(batchFiles(batchOffices(50, 301)));
  files.push({ name: 'ケアプラン4月分.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\r\n', 'latin1') });
  await page.getByLabel('ファイルを選択').setInputFiles(files);
  const table = page.getByRole('table', { name: '一括送信の一覧' });
  await expect(table.locator('tbody')).toHaveCount(51);
  await expect(table.locator('tbody').filter({ hasText: 'ケアプラン4月分.csv' })).toContainText('送信できません');

  const headers = ['選択', '送信先事業所名称', 'ファイル出力日時', 'メッセージ', 'ファイル名', 'ファイル種別', '送信結果', '編集'];
  await expect(table.getByRole('columnheader')).toHaveText(headers);
  const box = page.locator('.table-scroll').filter({ has: table });
  const widths = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  for (const header of await table.getByRole('columnheader').all()) {
    const rect = (await header.boundingBox())!;
    expect(rect.x + rect.width).toBeLessThanOrEqual(1024);
  }

  // a phone: the table scrolls inside its box, the first row's checkbox and 編集 are on screen
  await page.setViewportSize({ width: 390, height: 844 });
  const firstRow = table.locator('tbody').first();
  await firstRow.scrollIntoViewIfNeeded();
  for (const control of [firstRow.getByRole('checkbox'), firstRow.getByRole('button', { name: /^編集/ })]) {
    const rect = (await control.boundingBox())!;
    expect(rect.x).toBeGreaterThanOrEqual(0);
    expect(rect.x + rect.width).toBeLessThanOrEqual(390);
  }
  // and still after scrolling the table to its far end
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const checkbox = (await firstRow.getByRole('checkbox').boundingBox())!;
  expect(checkbox.x).toBeGreaterThanOrEqual(0);
});
