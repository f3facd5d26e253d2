// Issue 5 in Chromium against the real relay: the CSV spec checks in 新規作成 (errors block 送信,
// warnings do not), the month-grid preview of a CP932 第6表, 一括送信 rows refused for their
// content, and 前回からの変更 on the receiver's side when a 予定 for the same person and month
// arrives again with one service moved.
import type { Page } from '@playwright/test';
import { validateCsv } from '../../src/domain/csv';
import { fromRecords, makePlanUnit, makeRecords, PEOPLE, type GeneratedFile } from '../support/csvgen';
import { asTestFiles, CARE_OFFICE, HOME_HELP_OFFICE, uniqueSequence } from '../support/files';
import { expect, test } from './support/browsers';
import { openScreen } from './support/login';
import { compose as attach, listRow, openReceived, sendAndConfirm, SENT_TABLE } from './support/messages';
import { CARE_MANAGER, HOME_HELPER } from './support/people';

/** 第6表 + 第7表 + 補足 of one month from the demo 居宅 to the demo 訪問介護, rows of 第6表 edited first. */
function planUnit(month: string, editPlan: (rows: string[][]) => void = () => undefined, sequence = uniqueSequence()) {
  const opts = { month, sequence, sender: CARE_OFFICE, destination: HOME_HELP_OFFICE };
  const [, sikyu, hosoku] = makePlanUnit(opts);
  const rows = makeRecords('UPPLAN', opts);
  editPlan(rows);
  return [fromRecords('UPPLAN', rows, opts), sikyu!, hosoku!];
}

const compose = (page: Page, files: GeneratedFile[]) => attach(page, asTestFiles(files));

const csvErrors = (page: Page) => page.locator('.csv-problems-errors');
const csvWarnings = (page: Page) => page.locator('.csv-problems-warnings');

test('an impossible サービス利用日 is shown with file, row and column, and blocks 送信 but not 一時保存', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER);
  // row 3: the first service on the 7th, moved to 30 February (2026: CSVバージョン 202407 is in force)
  const files = planUnit('202602', (rows) => { rows[2]![9] = '20260230'; });
  const plan = files[0]!;
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await compose(page, files);
  await page.getByLabel('メッセージ').fill('2月分です');

  await expect(csvErrors(page)).toHaveAttribute('role', 'alert');
  await expect(csvErrors(page)).toContainText(`${plan.name} 3行目 10列目(サービス利用日): 2026-02-30 は存在しない日付です`);
  await expect(page.getByRole('row').filter({ hasText: plan.name })).toContainText('誤り 1件');
  // the checks ran in the worker, off the thread that handles typing
  expect(workers.some((url) => url.includes('csv-check.worker'))).toBe(true);

  const send = page.getByRole('button', { name: '送信', exact: true });
  await expect(send).toHaveAccessibleDescription(/上のCSVの誤りを直すまで送信できません/);
  await send.click();
  await expect(page.getByRole('dialog', { name: '送信確認' })).toHaveCount(0);
  // the reasons get the focus, so keyboard and screen reader users land on them
  await expect(csvErrors(page)).toBeFocused();

  await page.getByRole('button', { name: '一時保存' }).click();
  await expect(page.getByText('下書きに保存しました')).toBeVisible();
  // the draft reopens with the same check
  await page.reload();
  await expect(csvErrors(page)).toContainText('2026-02-30 は存在しない日付です');
  await expect(page.getByLabel('メッセージ')).toHaveValue('2月分です');
});

/** The bytes of `file` with each ASCII marker replaced by raw bytes (ones CP932 text cannot carry). */
function withRawBytes(file: GeneratedFile, raw: Record<string, number[]>): GeneratedFile {
  let bytes = [...file.bytes];
  for (const [marker, replacement] of Object.entries(raw)) {
    const code = [...marker].map((c) => c.charCodeAt(0));
    const at = bytes.findIndex((_, i) => code.every((b, k) => bytes[i + k] === b));
    bytes = [...bytes.slice(0, at), ...replacement, ...bytes.slice(at + code.length)];
  }
  return { name: file.name, bytes: new Uint8Array(bytes) };
}

