// 一括送信 on every screen size (issue 13): each row's reasons are read in full without sideways
// scrolling from 390 to 1366 px, rows stay in destination-then-time order, one warning is said
// once, shortened file names keep the parts that differ, and a failed row has one place and one
// 再送 path (一括送信, not the 送信トレイ as well).
import type { Page } from '@playwright/test';
import { makePlanUnit } from '../support/csvgen';
import { asTestFiles, CARE_OFFICE, uniqueSequence } from '../support/files';
import { expect, test } from './support/browsers';
import { openScreen } from './support/login';
import { CARE_MANAGER } from './support/people';

const SIZES = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
];
/** in the directory, but its check digit is wrong: a warning, sendable */
const WARNED = '0899999995';
/** not in the directory: a problem row */
const UNKNOWN = '3370100011';
const HOME_HELP = '3310000017';
const DAY_SERVICE = '3310000025';

const table = (page: Page) => page.getByRole('table', { name: '一括送信の一覧' });
/** one tbody per row: the row and the line of its reasons */
const rowOf = (page: Page, destination: string) => table(page).locator(`tbody[data-destination="${destination}"]`);

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const widths = await page.evaluate(() => {
    const box = document.querySelector('.batch-scroll')!;
    return { page: document.documentElement.scrollWidth - window.innerWidth, box: box.scrollWidth - box.clientWidth };
  });
  expect(widths, label).toEqual({ page: 0, box: 0 });
}

/** The reason's text is on screen as a whole once scrolled to: inside the viewport from left to right. */
async function expectReadable(page: Page, row: ReturnType<typeof rowOf>, text: string, width: number): Promise<void> {
  const line = row.locator('.batch-reasons li, .batch-reasons p').filter({ hasText: text }).first();
  await line.scrollIntoViewIfNeeded();
  await expect(line).toBeVisible();
  const box = (await line.boundingBox())!;
  expect(box.x, `${text} at ${width}px`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${text} at ${width}px`).toBeLessThanOrEqual(width);
  // not clipped by its cell: the element shows all of its text
  expect(await line.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
}

test('一括送信 rows show their reasons in full from 390 to 1366 px, in a stable order, each warning once', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '一括送信');
  const seq = uniqueSequence();
  // a second later, as a real date and time (seq + 1 was no time at all when seq ended in :59)
  const later = uniqueSequence();
  // dropped out of order, and in two drops
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles([
    ...makePlanUnit({ sender: CARE_OFFICE, destination: UNKNOWN, sequence: seq }),
    ...makePlanUnit({ sender: CARE_OFFICE, destination: HOME_HELP, sequence: later, month: '202505' }),
    ...makePlanUnit({ sender: CARE_OFFICE, destination: DAY_SERVICE, sequence: seq }).slice(0, 1),
  ]));
  await expect(table(page).locator('tbody')).toHaveCount(3);
  const warnedUnit = makePlanUnit({ sender: CARE_OFFICE, destination: WARNED, sequence: seq });
  await page.getByLabel('ファイルを選択').setInputFiles([
    { name: 'ケアプラン4月分のメモ(山田様).csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\r\n') },
    ...asTestFiles([...makePlanUnit({ sender: CARE_OFFICE, destination: HOME_HELP, sequence: seq }), ...warnedUnit]),
  ]);
  await expect(table(page).locator('tbody')).toHaveCount(6);
  await expect(rowOf(page, UNKNOWN)).toContainText('事業所が見つかりません');

  // destination, then time; the file no one can route comes last
  const order = await table(page).locator('tbody').evaluateAll((bodies) => bodies.map((b) => b.getAttribute('data-destination')));
  expect(order).toEqual([WARNED, HOME_HELP, HOME_HELP, DAY_SERVICE, UNKNOWN, '']);
  await expect(table(page).locator(`tbody[data-destination="${HOME_HELP}"]`).first()).toContainText(`${seq.slice(0, 4)}/${seq.slice(4, 6)}/${seq.slice(6, 8)}`);

  // the destination's bad check digit: one warning, not one for the name and one for each file
  const warned = rowOf(page, WARNED);
  const text = (await warned.textContent()) ?? '';
  expect(text.split(`${WARNED} のチェックデジット`).length - 1).toBe(1);
  await expect(warned.getByRole('checkbox')).toBeEnabled();

  // a shortened name keeps the destination and the 連番, and drops only this office's own number
  const shown = await warned.locator('.batch-file').first().innerText();
  expect(shown).toContain(WARNED);
  expect(shown).toContain(seq);
  expect(shown).not.toContain(CARE_OFFICE);
  await expect(warned.getByRole('button', { name: warnedUnit[0]!.name })).toHaveAttribute('title', warnedUnit[0]!.name);

  for (const size of SIZES) {
    await page.setViewportSize(size);
    const at = `${size.width}×${size.height}`;
    await expectNoSidewaysScroll(page, at);
    await expectReadable(page, rowOf(page, UNKNOWN), `送信先事業所番号 ${UNKNOWN} の事業所が見つかりません`, size.width);
    await expectReadable(page, rowOf(page, DAY_SERVICE), 'がありません', size.width);
    await expectReadable(page, warned, `事業所番号 ${WARNED} のチェックデジットが一致しません`, size.width);
    await expectReadable(page, rowOf(page, ''), 'ケアプラン4月分のメモ(山田様).csv', size.width);
    // the row's controls stay on screen too
    for (const control of [warned.getByRole('checkbox'), warned.getByRole('button', { name: /^編集/ })]) {
      const box = (await control.boundingBox())!;
      expect(box.x + box.width, at).toBeLessThanOrEqual(size.width);
    }
  }
});

test('a failed 一括送信 row stays in 一括送信 only, with its reason once and the header counting it apart', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '一括送信');
  const refusal = `送信先事業所番号 ${HOME_HELP} の事業所は登録されていません`;
  await page.context().route('**/api/messages', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 422, json: { error: { code: 'invalid-send', message: refusal, details: [refusal] } } })
      : route.fallback());
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles(makePlanUnit({ sender: CARE_OFFICE, destination: HOME_HELP, sequence: uniqueSequence() })));
  await rowOf(page, HOME_HELP).getByRole('checkbox').check();
  await page.getByRole('button', { name: '一括送信', exact: true }).click();
  await page.getByRole('dialog', { name: '一括送信の確認' }).getByRole('button', { name: 'OK' }).click();
  const progress = page.getByRole('dialog', { name: '一括送信' });
  await expect(progress).toContainText('成功 0 件 / 失敗 1 件');
  await progress.getByRole('button', { name: 'OK' }).click();

  const row = rowOf(page, HOME_HELP);
  await expect(row).toContainText('失敗');
  expect(((await row.textContent()) ?? '').split(refusal).length - 1).toBe(1);
  // counted as failed, not as waiting, and the badge leads to where it is sent again
  await expect(page.getByRole('link', { name: /^送信待ち/ })).toHaveCount(0);
  const failedBadge = page.getByRole('link', { name: '送信できなかったもの 1件' });
  await expect(failedBadge).toHaveAttribute('href', '#/batch');

  await openScreen(page, '送信一覧');
  const tray = page.getByRole('region', { name: '送信トレイ' });
  await expect(tray).toContainText('一括送信で送信できなかったものが1件あります');
  await expect(tray.getByRole('button', { name: '再送' })).toHaveCount(0);
  await expect(tray).not.toContainText(refusal);
  await tray.getByRole('link', { name: '一括送信' }).click();
  await expect(rowOf(page, HOME_HELP)).toContainText(refusal);
});
