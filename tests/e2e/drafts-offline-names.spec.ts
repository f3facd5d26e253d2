// 下書き一覧 opened offline (a trial leftover): a draft's destination shows its office name when the
// device knows it from the owner's 一括送信 rows or sends, not only from a kept 送信一覧.
// Also 一括送信 while a first drop is checked: the checking alone, no 「一覧は空です」 beside it.
import { makePlanUnit } from '../support/csvgen';
import { asTestFiles, CARE_OFFICE, HOME_HELP_OFFICE } from '../support/files';
import { expect, test } from './support/browsers';
import { test as plain } from '@playwright/test';
import { openScreen, screenHeading, signIn } from './support/login';
import { CARE_MANAGER } from './support/people';
import { waitForServiceWorker } from './support/service-worker';

const WIDTHS = [390, 768, 1024, 1366];

test('下書き一覧 offline names the destination from the office names kept on the device', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '一括送信');
  await waitForServiceWorker(page);
  // the row is named by the directory while online; nothing else on the device knows さくら
  const unit = makePlanUnit({ sender: CARE_OFFICE, destination: HOME_HELP_OFFICE, sequence: '20250403090000' });
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles(unit));
  await expect(page.locator('.batch-table tbody')).toContainText('さくら訪問介護ステーション');

  await openScreen(page, '新規作成');
  await page.getByLabel('送信先事業所番号').fill(HOME_HELP_OFFICE);
  await page.getByLabel('メッセージ').fill('来月分の予定です');
  await page.getByRole('button', { name: '一時保存', exact: true }).click();
  await openScreen(page, '下書き一覧');
  await expect(page.getByRole('row').filter({ hasText: '来月分の予定です' })).toBeVisible();

  await page.context().setOffline(true);
  // a fresh page offline: nothing looked up in this tab
  await page.reload();
  await expect(screenHeading(page, '下書き一覧')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '来月分の予定です' });
  await expect(row).toContainText(HOME_HELP_OFFICE);
  await expect(row).toContainText('さくら訪問介護ステーション');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `.tmp/shots/drafts-offline-${width}.png`, fullPage: true });
  }
  await page.context().setOffline(false);
});

plain('一括送信: a first drop being checked shows the checking alone', async ({ page, context }) => {
  // hold the check's worker script: the drop's check waits for it
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  await context.route('**/*csv-check.worker*', async (route) => {
    await held;
    await route.continue();
  });
  await signIn(page, CARE_MANAGER, '一括送信');
  await expect(page.getByText('一覧は空です')).toBeVisible();
  const unit = makePlanUnit({ sender: CARE_OFFICE, destination: HOME_HELP_OFFICE, sequence: '20250404090000' });
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles(unit));
  const summary = page.locator('.batch-summary');
  await expect(summary).toHaveText('ファイルを確認しています…');
  await expect(page.getByText('一覧は空です')).toHaveCount(0);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `.tmp/shots/batch-checking-${width}.png`, fullPage: true });
  }
  await expect(summary).toHaveText('ファイルを確認しています…');
  release();
  await expect(page.locator('.batch-table tbody')).toHaveCount(1);
  await expect(summary).toHaveText('1 件(送信先 1 / 50 事業所)');
});
