// What a new user met in a hand trial of a month (session 5): input a Japanese keyboard gives
// (full-width digits), a long message pasted whole, one drop on 一括送信 naming more offices than
// the list takes, a phone-wide message detail, a refused send in 送信トレイ and 戻る to a sent
// draft. Each failed before its fix.
import { expect, test } from '@playwright/test';
import { planCsv, planUnit, minimalPdf, uniqueSequence, CARE_OFFICE, HOME_HELP_OFFICE, DAY_SERVICE_OFFICE } from '../support/files';
import { apiAs, sendThroughApi } from './support/api';
import { compose, openReceived } from './support/messages';
import { loginAsPerson, openScreen, screenHeading, signIn } from './support/login';
import { CARE_MANAGER, HOME_HELPER } from './support/people';
import { waitForServiceWorker } from './support/service-worker';

test('新規作成: a message over 2000 characters is kept whole and refused with a reason, never cut silently', async ({ page }) => {
  await signIn(page, CARE_MANAGER, '新規作成', '/#/login');
  await compose(page, [minimalPdf()]);
  await page.getByLabel('送信先事業所番号').fill(HOME_HELP_OFFICE);
  const pasted = `${'あ'.repeat(1990)}ご確認ください。最後の一文`;
  await page.getByLabel('メッセージ').fill(pasted);
  await expect(page.getByLabel('メッセージ')).toHaveValue(pasted);
  await expect(page.getByText(`${pasted.length} / 2000文字`)).toBeVisible();
  await expect(page.getByText('メッセージは2000文字以内で入力してください')).toBeVisible();
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '送信確認' })).toHaveCount(0);
});

test('full-width digits typed with a Japanese IME: the destination and the 事業所ユーザID are read as half-width', async ({ page }) => {
  await loginAsPerson(page, CARE_MANAGER.userId, CARE_MANAGER.password, '/#/login');
  await openScreen(page, '新規作成');
  const fullWidth = (text: string) => text.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  await page.getByLabel('事業所ユーザID').fill(fullWidth(CARE_MANAGER.officeUserId));
  await page.getByLabel('パスワード', { exact: true }).fill(CARE_MANAGER.officePassword);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(screenHeading(page, '新規作成')).toBeVisible();

  await page.getByLabel('ファイルを選択').setInputFiles([minimalPdf()]);
  await page.getByLabel('送信先事業所番号').fill(fullWidth(HOME_HELP_OFFICE));
  await expect(page.getByText('さくら訪問介護ステーション')).toBeVisible();
  await expect(page.getByText(/」は10桁で入力してください/)).toHaveCount(0);
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '送信確認' })).toContainText(`${HOME_HELP_OFFICE} さくら訪問介護ステーション`);
});

test('ログイン: a 個人ID typed in full-width (ｃｍ０１, IME on) signs in as cm01', async ({ page }) => {
  await loginAsPerson(page, 'ｃｍ０１', CARE_MANAGER.password, '/#/login');
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await expect(page.getByText('ユーザIDまたはパスワードが正しくありません')).toHaveCount(0);
});

test('一括送信: one drop naming 51 offices lists 50 with their names from the directory', async ({ page }) => {
  await signIn(page, CARE_MANAGER, '一括送信', '/#/login');
  const sequence = uniqueSequence();
  // two offices of the directory first, then 49 numbers it does not have: the 51st is left out
  const unknown = Array.from({ length: 49 }, (_, i) => `3390${String(100 + i).padStart(5, '0')}1`);
  const files = [HOME_HELP_OFFICE, DAY_SERVICE_OFFICE, ...unknown].map((to) => planCsv(CARE_OFFICE, to, sequence));
  await page.getByLabel('ファイルを選択').setInputFiles(files);
  await expect(page.getByText('送信先 50 / 50 事業所')).toBeVisible();
  const table = page.getByRole('table', { name: '一括送信の一覧' });
  await expect(table.locator('tbody').filter({ hasText: HOME_HELP_OFFICE })).toContainText('さくら訪問介護ステーション');
  await expect(table.locator('tbody').filter({ hasText: DAY_SERVICE_OFFICE })).toContainText('ひまわりデイサービス');
  await expect(table.locator('tbody').filter({ hasText: unknown[0]! })).not.toContainText('未確認');
});

