// 一括送信 (issue 4) against the real relay in Chromium: 150 CP932 files for 50 offices are
// grouped, a 51st destination is refused, one office leaves the directory before the send,
// and every receiver gets exactly its own files once.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runAdmin } from '../support/admin';
import { batchFiles, batchOffices, officesCsv, sequenceDisplayFor, type BatchOffice } from '../support/batch-files';
import { fromRecords, makeRecords } from '../support/csvgen';
import { asTestFiles, minimalPdf } from '../support/files';
import { apiAs, listMessages } from './support/api';
import { signIn } from './support/login';
import { CARE_MANAGER, type Persona } from './support/people';

const DATA_DIR = resolve(process.env.E2E_DATA_DIR ?? '.tmp/e2e-data');
const OFFICES = batchOffices(51);
const FIFTY = OFFICES.slice(0, 50);
const FIFTY_FIRST = OFFICES[50]!;
/** The office removed from the directory between grouping and sending. */
const LEAVING = FIFTY[49]!;
const PASSWORD = 'batch-e2e-2026';
/** Offices with a person and an office user, to look at their 受信一覧. */
const RECEIVERS = FIFTY.slice(0, 3).map((office, i) => ({
  office,
  persona: { userId: `batchpv0${i + 1}`, password: PASSWORD, officeUserId: `KJ${office.number}01`, officePassword: PASSWORD, office: office.number } satisfies Persona,
}));
const PDF = minimalPdf('第3表_週間計画.pdf');
const MESSAGE = '4月分の予定をお送りします';
const admin = (...args: string[]) => runAdmin(DATA_DIR, ...args);

test.beforeAll(() => {
  const dir = resolve('.tmp/batch-e2e');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'offices.csv');
  writeFileSync(csv, officesCsv(OFFICES));
  expect(admin('import-offices', csv)).toContain('51件');
  for (const r of RECEIVERS) {
    admin('add-user', r.persona.userId, `受信テスト ${r.office.name}`, '--password', PASSWORD, '--office', r.office.number);
    admin('add-office-user', r.persona.officeUserId, '--password', PASSWORD, '--office', r.office.number);
  }
});

const openBatchAsCareManager = (page: Page) => signIn(page, CARE_MANAGER, '一括送信', '/#/login');

const batchTable = (page: Page) => page.getByRole('table', { name: '一括送信の一覧' });
// one tbody per row: the row and the line of its reasons
const bodyRows = (page: Page) => batchTable(page).locator('tbody');
const rowOf = (page: Page, office: BatchOffice) => bodyRows(page).filter({ hasText: office.number });

/** 一括送信 for the rows chosen, confirmed with OK: the progress dialog takes over. */
async function sendChosenRows(page: Page): Promise<void> {
  await page.getByRole('button', { name: '一括送信', exact: true }).click();
  await page.getByRole('dialog', { name: '一括送信の確認' }).getByRole('button', { name: 'OK' }).click();
}

interface Listed {
  destination: { number: string };
  message: string;
  files: { name: string }[];
}

/** 受信一覧 of an office, through the API as that office. */
async function receivedBy(r: (typeof RECEIVERS)[number]): Promise<Listed[]> {
  const api = await apiAs(r.persona);
  try {
    return await listMessages<Listed>(api, 'received');
  } finally {
    await api.dispose();
  }
}

/** The sender's 送信一覧, only the messages to this spec's offices. */
async function sentToBatchOffices(page: Page): Promise<Listed[]> {
  const numbers = new Set(OFFICES.map((o) => o.number));
  return (await listMessages<Listed>(page.request, 'sent')).filter((m) => numbers.has(m.destination.number));
}

