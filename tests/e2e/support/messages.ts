// Sending from 新規作成 and finding what arrived in 送信一覧 / 受信一覧 through the screens.
import { expect, type Page } from '@playwright/test';
import type { TestFile } from '../../support/files';
import { openScreen } from './login';

/** Opens 新規作成 and attaches the files (and the メッセージ when given). */
export async function compose(page: Page, files: TestFile[], message?: string): Promise<void> {
  await openScreen(page, '新規作成');
  await page.getByLabel('ファイルを選択').setInputFiles(files);
  if (message !== undefined) await page.getByLabel('メッセージ').fill(message);
}

/** 送信, the 送信確認 dialog's OK, and the app back on 送信一覧 with the send accepted. */
/** Presses 送信 and answers OK in 送信確認, without judging what the relay answered. */
export async function confirmSend(page: Page): Promise<void> {
  await page.getByRole('button', { name: '送信', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '送信確認' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('以上の内容で送信してよろしいですか?');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: '送信一覧' })).toBeVisible();
}

export async function sendAndConfirm(page: Page): Promise<void> {
  await confirmSend(page);
  await expect(page.getByText('送信を受け付けました')).toBeVisible();
}

export const SENT_TABLE = '送信したメッセージ';
export const RECEIVED_TABLE = '受信したメッセージ';

/** The row of a list table holding this file, pressing 更新 until the relay has it. */
export async function listRow(page: Page, table: string, fileName: string) {
  const row = page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: fileName });
  await expect(async () => {
    await page.getByRole('button', { name: '更新' }).click();
    await expect(row).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  return row;
}

/** Opens 受信一覧 and the received message holding this file. */
export async function openReceived(page: Page, fileName: string): Promise<void> {
  await openScreen(page, '受信一覧');
  const row = await listRow(page, RECEIVED_TABLE, fileName);
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: '受信メッセージ' })).toBeVisible();
}
