// The whole exchange between two offices in two browsers: the care manager sends the plan
// (第6表 + 第7表 + 補足 + a PDF), the provider downloads it byte for byte, the sender sees 済,
// the provider sends the 実績 back. Then the bad inputs compose must refuse without losing work.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/browsers';
import { openScreen } from './support/login';
import { compose, listRow, RECEIVED_TABLE, sendAndConfirm, SENT_TABLE } from './support/messages';
import { CARE_MANAGER, HOME_HELPER } from './support/people';
import {
  CARE_OFFICE,
  DAY_SERVICE_OFFICE,
  HOME_HELP_OFFICE,
  actualsCsv,
  exeRenamedPdf,
  minimalPdf,
  oversizedPdf,
  planCsv,
  planUnit,
  uniqueSequence,
  type TestFile,
} from '../support/files';

async function downloadAndCompare(page: Page, file: TestFile) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `${file.name} をダウンロード` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(file.name);
  const bytes = await readFile((await download.path())!);
  expect(bytes.equals(file.buffer)).toBe(true);
}

test('plan out, 済 back, 実績 in: two offices, byte for byte', async ({ offices }) => {
  const sequence = uniqueSequence();
  const sent = [...planUnit(CARE_OFFICE, HOME_HELP_OFFICE, sequence), minimalPdf()];
  const [plan] = sent;

  const careManager = await offices.openAs(CARE_MANAGER);
  await compose(careManager, sent, '1月分の予定です。ご確認ください。');
  // the destination comes from the CSV names, and the directory names it
  await expect(careManager.getByLabel('送信先事業所番号')).toHaveValue(HOME_HELP_OFFICE);
  await expect(careManager.getByText('さくら訪問介護ステーション')).toBeVisible();
  await expect(careManager.getByRole('alert')).toHaveCount(0);

  await careManager.getByRole('button', { name: '送信', exact: true }).click();
  const dialog = careManager.getByRole('dialog', { name: '送信確認' });
  await expect(dialog).toContainText(HOME_HELP_OFFICE);
  for (const file of sent) await expect(dialog).toContainText(file.name);
  // Escape is キャンセル: nothing is sent, nothing is lost; also after a tap on the dialog's text
  // has taken focus off its buttons
  await dialog.getByRole('heading', { name: '送信確認' }).click();
  await careManager.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(careManager.getByLabel('メッセージ')).toHaveValue('1月分の予定です。ご確認ください。');
  await sendAndConfirm(careManager);
  const sentRow = await listRow(careManager, SENT_TABLE, plan!.name);
  await expect(sentRow).toContainText('未');

  const provider = await offices.openAs(HOME_HELPER);
  const receivedRow = await listRow(provider, RECEIVED_TABLE, plan!.name);
  await expect(receivedRow).toContainText('れんけい居宅介護支援センター');
  await expect(receivedRow).toContainText('未');
  await receivedRow.getByRole('link').click();
  await expect(provider.getByText('1月分の予定です。ご確認ください。')).toBeVisible();
  for (const file of sent) await downloadAndCompare(provider, file);
  await expect(provider.locator('.detail-list')).toContainText('済');

  await openScreen(careManager, '送信一覧');
  const doneRow = await listRow(careManager, SENT_TABLE, plan!.name);
  await expect(doneRow.getByRole('cell').last()).toHaveText('済');

  // the 実績 goes back the other way
  const actuals = actualsCsv(HOME_HELP_OFFICE, CARE_OFFICE, uniqueSequence());
  await compose(provider, [actuals], '1月分の実績です。');
  await expect(provider.getByLabel('送信先事業所番号')).toHaveValue(CARE_OFFICE);
  await sendAndConfirm(provider);

  await openScreen(careManager, '受信一覧');
  const actualsRow = await listRow(careManager, RECEIVED_TABLE, actuals.name);
  await actualsRow.getByRole('link').click();
  await downloadAndCompare(careManager, actuals);
  await expect(careManager.locator('.detail-list')).toContainText('済');
});

test('compose refuses bad input with a clear message and keeps what was entered', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER);
  await openScreen(page, '新規作成');
  const message = '資料をお送りします。';
  await page.getByLabel('メッセージ').fill(message);
  const send = page.getByRole('button', { name: '送信', exact: true });
  const dialog = page.getByRole('dialog', { name: '送信確認' });
  const removeFile = (name: string) => page.getByRole('button', { name: `${name} を削除` }).click();

  // nothing attached
  await send.click();
  await expect(page.getByRole('alert')).toContainText('送信するファイルがありません');
  await expect(dialog).toHaveCount(0);

  // a PDF to an office the directory does not know
  const pdf = minimalPdf('サービス担当者会議の要点.pdf');
  await page.getByLabel('ファイルを選択').setInputFiles([pdf]);
  await page.getByLabel('送信先事業所番号').fill('3310000033');
  await expect(page.getByText('事業所が見つかりません', { exact: true })).toBeVisible();
  await send.click();
  await expect(page.getByRole('alert')).toContainText('事業所が見つかりません');
  await expect(dialog).toHaveCount(0);

  // a CSV another office wrote (sender ≠ the office logged in)
  const foreign = planCsv(DAY_SERVICE_OFFICE, HOME_HELP_OFFICE, uniqueSequence());
  await page.getByLabel('ファイルを選択').setInputFiles([foreign]);
  await expect(page.getByRole('alert')).toContainText('ログイン中の事業所');
  await removeFile(foreign.name);

  // an executable renamed .pdf
  const exe = exeRenamedPdf();
  await page.getByLabel('ファイルを選択').setInputFiles([exe]);
  await expect(page.getByRole('alert')).toContainText(`${exe.name}: ファイルの内容がPDFではありません`);
  await removeFile(exe.name);

  // more than 10 MB in one send
  const big = oversizedPdf();
  await page.getByLabel('ファイルを選択').setInputFiles([big]);
  await expect(page.getByRole('alert')).toContainText('10.0MBまで');
  await send.click();
  await expect(dialog).toHaveCount(0);
  await removeFile(big.name);

  // nothing was lost on the way: the PDF and the message are still there and now go out
  await expect(page.getByRole('cell', { name: pdf.name, exact: true })).toBeVisible();
  await expect(page.getByLabel('メッセージ')).toHaveValue(message);
  await page.getByLabel('送信先事業所番号').fill(HOME_HELP_OFFICE);
  await expect(page.getByText('さくら訪問介護ステーション')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await sendAndConfirm(page);
  await listRow(page, SENT_TABLE, pdf.name);
});