test('150 files → 50 rows, 51st office refused, 49 成功 / 1 失敗 after a directory change, the failed row sent again', async ({ page }) => {
  test.setTimeout(240_000);
  const files = batchFiles(OFFICES);
  await openBatchAsCareManager(page);

  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles(files.slice(0, 150)));
  await expect(bodyRows(page)).toHaveCount(50);
  for (const [i, office] of FIFTY.entries()) {
    const row = rowOf(page, office);
    await expect(row).toContainText(office.name);
    await expect(row).toContainText(sequenceDisplayFor(i));
    await expect(row).toContainText('登録');
    await expect(row).toContainText('未送信');
    await expect(row.getByRole('checkbox')).toBeEnabled();
  }
  // the long names are shortened; the whole name is in the title and shown on tap
  const planName = files[0]!.name;
  const fileButton = rowOf(page, FIFTY[0]!).getByRole('button', { name: planName });
  await expect(fileButton).toHaveAttribute('title', planName);
  await expect(fileButton).not.toHaveText(planName);
  await fileButton.click();
  await expect(fileButton).toHaveText(planName);

  // a 51st destination is refused and nothing already listed is lost
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles(files.slice(150)));
  await expect(page.getByRole('alert')).toContainText('一括送信できる送信先は50事業所までです。');
  await expect(bodyRows(page)).toHaveCount(50);
  await expect(batchTable(page)).not.toContainText(FIFTY_FIRST.number);

  // the list survives a reload
  await page.reload();
  await expect(bodyRows(page)).toHaveCount(50);

  // one office leaves the directory after the grouping looked it up
  expect(admin('remove-office', LEAVING.number)).toContain(LEAVING.number);

  await page.getByRole('button', { name: '全選択', exact: true }).click();
  await sendChosenRows(page);
  const progress = page.getByRole('dialog', { name: '一括送信' });
  await expect(progress).toBeVisible();
  await expect(progress.locator('tbody tr')).toHaveCount(50);
  await expect(progress).toContainText('成功 49 件 / 失敗 1 件', { timeout: 180_000 });
  const failedLine = progress.locator('tbody tr').filter({ hasText: LEAVING.number });
  await expect(failedLine).toContainText('失敗');
  await expect(failedLine).toContainText('登録されていません');
  await progress.getByRole('button', { name: 'OK' }).click();
  await expect(progress).toBeHidden();

  // sent rows left the list; the failed one stays with its reason
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(rowOf(page, LEAVING)).toContainText('失敗');
  await expect(rowOf(page, LEAVING)).toContainText('登録されていません');

  // every receiver got exactly its own unit, once
  for (const r of RECEIVERS) {
    const messages = await receivedBy(r);
    expect(messages).toHaveLength(1);
    const expected = files.filter((f) => f.name.includes(`_${r.office.number}_`)).map((f) => f.name).sort();
    expect(messages[0]!.files.map((f) => f.name).sort()).toEqual(expected);
  }
  const sent = await sentToBatchOffices(page);
  expect(sent).toHaveLength(49);
  expect(new Set(sent.map((m) => m.destination.number)).size).toBe(49);
  for (const m of sent) {
    expect(m.files).toHaveLength(3);
    expect(m.files.every((f) => f.name.includes(`_${m.destination.number}_`))).toBe(true);
  }
  expect(sent.some((m) => m.destination.number === LEAVING.number)).toBe(false);

  // back in the directory: the failed row goes again, once
  admin('add-office', LEAVING.number, LEAVING.name, '--kind', LEAVING.kind);
  await rowOf(page, LEAVING).getByRole('checkbox').check();
  await sendChosenRows(page);
  await expect(progress).toContainText('成功 1 件 / 失敗 0 件', { timeout: 60_000 });
  await progress.getByRole('button', { name: 'OK' }).click();
  await expect(bodyRows(page)).toHaveCount(0);
  const after = await sentToBatchOffices(page);
  expect(after).toHaveLength(50);
  expect(new Set(after.map((m) => m.destination.number)).size).toBe(50);
});