test('bytes a file may not hold are worded in the browser exactly as in the relay and the check command', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER);
  // 0x80 (U+0080 to a browser's decoder, a failure to Node's), a 外字, a bad pair followed by an
  // ASCII letter (Node's decoder swallows the letter), and the EOF mark legacy software appends
  const [plan, sikyu, hosoku] = planUnit('202509', (rows) => {
    rows[0]![20] = 'さくら@A@訪問介護';
    rows[1]![6] = 'ケアマネ @B@木';
    rows[2]![20] = 'さくら@C@訪問介護';
  });
  const files = [
    withRawBytes(plan!, { '@A@': [0x80], '@B@': [0xf0, 0x40], '@C@': [0x85, 0x41] }),
    { name: sikyu!.name, bytes: new Uint8Array([...sikyu!.bytes, 0x1a]) },
    hosoku!,
  ];
  // what Node says, as the relay and npm run check do
  const inNode = files.flatMap((f) => validateCsv(f.name, f.bytes).problems);
  expect(inNode.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.item])).toEqual([
    [1, 21, 'サービス事業所名'], [2, 7, 'プラン担当者名'], [3, 21, 'サービス事業所名'],
  ]);
  expect(inNode.filter((p) => p.severity === 'warning').map((p) => p.message)).toEqual([
    `${sikyu!.name}: ファイル末尾のEOF記号(0x1A、Ctrl+Z)は無視しました(古い介護ソフトが付ける記号です。送信はできます)`,
  ]);

  await compose(page, files);
  for (const problem of inNode) {
    await expect(problem.severity === 'error' ? csvErrors(page) : csvWarnings(page)).toContainText(problem.message);
  }
  await expect(csvErrors(page)).toContainText('Shift_JIS(MS932)にない文字(バイト 80)があります');
  await expect(csvErrors(page)).toContainText('(バイト 85)があります。介護ソフトから出力し直してください(「さくら〓A訪問介護」)');
  await expect(page.getByRole('row').filter({ hasText: plan!.name })).toContainText('誤り 3件');
});

test('a bad check digit in an office number is a warning: shown, and the send goes out', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER);
  // サービス事業者コード 3310000018: one off from the real 3310000017, its check digit fails
  const files = planUnit('202505', (rows) => rows.forEach((row) => { row[19] = '3310000018'; }));
  const plan = files[0]!;
  await compose(page, files);
  await expect(csvWarnings(page)).toContainText(`${plan.name} 1行目 20列目(サービス事業者コード): 事業所番号 3310000018 のチェックデジットが合いません`);
  await expect(csvErrors(page)).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: plan.name })).toContainText('確認 1件');
  await expect(page.getByRole('button', { name: '送信', exact: true })).not.toHaveAccessibleDescription(/送信できません/);
  await sendAndConfirm(page);

  // the sender's own copy can be previewed from 送信一覧 too
  const row = await listRow(page, SENT_TABLE, plan.name);
  await row.getByRole('link').click();
  await page.getByRole('listitem').filter({ hasText: plan.name }).getByRole('button', { name: 'プレビュー' }).click();
  const preview = page.getByRole('region', { name: `プレビュー: ${plan.name}` });
  await expect(preview.getByRole('heading', { name: '第6表(予定) 2025年05月' })).toBeVisible();
  await expect(preview).toContainText('さくら訪問介護ステーション(﨑)');
  // looking at its own copy marks nothing for the sender
  await expect(page.locator('.detail-list')).toContainText('未');
});

test('the プレビュー of a CP932 第6表 is the month grid, names with 髙 and 﨑 read correctly', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER);
  const files = planUnit('202504');
  const plan = files[0]!;
  await compose(page, files);
  await page.getByRole('button', { name: `${plan.name} をプレビュー` }).click();
  const preview = page.getByRole('region', { name: `プレビュー: ${plan.name}` });
  await expect(preview.getByRole('heading', { name: '第6表(予定) 2025年04月' })).toBeVisible();
  await expect(preview).toContainText('プラン担当者 ケアマネ 髙木');
  const grid = preview.getByRole('table', { name: `被保険者番号 ${PEOPLE[0]!.insured}(保険者番号 ${PEOPLE[0]!.insurer}) 2025年04月` });
  await expect(grid).toBeVisible();
  // 30 days of April and the 合計 column; 111211 every third day from the 1st: 10 times
  await expect(grid.getByRole('columnheader')).toHaveCount(1 + 30 + 1);
  const row = grid.getByRole('row').filter({ hasText: '111211' });
  await expect(row).toContainText('さくら訪問介護ステーション(﨑)');
  await expect(row.getByRole('cell').last()).toHaveText('10');
  await page.getByRole('button', { name: `${plan.name} をプレビュー` }).click();
  await expect(preview).toHaveCount(0);
});

test('一括送信: a row whose CSV breaks the spec is marked and refused; 編集 shows the problems and the preview', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER);
  const bad = planUnit('202507', (rows) => { rows[0]![9] = '20250732'; });
  await openScreen(page, '一括送信');
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles(bad));
  const row = page.getByRole('table', { name: '一括送信の一覧' }).locator('tbody');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('送信できません');
  await expect(row).toContainText(`${bad[0]!.name} 1行目 10列目(サービス利用日): 2025-07-32 は存在しない日付です`);
  // the one error is listed: no line above it repeats "1件"
  await expect(row).not.toContainText('CSVの内容に誤りが1件あります');
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: '一括送信', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('送信できない行が1件選択されています');
  await expect(page.getByRole('dialog', { name: '一括送信の確認' })).toHaveCount(0);

  await row.getByRole('button', { name: /^編集/ }).click();
  await expect(page.getByRole('heading', { name: '一括送信の編集' })).toBeVisible();
  await expect(csvErrors(page)).toContainText('2025-07-32 は存在しない日付です');
  await page.getByRole('button', { name: `${bad[0]!.name} をプレビュー` }).click();
  await expect(page.getByRole('region', { name: `プレビュー: ${bad[0]!.name}` })).toContainText('ケアマネ 髙木');

  // the corrected 第6表 (same name, as care software exports it again) replaces the bad one
  const fixed = fromRecords('UPPLAN', makeRecords('UPPLAN', { month: '202507' }), {});
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles([{ name: bad[0]!.name, bytes: fixed.bytes }]));
  await expect(csvErrors(page)).toHaveCount(0);
  await page.getByRole('button', { name: '更新' }).click();
  await expect(page.getByRole('heading', { name: '一括送信', level: 1 })).toBeVisible();
  await expect(row).toContainText('未送信');
  await expect(row).not.toContainText('送信できません');
});