test('受信メッセージ on a phone: the note naming earlier files wraps inside the screen, and a file card\'s buttons line up', async ({ page }) => {
  const api = await apiAs(CARE_MANAGER);
  await sendThroughApi(api, HOME_HELP_OFFICE, planUnit(CARE_OFFICE, HOME_HELP_OFFICE));
  const second = planUnit(CARE_OFFICE, HOME_HELP_OFFICE);
  await sendThroughApi(api, HOME_HELP_OFFICE, second);
  await api.dispose();

  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page, HOME_HELPER, '受信一覧', '/#/login');
  await openReceived(page, second[0]!.name);
  await expect(page.getByRole('region', { name: '前回からの変更' })).toContainText('まだダウンロードしていないため');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  // ダウンロード and ダウンロードしてプレビュー under the size, one line each and as wide as each
  // other: not one squeezed beside the size and the other below it
  const card = page.locator('.file-rows > li').filter({ hasText: second[0]!.name });
  const boxes = await card.getByRole('button').evaluateAll((buttons) => buttons.map((b) => {
    const r = b.getBoundingClientRect();
    return { left: Math.round(r.left), width: Math.round(r.width) };
  }));
  expect(boxes).toHaveLength(2);
  expect(boxes[1]).toEqual(boxes[0]);
});

test('送信トレイ: a send refused after the network came back goes 下書きに戻す with its file and message, to be corrected', async ({ page, context }) => {
  await signIn(page, CARE_MANAGER, '新規作成', '/#/login');
  // 送信一覧 opens offline once the service worker has precached its chunk
  await waitForServiceWorker(page);
  await page.getByLabel('ファイルを選択').setInputFiles([minimalPdf()]);
  await context.setOffline(true);
  await page.getByLabel('送信先事業所番号').fill('9999999999');
  await page.getByLabel('メッセージ').fill('第3表をお送りします');
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await page.getByRole('dialog', { name: '送信確認' }).getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('オフラインのため、送信トレイに保存しました')).toBeVisible();
  await context.setOffline(false);

  const tray = page.getByRole('region', { name: '送信トレイ' });
  const row = tray.getByRole('row').filter({ hasText: '9999999999' });
  await expect(row).toContainText('失敗', { timeout: 20_000 });
  await row.getByRole('button', { name: '下書きに戻す' }).click();
  await expect(screenHeading(page, '新規作成')).toBeVisible();
  await expect(page.getByLabel('メッセージ')).toHaveValue('第3表をお送りします');
  await expect(page.getByLabel('送信先事業所番号')).toHaveValue('9999999999');
  await expect(page.getByText('第3表_週間サービス計画表.pdf')).toBeVisible();
  await openScreen(page, '送信一覧');
  await expect(tray.getByText('送信待ちのデータはありません')).toBeVisible();
  await openScreen(page, '下書き一覧');
  await expect(page.getByText('第3表をお送りします')).toBeVisible();
});

test('送信一覧 opened offline with nothing kept on the device: one message, not also 「0件を表示しています」', async ({ page, context }) => {
  await signIn(page, CARE_MANAGER, '新規作成', '/#/login');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await openScreen(page, '送信一覧');
  await expect(page.getByText('オフラインのため一覧を取得できません')).toBeVisible();
  await expect(page.getByText(/オフライン表示/)).toHaveCount(0);
  await context.setOffline(false);
});

test('期間(送信日) typed at a stretch from the keyboard: the year box takes 4 digits and moves on', async ({ page }) => {
  await signIn(page, CARE_MANAGER, '送信一覧', '/#/login');
  await page.getByText('詳しい条件').click();
  const from = page.getByLabel('期間(送信日)', { exact: true });
  await from.focus();
  await page.keyboard.type('20261101');
  // the browser's own order (年/月/日 in Japanese, mm/dd/yyyy here): never a year of 5 or 6 digits
  expect(await from.inputValue()).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
});

