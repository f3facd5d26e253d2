// The clerk's month (issue 12), files: 未をまとめてダウンロード as a ZIP whose contents are the sent
// bytes exactly, the same into a 保存先フォルダ (a real directory handle, from the origin's private
// file system standing in for the picker), printing without the menu, the 送受信記録 CSV, and
// 送信取消 end to end (and its refusal once the receiver downloaded).
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { allowanceCsv, minimalPdf, planCsv, uniqueSequence } from '../support/files';
import { apiAs, listMessages, sendThroughApi } from './support/api';
import { expect, test } from './support/browsers';
import { openScreen, screenHeading } from './support/login';
import { RECEIVED_TABLE, SENT_TABLE } from './support/messages';
import { CARE_MANAGER, HOME_HELPER, MANUAL_OFFICE } from './support/people';

type Summary = { id: string; sentAt: string; message: string; downloadStatus: string; withdrawnAt: string | null; files: { id: string; name: string }[] };

/** Everything 0899999995 has not downloaded yet, downloaded (so each test starts with its own 未 only). */
async function emptyInbox(api: APIRequestContext): Promise<void> {
  for (const m of await listMessages<Summary>(api, 'received')) {
    for (const f of m.files) await api.get(`/api/messages/${m.id}/files/${f.id}`);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The ZIP's folder for a message: local (Tokyo) date and time, sender number and name. */
function folderOf(sentAt: string, sender: string, name: string): string {
  const d = new Date(new Date(sentAt).toLocaleString('en-US', { timeZone: 'Asia/Tokyo' }));
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}_${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}_${sender}_${name}`;
}

test('未をまとめてダウンロード saves one ZIP, a folder per message, byte for byte, and only then marks 済', async ({ offices }) => {
  const receiver = await apiAs(MANUAL_OFFICE);
  await emptyInbox(receiver);
  const sender = await apiAs(CARE_MANAGER);
  const sequence = uniqueSequence();
  const plan = [planCsv(CARE_MANAGER.office, MANUAL_OFFICE.office, sequence), allowanceCsv(CARE_MANAGER.office, MANUAL_OFFICE.office, sequence)];
  const pdf = minimalPdf('第3表 週間計画.pdf');
  const first = await sendThroughApi<Summary>(sender, MANUAL_OFFICE.office, plan, 'ZIPの予定');
  const second = await sendThroughApi<Summary>(sender, MANUAL_OFFICE.office, [pdf], 'ZIPの資料');

  const page = await offices.openAs(MANUAL_OFFICE, '受信一覧');
  const button = page.getByRole('button', { name: /^未をまとめてダウンロード/ });
  await expect(button).toHaveText('未をまとめてダウンロード(2件)');
  const download = page.waitForEvent('download');
  await button.click();
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/^受信データ_\d{8}_\d{4}\.zip$/);
  const entries = unzipSync(new Uint8Array(readFileSync(await zip.path())));
  const folder1 = folderOf(first.sentAt, CARE_MANAGER.office, 'れんけい居宅介護支援センター');
  const folder2 = folderOf(second.sentAt, CARE_MANAGER.office, 'れんけい居宅介護支援センター');
  // two messages sent within one second share a stamp: the second folder gets _2
  const pathOf = (folder: string, file: string) => {
    const found = Object.keys(entries).filter((key) => key === `${folder}/${file}` || new RegExp(`^${folder}_\\d+/`).test(key) && key.endsWith(`/${file}`));
    expect(found, `${folder}/${file} in ${Object.keys(entries).join(', ')}`).toHaveLength(1);
    return found[0]!;
  };
  const paths = [pathOf(folder1, plan[0]!.name), pathOf(folder1, plan[1]!.name), pathOf(folder2, pdf.name)];
  expect(Object.keys(entries)).toHaveLength(3);
  expect(paths[0]!.split('/')[0]).toBe(paths[1]!.split('/')[0]);
  expect(paths[2]!.split('/')[0]).not.toBe(paths[0]!.split('/')[0]);
  [plan[0]!.buffer, plan[1]!.buffer, pdf.buffer].forEach((bytes, i) => expect(Buffer.from(entries[paths[i]!]!).equals(bytes), paths[i]).toBe(true));
  await expect(page.getByText('2件のメッセージ(3ファイル)を「受信データ_')).toBeVisible();

  const sent = await listMessages<Summary>(sender, 'sent');
  expect(sent.filter((m) => m.id === first.id || m.id === second.id).map((m) => m.downloadStatus)).toEqual(['済', '済']);
  await expect(button).toHaveText('未をまとめてダウンロード');
  await receiver.dispose();
  await sender.dispose();
});

/** Chromium's picker cannot be driven headless: a real directory handle from the origin's private file system stands in. */
async function folderFromOpfs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('取込フォルダ', { create: true });
  });
}

test('保存先フォルダ: chosen once, kept across a reload, and received files written there under their own names', async ({ offices }) => {
  const receiver = await apiAs(MANUAL_OFFICE);
  await emptyInbox(receiver);
  const page = await offices.openAs(MANUAL_OFFICE, '受信一覧');
  await folderFromOpfs(page);
  await page.reload();
  await page.getByRole('button', { name: '保存先フォルダを選ぶ' }).click();
  await expect(page.getByText('保存先フォルダ: 取込フォルダ')).toBeVisible();
  await page.reload();
  await expect(page.getByText('保存先フォルダ: 取込フォルダ')).toBeVisible();

  const sender = await apiAs(CARE_MANAGER);
  const sequence = uniqueSequence();
  const plan = [planCsv(CARE_MANAGER.office, MANUAL_OFFICE.office, sequence), allowanceCsv(CARE_MANAGER.office, MANUAL_OFFICE.office, sequence)];
  await sendThroughApi(sender, MANUAL_OFFICE.office, plan, 'フォルダへ');
  await page.getByRole('button', { name: '更新' }).click();
  await page.getByRole('button', { name: /^未をまとめてダウンロード/ }).click();
  await expect(page.getByText('1件のメッセージ(2ファイル)を保存先フォルダに保存しました')).toBeVisible();
  const written = await page.evaluate(async (names) => {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('取込フォルダ');
    const out: Record<string, number[]> = {};
    for (const name of names) out[name] = [...new Uint8Array(await (await (await folder.getFileHandle(name)).getFile()).arrayBuffer())];
    return out;
  }, plan.map((f) => f.name));
  for (const file of plan) expect(Buffer.from(written[file.name]!).equals(file.buffer), file.name).toBe(true);
  expect((await listMessages<Summary>(sender, 'sent')).find((m) => m.message === 'フォルダへ')?.downloadStatus).toBe('済');
  await receiver.dispose();
  await sender.dispose();
});

test('print media: the detail with its month grid, and the 送受信記録, without the menu or buttons; the record as CSV with a BOM', async ({ offices }) => {
  const sender = await apiAs(CARE_MANAGER);
  const sequence = uniqueSequence();
  await sendThroughApi(sender, HOME_HELPER.office, [planCsv(CARE_MANAGER.office, HOME_HELPER.office, sequence), allowanceCsv(CARE_MANAGER.office, HOME_HELPER.office, sequence)], '印刷する予定');
  await sender.dispose();
  const page = await offices.openAs(HOME_HELPER, '受信一覧');
  const row = page.getByRole('table', { name: RECEIVED_TABLE }).getByRole('row').filter({ hasText: '印刷する予定' });
  await row.getByRole('link').click();
  await page.getByRole('button', { name: 'ダウンロードしてプレビュー' }).first().click();
  await expect(page.locator('.csv-grid').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeHidden();
  await expect(page.getByRole('button', { name: '印刷' })).toBeHidden();
  await expect(screenHeading(page, '受信メッセージ')).toBeVisible();
  await expect(page.locator('.csv-grid').first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible();

  await openScreen(page, '送受信記録');
  await expect(page.getByRole('table', { name: /送受信記録/ })).toContainText('UPPLAN_');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeHidden();
  await expect(page.getByLabel('対象の月')).toBeHidden();
  await expect(page.getByRole('table', { name: /送受信記録/ })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVで保存' }).click();
  const csv = readFileSync(await (await download).path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain('区分,送信日時,相手先事業所番号');
  expect(csv.toString('utf8')).toContain(`受信,`);
});

test('送信取消: withdrawn before any download, shown as 取消 on both sides; refused with a reason once downloaded', async ({ offices }) => {
  const stamp = Date.now().toString(36);
  const sender = await apiAs(CARE_MANAGER);
  await sendThroughApi(sender, HOME_HELPER.office, [minimalPdf(`取消${stamp}.pdf`)], `取り消す ${stamp}`);
  await sendThroughApi(sender, HOME_HELPER.office, [minimalPdf(`既読${stamp}.pdf`)], `読まれた ${stamp}`);
  await sender.dispose();
  const cm = await offices.openAs(CARE_MANAGER, '送信一覧');
  const sentRow = (text: string) => cm.getByRole('table', { name: SENT_TABLE }).getByRole('row').filter({ hasText: text });

  await sentRow(`取り消す ${stamp}`).getByRole('link').click();
  await cm.getByRole('button', { name: '送信取消' }).click();
  const dialog = cm.getByRole('dialog', { name: '送信取消の確認' });
  await dialog.getByRole('button', { name: '送信を取り消す' }).click();
  await expect(cm.getByText('この送信は取り消されました')).toBeVisible();
  await expect(cm.getByRole('button', { name: '送信取消' })).toHaveCount(0);
  await openScreen(cm, '送信一覧');
  await expect(sentRow(`取り消す ${stamp}`)).toContainText('取消');

  const hh = await offices.openAs(HOME_HELPER, '受信一覧');
  const receivedRow = hh.getByRole('table', { name: RECEIVED_TABLE }).getByRole('row').filter({ hasText: '送信元がこの送信を取り消しました' }).first();
  await expect(receivedRow).toContainText('取消');
  await expect(hh.getByRole('table', { name: RECEIVED_TABLE })).not.toContainText(`取消${stamp}.pdf`);
  await expect(hh.getByRole('table', { name: RECEIVED_TABLE })).not.toContainText(`取り消す ${stamp}`);

  // the receiver downloads the other one while the sender looks at it
  await sentRow(`読まれた ${stamp}`).getByRole('link').click();
  await expect(cm.getByRole('button', { name: '送信取消' })).toBeVisible();
  const receiver = await apiAs(HOME_HELPER);
  const read = (await listMessages<Summary>(receiver, 'received')).find((m) => m.message === `読まれた ${stamp}`)!;
  expect((await receiver.get(`/api/messages/${read.id}/files/${read.files[0]!.id}`)).ok()).toBe(true);
  await receiver.dispose();
  await cm.getByRole('button', { name: '送信取消' }).click();
  await cm.getByRole('dialog', { name: '送信取消の確認' }).getByRole('button', { name: '送信を取り消す' }).click();
  await expect(cm.getByText('相手先がすでにダウンロードしたため、送信を取り消せません').first()).toBeVisible();
  await expect(cm.getByText('済').first()).toBeVisible();
});