test('a second 予定 for the same person and month shows 前回からの変更 to the receiver', async ({ offices }) => {
  const month = '202506';
  const first = planUnit(month);
  // the first service of the first person moves from the 1st to the 2nd
  const second = planUnit(month, (rows) => { rows[0]![9] = '20250602'; });
  const [firstPlan, secondPlan] = [first[0]!, second[0]!];

  const careManager = await offices.openAs(CARE_MANAGER);
  await compose(careManager, first);
  await sendAndConfirm(careManager);

  const provider = await offices.openAs(HOME_HELPER);
  await openReceived(provider, firstPlan.name);
  await Promise.all([provider.waitForEvent('download'), provider.getByRole('button', { name: `${firstPlan.name} をダウンロード` }).click()]);
  await expect(provider.locator('.file-row').filter({ hasText: firstPlan.name })).toContainText('ダウンロード済');

  await compose(careManager, second);
  await sendAndConfirm(careManager);

  await openReceived(provider, secondPlan.name);
  const changes = provider.getByRole('region', { name: '前回からの変更' });
  await expect(changes).toBeVisible();
  // the new file is not downloaded yet: comparing downloads it, and says so first
  const compare = changes.getByRole('button', { name: '前回との差分を見る' });
  await expect(compare).toHaveAccessibleDescription(/ダウンロード/);
  const [download] = await Promise.all([provider.waitForEvent('download'), compare.click()]);
  expect(download.suggestedFilename()).toBe(secondPlan.name);
  const moved = `被保険者番号 ${PEOPLE[0]!.insured} 111211(さくら訪問介護ステーション(﨑)): 09:00–10:00 を 1日 から 2日 へ移動`;
  await expect(changes.getByRole('listitem')).toHaveText([moved]);
  await expect(changes).toContainText('第6表(予定) 2025年06月');

  // downloaded now: opening it again compares at once, nothing to press
  await provider.reload();
  await expect(provider.getByRole('region', { name: '前回からの変更' }).getByRole('listitem')).toHaveText([moved]);
  await expect(provider.getByRole('button', { name: '前回との差分を見る' })).toHaveCount(0);
});

test('a 第6・7表 without its 補足 and an over-long 項目 are warnings: shown with file and field, and the send goes out; 一括送信 says the same', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER);
  // No.9 前月までの短期入所利用日数 has 項目長 5
  const [plan, sikyu] = planUnit('202508', (rows) => { rows[0]![8] = '123456'; });
  await compose(page, [plan!, sikyu!]);
  const missing = `${plan!.name}: 同じ送信単位(連番 `;
  const why = '利用者補足情報(UPHOSOKU_202508_…)がありません。標準仕様では第6・7表と一緒に送る必須のファイルです(送信はできます)';
  const warnings = page.locator('.alert-warning');
  await expect(warnings).toContainText(missing);
  await expect(warnings).toContainText(why);
  await expect(csvWarnings(page)).toContainText(
    `${plan!.name} 1行目 9列目(前月までの短期入所利用日数): 「123456」 は6文字あり、項目長 5 を超えています(受け取る介護ソフトで切り詰められるおそれがあります。送信はできます)`);
  await expect(csvErrors(page)).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: plan!.name })).toContainText('確認 2件');
  await expect(page.getByRole('button', { name: '送信', exact: true })).not.toHaveAccessibleDescription(/送信できません/);
  await sendAndConfirm(page);
  await listRow(page, SENT_TABLE, plan!.name);

  // 一括送信: the row keeps the warning and stays sendable
  const [plan2, sikyu2] = planUnit('202509');
  await openScreen(page, '一括送信');
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles([plan2!, sikyu2!]));
  const row = page.getByRole('table', { name: '一括送信の一覧' }).locator('tbody');
  await expect(row).toHaveCount(1);
  await expect(row.locator('.batch-warning')).toContainText(`${plan2!.name}: 同じ送信単位`);
  await expect(row.locator('.batch-warning')).toContainText(why.replace('202508', '202509'));
  await expect(row).toContainText('未送信');
  await expect(row).not.toContainText('送信できません');
});
