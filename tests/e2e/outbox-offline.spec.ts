// 送信トレイ offline (a new user's trial): rows say what the device knows of each send — the
// office number, its name when known from before, the message's first line, the file count —
// and the notice of a send queued offline says what became of it once the relay answered.
import { expect, test, type Page } from '@playwright/test';
import { minimalPdf, HOME_HELP_OFFICE } from '../support/files';
import { apiAs, sendThroughApi } from './support/api';
import { SENT_TABLE, listRow } from './support/messages';
import { openScreen, screenHeading, signIn } from './support/login';
import { CARE_MANAGER } from './support/people';
import { waitForServiceWorker } from './support/service-worker';

async function queueOffline(page: Page, destination: string, message: string, file: string): Promise<void> {
  await openScreen(page, '新規作成');
  await page.getByLabel('ファイルを選択').setInputFiles([minimalPdf(file)]);
  await page.getByLabel('送信先事業所番号').fill(destination);
  await page.getByLabel('メッセージ').fill(message);
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await page.getByRole('dialog', { name: '送信確認' }).getByRole('button', { name: 'OK' }).click();
  await expect(screenHeading(page, '送信一覧')).toBeVisible();
}

test('送信トレイ offline: each row shows number, known name, first line and file count; a refused send’s notice says so', async ({ page, context }) => {
  // an earlier send to さくら: 送信一覧 keeps it on the device, and with it the office's name
  await sendThroughApi(await apiAs(CARE_MANAGER), HOME_HELP_OFFICE, [{ name: '前回の第3表.pdf', buffer: minimalPdf().buffer }]);
  await signIn(page, CARE_MANAGER, '送信一覧', '/#/login');
  await listRow(page, SENT_TABLE, '前回の第3表.pdf');
  await waitForServiceWorker(page);

  await context.setOffline(true);
  // a fresh page offline: nothing looked up in this tab, only what the device kept
  await page.reload();
  await expect(screenHeading(page, '送信一覧')).toBeVisible();
  await queueOffline(page, HOME_HELP_OFFICE, '7月分の第3表をお送りします\nご確認ください', '第3表_7月.pdf');
  const notice = page.locator('.notice');
  await expect(notice).toContainText('オフラインのため、送信トレイに保存しました');
  await queueOffline(page, '9999999999', 'テスト送信', '第3表_誤り.pdf');

  const tray = page.getByRole('region', { name: '送信トレイ' });
  const toSakura = tray.getByRole('row').filter({ hasText: HOME_HELP_OFFICE });
  await expect(toSakura).toContainText('さくら訪問介護ステーション');
  await expect(toSakura).toContainText('7月分の第3表をお送りします');
  await expect(toSakura).not.toContainText('ご確認ください');
  await expect(toSakura).toContainText('ファイル 1件');
  const unknown = tray.getByRole('row').filter({ hasText: '9999999999' });
  await expect(unknown).toContainText('テスト送信');
  for (const width of [390, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `.tmp/shots/outbox-offline-${width}.png`, fullPage: true });
  }

  await context.setOffline(false);
  await expect(unknown).toContainText('失敗', { timeout: 20_000 });
  await expect(notice).toContainText('送信できませんでした');
  await expect(notice).toContainText('下書きに戻す');
  await expect(notice).not.toContainText('オフライン');
  for (const width of [390, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `.tmp/shots/outbox-refused-${width}.png`, fullPage: true });
  }
});
