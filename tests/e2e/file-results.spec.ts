// Each file's 検査結果 in 新規作成 counts every problem the lists below say about it (its name,
// its send unit, its content), a CSV whose name cannot be read is called so (not 登録 or PDF等),
// and a file that is not text stops at one error.
import type { Page } from '@playwright/test';
import { fromRecords, makeCsvFile, makePlanUnit, makeRecords, type GeneratedFile } from '../support/csvgen';
import { asTestFiles, CARE_OFFICE, HOME_HELP_OFFICE } from '../support/files';
import { expect, test } from './support/browsers';
import { compose } from './support/messages';
import { openScreen } from './support/login';
import { CARE_MANAGER } from './support/people';

const fileRow = (page: Page, name: string) => page.getByRole('table', { name: '添付ファイル' }).getByRole('row').filter({ hasText: name });

/** The errors the screen lists about one file: every line of the error lists that starts with its name. */
async function listedErrors(page: Page, name: string): Promise<string[]> {
  const lines = await page.locator('.alert-error li, .alert-error > p, .csv-problems-errors li').allInnerTexts();
  return lines.filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name} `));
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ...Array.from({ length: 6000 }, (_, i) => (i * 37) % 251 || 0x0a)]);

test('新規作成: a file\'s 検査結果 counts its name, send unit and content problems as the lists say them', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  const opts = { sender: CARE_OFFICE, destination: HOME_HELP_OFFICE, month: '202504', sequence: '20250401120000' };
  const plan = makeCsvFile('UPPLAN', opts);
  const nineDigits: GeneratedFile = { name: plan.name.replace(CARE_OFFICE, '330000001'), bytes: plan.bytes };
  const unnamed: GeneratedFile = { name: 'plan_april.csv', bytes: plan.bytes };
  const empty: GeneratedFile = { name: makeCsvFile('UPJSK', { ...opts, sequence: '20250401140000' }).name, bytes: new Uint8Array() };
  await compose(page, asTestFiles([unnamed, nineDigits, plan, empty]));
  await expect(page.getByRole('table', { name: '添付ファイル' })).not.toContainText('検査中');

  for (const file of [unnamed, nineDigits, plan, empty]) {
    const listed = await listedErrors(page, file.name);
    expect(listed.length, file.name).toBeGreaterThan(0);
    await expect(fileRow(page, file.name), file.name).toContainText(`誤り ${listed.length}件`);
  }
  expect((await listedErrors(page, plan.name)).join()).toContain('第7表(UPSIKYU)がありません');
  expect((await listedErrors(page, empty.name)).join()).toContain('ファイルが空です');
  // a CSV whose name cannot be read is neither 登録 nor PDF等
  await expect(fileRow(page, unnamed.name)).toContainText('標準外の名前');
  await expect(fileRow(page, nineDigits.name)).toContainText('標準外の名前');
  await expect(fileRow(page, plan.name)).toContainText('登録');
});

test('a PNG renamed .csv is one error, in 新規作成 and in 一括送信', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  const name = makeCsvFile('DLTPLAN', { sender: CARE_OFFICE, destination: HOME_HELP_OFFICE }).name;
  await page.getByLabel('ファイルを選択').setInputFiles([{ name, mimeType: 'text/csv', buffer: PNG }]);
  await expect(fileRow(page, name)).toContainText('誤り 1件');
  expect(await listedErrors(page, name)).toEqual([`${name}: ファイルの内容がCSV(テキスト)ではありません(拡張子と内容が一致しません)`]);
  await expect(page.locator('.csv-problems-errors')).toHaveCount(0);

  await openScreen(page, '一括送信');
  await page.locator('#batch-files').setInputFiles([{ name, mimeType: 'text/csv', buffer: PNG }, { name: 'plan_april.csv', mimeType: 'text/csv', buffer: Buffer.from('202407\r\n') }]);
  const png = page.locator('tbody').filter({ hasText: name });
  await expect(png).toContainText(`${name}: ファイルの内容がCSV(テキスト)ではありません`);
  await expect(png).not.toContainText('CSVの内容に誤りが1件あります');
  await expect(png).not.toContainText('ほかに');
  await expect(page.locator('tbody').filter({ hasText: 'plan_april.csv' }).locator('.batch-kinds')).toHaveText('標準外の名前');
});

test('新規作成: a .HEIC or .docx is 添付不可, not PDF等, and while it stops the send no list says 「このまま送信もできます」', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  const opts = { sender: CARE_OFFICE, destination: HOME_HELP_OFFICE, month: '202504', sequence: '20250401120000' };
  const unit = makePlanUnit(opts);
  // a 福祉用具貸与 line without its TAIS or 届出 code: a warning only
  const records = makeRecords('UPPLAN', opts).map((row) => [...row.slice(0, 14), '171007', '', '', ...row.slice(17)]);
  const files = [fromRecords('UPPLAN', records, opts), ...unit.filter((f) => !f.name.startsWith('UPPLAN'))];
  await compose(page, [...asTestFiles(files), { name: '写真.HEIC', mimeType: 'image/heic', buffer: Buffer.from('....ftypheic') },
    { name: 'メモ.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04') }]);
  await expect(page.getByRole('table', { name: '添付ファイル' })).not.toContainText('検査中');
  await expect(fileRow(page, '写真.HEIC')).toContainText('添付不可');
  await expect(fileRow(page, 'メモ.docx')).toContainText('添付不可');
  await expect(fileRow(page, '写真.HEIC')).not.toContainText('PDF等');
  const warnings = page.locator('.csv-problems-warnings');
  await expect(warnings).toContainText('確認してください');
  await expect(page.locator('.csv-problems-errors')).toHaveCount(0);
  await expect(warnings).not.toContainText('このまま送信もできます');

  // without the refused files the same warnings say it may go
  for (const name of ['写真.HEIC', 'メモ.docx']) await fileRow(page, name).getByRole('button', { name: '削除' }).click();
  await expect(warnings).toContainText('このまま送信もできます');
});