test('下書き sent, then 戻る to it: the screen says it may have been sent, and where to look', async ({ page }) => {
  await signIn(page, CARE_MANAGER, '新規作成', '/#/login');
  await page.getByLabel('ファイルを選択').setInputFiles([minimalPdf()]);
  await page.getByLabel('送信先事業所番号').fill(HOME_HELP_OFFICE);
  await page.getByLabel('メッセージ').fill('下書きから送ります');
  await page.getByRole('button', { name: '一時保存', exact: true }).click();
  await expect(page.getByText(/下書きに保存しました/)).toBeVisible();
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await page.getByRole('dialog', { name: '送信確認' }).getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('送信を受け付けました')).toBeVisible();
  await expect(page.getByRole('table', { name: '送信したメッセージ' })).toContainText('下書きから送ります');
  await page.goBack();
  await expect(page.getByText('送信したか削除した可能性があります(送信したものは送信一覧にあります)')).toBeVisible();
});

test('新規作成 online while the relay cannot be reached: the notice says the send waits in 送信トレイ, not 「送信を受け付けました」', async ({ page, context }) => {
  await signIn(page, CARE_MANAGER, '新規作成', '/#/login');
  // the browser says online; the relay is down (or the office Wi-Fi has no way out). context.route
  // also meets the service worker's flush
  await context.route('**/api/messages', (route) => (route.request().method() === 'POST' ? route.abort('connectionrefused') : route.fallback()));
  await page.getByLabel('ファイルを選択').setInputFiles([minimalPdf()]);
  await page.getByLabel('送信先事業所番号').fill(HOME_HELP_OFFICE);
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await page.getByRole('dialog', { name: '送信確認' }).getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('送信トレイに保存しました。まだ送信できていません(接続できませんでした。接続が戻ると自動で送信します)')).toBeVisible();
  await expect(page.getByText('送信を受け付けました')).toHaveCount(0);

  // and it goes by itself once the relay answers
  await context.unroute('**/api/messages');
  await expect(page.getByRole('region', { name: '送信トレイ' }).getByText('送信待ちのデータはありません')).toBeVisible({ timeout: 30_000 });
});

test('送信確認 on a phone with a long message opens at its top: the destination shows, and the focused キャンセル too', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, CARE_MANAGER, '新規作成', '/#/login');
  await page.getByLabel('ファイルを選択').setInputFiles([minimalPdf()]);
  await page.getByLabel('送信先事業所番号').fill(HOME_HELP_OFFICE);
  await page.getByLabel('メッセージ').fill('4月分の予定をお送りします。'.repeat(80));
  await page.getByRole('button', { name: '送信', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '送信確認' });
  await expect(dialog.getByRole('heading', { name: '送信確認' })).toBeInViewport();
  await expect(dialog.getByText(`${HOME_HELP_OFFICE} さくら訪問介護ステーション`)).toBeInViewport();
  // the buttons are still reached by keyboard: the first has the focus, and it is in sight (the
  // message scrolls under the buttons)
  await expect(dialog.getByRole('button', { name: 'キャンセル' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'キャンセル' })).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('button', { name: 'OK' })).toBeInViewport({ ratio: 1 });
});

test('新規作成: a PDF just dropped is not scolded for the destination not typed yet; 送信 says what is missing', async ({ page }) => {
  await signIn(page, CARE_MANAGER, '新規作成', '/#/login');
  await page.getByLabel('ファイルを選択').setInputFiles([minimalPdf()]);
  await expect(page.getByText('第3表_週間サービス計画表.pdf')).toBeVisible();
  await expect(page.getByText('送信先事業所番号を入力してください')).toHaveCount(0);
  await expect(page.getByText('上の誤りを直すまで送信できません')).toHaveCount(0);
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '送信先事業所番号を入力してください' })).toBeFocused();
  await expect(page.getByRole('dialog', { name: '送信確認' })).toHaveCount(0);
});
