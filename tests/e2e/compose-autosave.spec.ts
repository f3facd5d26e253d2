// 新規作成 keeps what is being composed (IndexedDB, every change): leaving for トップ or reloading
// loses nothing, the work comes back with a notice, only to the person and office that made it,
// and 一時保存 stays the explicit act. 送信 and 一時保存 stay on screen however many files are listed.
import type { Page } from '@playwright/test';
import { makePlanUnit } from '../support/csvgen';
import { asTestFiles, CARE_OFFICE, HOME_HELP_OFFICE, minimalPdf, uniqueSequence } from '../support/files';
import { expect, test } from './support/browsers';
import { openScreen, screenHeading, signIn } from './support/login';
import { CARE_MANAGER, HOME_HELPER } from './support/people';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

const filesTable = (page: Page) => page.getByRole('table', { name: '添付ファイル' });

/** The メッセージ autosaved on this device for 新規作成, read from IndexedDB as the app stored it. */
function autosavedMessages(page: Page): Promise<string[]> {
  return page.evaluate(() => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('renkei');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('autosave').objectStore('autosave').getAll();
      all.onsuccess = () => resolve((all.result as { message: string }[]).map((r) => r.message));
      all.onerror = () => reject(all.error);
    };
  }));
}

/** Waits until the last change is on disk: a reload right after a keystroke could otherwise beat the write. */
async function expectAutosaved(page: Page, message: string): Promise<void> {
  await expect.poll(() => autosavedMessages(page)).toContain(message);
  await expect(page.getByText(/自動保存しました/)).toBeVisible();
}

/** Both buttons wholly inside the viewport, wherever the page is scrolled. */
async function expectActionsInView(page: Page, size: { width: number; height: number }): Promise<void> {
  for (const name of ['送信', '一時保存']) {
    const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(box.y, `${name} at ${size.width}×${size.height}`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${name} at ${size.width}×${size.height}`).toBeLessThanOrEqual(size.height);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  }
}

test('unsaved 新規作成 work survives トップ and a reload, comes back with a notice, and only for its owner', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  await page.setViewportSize(SIZES[0]!);
  const unit = makePlanUnit({ sender: CARE_OFFICE, destination: HOME_HELP_OFFICE, sequence: uniqueSequence() });
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles(unit));
  const message = `4月分の予定です ${Date.now()}`;
  await page.getByLabel('メッセージ').fill(message);
  await expectAutosaved(page, message);

  // 送信 and 一時保存 stay in view with the files listed, at every size, scrolled or not
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectActionsInView(page, size);
    await page.getByLabel('メッセージ').scrollIntoViewIfNeeded();
    await expectActionsInView(page, size);
  }
  await page.setViewportSize(SIZES[0]!);

  await openScreen(page, 'トップ');
  await expect(screenHeading(page, 'トップ')).toBeVisible();
  await openScreen(page, '新規作成');
  const notice = page.getByRole('status').filter({ hasText: '復元しました' });
  await expect(notice).toBeVisible();
  for (const file of unit) await expect(filesTable(page)).toContainText(file.name);
  await expect(page.getByLabel('メッセージ')).toHaveValue(message);
  await expect(page.getByLabel('送信先事業所番号')).toHaveValue(HOME_HELP_OFFICE);
  // filled in from the CSV names and read-only: it reads as a value, not as a box to type in
  await expect(page.getByLabel('送信先事業所番号')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('送信先事業所番号')).toHaveCSS('border-top-color', 'rgba(0, 0, 0, 0)');

  // a change after the restore is kept too, through a reload
  await page.getByRole('button', { name: `${unit[2]!.name} を削除` }).click();
  await page.getByLabel('メッセージ').fill(`${message} 補足は別送`);
  await expectAutosaved(page, `${message} 補足は別送`);
  await page.reload();
  await expect(notice).toBeVisible();
  await expect(page.getByLabel('メッセージ')).toHaveValue(`${message} 補足は別送`);
  await expect(filesTable(page)).toContainText(unit[0]!.name);
  await expect(filesTable(page)).not.toContainText(unit[2]!.name);
  // it is not a draft: 一時保存 is still the explicit act
  await openScreen(page, '下書き一覧');
  await expect(page.getByText(unit[0]!.name)).toHaveCount(0);

  // another person on this tablet (same browser, same IndexedDB) does not get it; its owner does
  const logout = async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page.getByLabel('ユーザID', { exact: true })).toBeVisible();
  };
  await logout();
  await signIn(page, HOME_HELPER, '新規作成');
  await expect(page.getByText('添付ファイルはまだありません')).toBeVisible();
  await expect(notice).toHaveCount(0);
  await logout();
  await signIn(page, CARE_MANAGER, '新規作成');
  await expect(notice).toBeVisible();
  await expect(page.getByLabel('メッセージ')).toHaveValue(`${message} 補足は別送`);

  // 破棄して新しく作成 starts empty, and stays empty on return
  await notice.getByRole('button', { name: '破棄して新しく作成' }).click();
  await expect(page.getByText('添付ファイルはまだありません')).toBeVisible();
  await expect(page.getByLabel('メッセージ')).toHaveValue('');
  await openScreen(page, 'トップ');
  await openScreen(page, '新規作成');
  await expect(page.getByText('添付ファイルはまだありません')).toBeVisible();
  await expect(notice).toHaveCount(0);
  expect(await autosavedMessages(page)).not.toContain('送る文面');
});

test('a draft changed and left comes back changed, 変更を破棄 returns to the draft, and a send clears the autosave', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  const pdf = minimalPdf(`自動保存_${uniqueSequence()}.pdf`);
  await page.getByLabel('ファイルを選択').setInputFiles(pdf);
  await page.getByLabel('送信先事業所番号').fill(HOME_HELP_OFFICE);
  await page.getByLabel('メッセージ').fill('保存した文面');
  await page.getByRole('button', { name: '一時保存' }).click();
  await expect(page.getByText('下書きに保存しました')).toBeVisible();
  // the saved notice sits in the action bar, not over the form
  await expect(page.locator('.compose-actions')).toContainText('下書きに保存しました');

  await page.getByLabel('メッセージ').fill('保存後に書き足した文面');
  await expectAutosaved(page, '保存後に書き足した文面');
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: '復元しました' });
  await expect(notice).toContainText('一時保存の後に変更した内容');
  await expect(page.getByLabel('メッセージ')).toHaveValue('保存後に書き足した文面');
  await notice.getByRole('button', { name: '変更を破棄' }).click();
  await expect(page.getByLabel('メッセージ')).toHaveValue('保存した文面');
  await expect(notice).toHaveCount(0);

  await page.getByLabel('メッセージ').fill('送る文面');
  await expectAutosaved(page, '送る文面');
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await page.getByRole('dialog', { name: '送信確認' }).getByRole('button', { name: 'OK' }).click();
  await expect(screenHeading(page, '送信一覧')).toBeVisible();
  await openScreen(page, '新規作成');
  await expect(page.getByText('添付ファイルはまだありません')).toBeVisible();
  await expect(notice).toHaveCount(0);
  expect(await autosavedMessages(page)).not.toContain('送る文面');
});