test('problem rows show why and cannot be sent; 削除 asks first; offline sends wait in the outbox', async ({ page, context }) => {
  test.setTimeout(120_000);
  await openBatchAsCareManager(page);
  const office = FIFTY[10]!;
  const unit = batchFiles([office]);
  const [plan] = unit;
  const stranger = batchOffices(1, 900)[0]!; // never in the directory
  await page.getByLabel('ファイルを選択').setInputFiles([
    ...asTestFiles([plan!]),
    { name: 'メモ.txt', mimeType: 'text/plain', buffer: Buffer.from('memo') },
    ...asTestFiles(batchFiles([stranger])),
  ]);
  await expect(bodyRows(page)).toHaveCount(3);
  await expect(rowOf(page, stranger)).toContainText('事業所が見つかりません');
  await expect(rowOf(page, stranger)).toContainText('送信できません');
  const incomplete = rowOf(page, office);
  await expect(incomplete).toContainText('送信できません');
  await expect(incomplete).toContainText('UPSIKYU');
  const memo = bodyRows(page).filter({ hasText: 'メモ.txt' });
  await expect(memo).toContainText('送信できません');

  // 全選択 takes every row; with none that can go, 一括送信 is refused with the reason
  await page.getByRole('button', { name: '全選択', exact: true }).click();
  await expect(page.locator('.batch-table tbody input[type=checkbox]:checked')).toHaveCount(3);
  await page.getByRole('button', { name: '一括送信', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('送信できない行が3件選択されています');

  // 削除 asks first; キャンセル keeps the rows
  await page.getByRole('button', { name: '全選択解除', exact: true }).click();
  await memo.getByRole('checkbox').check();
  await rowOf(page, stranger).getByRole('checkbox').check();
  await page.getByRole('button', { name: '削除', exact: true }).click();
  await page.getByRole('dialog', { name: '削除の確認' }).getByRole('button', { name: 'キャンセル' }).click();
  await expect(bodyRows(page)).toHaveCount(3);
  await page.getByRole('button', { name: '削除', exact: true }).click();
  await page.getByRole('dialog', { name: '削除の確認' }).getByRole('button', { name: 'OK' }).click();
  await expect(bodyRows(page)).toHaveCount(1);

  // the rest of the unit merges into the same row, which becomes sendable
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles(unit.slice(1)));
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(incomplete).toContainText('未送信');
  await expect(incomplete).not.toContainText('送信できません');

  // 編集 opens the single-destination screen: add a PDF and a message, 更新 saves back to the row
  await incomplete.getByRole('button', { name: '編集' }).click();
  await expect(page.getByRole('heading', { name: '一括送信の編集' })).toBeVisible();
  // the menu says where this is: 一括送信, not 新規作成
  await expect(page.getByRole('link', { name: '一括送信', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: '新規作成', exact: true })).not.toHaveAttribute('aria-current', 'page');
  await page.getByLabel('ファイルを選択').setInputFiles(PDF);
  await page.getByLabel('メッセージ').fill(MESSAGE);
  await page.getByRole('button', { name: '更新', exact: true }).click();
  await expect(page.getByRole('heading', { name: '一括送信', level: 1 })).toBeVisible();
  await expect(incomplete).toContainText(MESSAGE);
  await expect(incomplete).toContainText('PDF等');
  await expect(incomplete.getByRole('button', { name: PDF.name })).toBeVisible();

  // offline: the send waits in the outbox and goes when the connection is back
  await context.setOffline(true);
  await page.getByRole('button', { name: '全選択', exact: true }).click();
  await sendChosenRows(page);
  const progress = page.getByRole('dialog', { name: '一括送信' });
  await expect(progress).toContainText('オフラインのため送信待ちです。接続が戻ると自動で送信します');
  await expect(progress).toContainText('送信待ち');
  await context.setOffline(false);
  await expect(progress).toContainText('成功 1 件 / 失敗 0 件', { timeout: 60_000 });
  await progress.getByRole('button', { name: 'OK' }).click();
  await expect(bodyRows(page)).toHaveCount(0);
  const sent = (await sentToBatchOffices(page)).filter((m) => m.destination.number === office.number && m.message === MESSAGE);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.files.map((f) => f.name).sort()).toEqual([...unit.map((f) => f.name), PDF.name].sort());
});

test('a row whose files are fine alone but not together is marked, with the reason 新規作成 gives', async ({ page }) => {
  await openBatchAsCareManager(page);
  const office = FIFTY[20]!;
  const to = { destination: office.number, sequence: '20250325103020' };
  // send unit 1 whose 第2表 has a record of a 居宅サービス計画作成（変更）日 the 第1表 does not have
  const plan2 = makeRecords('UP2KYO', to);
  plan2[plan2.length - 1]![4] = '20250321';
  const unit = [
    fromRecords('UP1KYO', makeRecords('UP1KYO', to), to),
    fromRecords('UP2KYO', plan2, to),
    fromRecords('UPHOSOKU', makeRecords('UPHOSOKU', { ...to, month: '000000' }), { ...to, month: '000000' }),
  ];
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles(unit));
  const row = rowOf(page, office);
  await expect(row).toContainText(office.name);
  await expect(row).toContainText('送信できません');
  const reason = `居宅サービス計画作成（変更）日 20250321 の第1表が ${unit[0]!.name} にありません`;
  await expect(row).toContainText(reason);

  // 編集 opens 新規作成's checks on the same files: the same reason
  await row.getByRole('button', { name: '編集' }).click();
  await expect(page.getByRole('heading', { name: '一括送信の編集' })).toBeVisible();
  await expect(page.getByText(reason).first()).toBeVisible();
});
