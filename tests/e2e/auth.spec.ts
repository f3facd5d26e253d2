// ログイン, 事業所ユーザログイン and ログアウト against the real relay in Chromium.
import { expect, test } from '@playwright/test';
import { minimalPdf } from '../support/files';
import { loginAsPerson, officeLogin, openScreen, signIn } from './support/login';
import { MANUAL_OFFICE } from './support/people';

test('a wrong password is refused with a message and nothing else happens', async ({ page }) => {
  await loginAsPerson(page, 'cm01', 'wrong-password');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).not.toBeEmpty();
  await expect(page.getByLabel('ユーザID')).toHaveValue('cm01');
  await expect(page.getByRole('navigation')).toHaveCount(0);

  // an empty form is refused before it reaches the server
  await page.getByLabel('ユーザID').fill('');
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('ユーザIDを入力してください');
});

test('the eye button shows and hides the password', async ({ page }) => {
  await page.goto('/');
  const password = page.getByLabel('パスワード', { exact: true });
  await password.fill('secret-123');
  await expect(password).toHaveAttribute('type', 'password');

  await page.getByRole('button', { name: 'パスワードを表示' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(password).toHaveValue('secret-123');

  await page.getByRole('button', { name: 'パスワードを隠す' }).click();
  await expect(password).toHaveAttribute('type', 'password');
  await expect(page.getByRole('button', { name: 'パスワードを表示' })).toBeVisible();
});

test('事業所ユーザログイン checks the KJ format, then the server, and 戻る leaves it', async ({ page }) => {
  await loginAsPerson(page, 'cm01');
  await expect(page.getByRole('link', { name: 'トップ' })).toBeVisible();
  await expect(page.getByText('佐藤 ケアマネ')).toBeVisible();

  // receiving needs the office login first
  await openScreen(page, '受信一覧');
  await expect(page.getByRole('heading', { name: '事業所ユーザログイン' })).toBeVisible();

  await officeLogin(page, 'KJ12345');
  await expect(page.getByRole('alert')).toContainText('「KJ」に続く12桁の数字');

  // well formed but not this office's: the server refuses it
  await officeLogin(page, 'KJ330000000101', 'not-the-password');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).not.toContainText('12桁');

  await page.getByRole('button', { name: '戻る' }).click();
  await expect(page.getByRole('heading', { name: 'トップ' })).toBeVisible();

  // the right one opens 受信一覧 and is not asked again in this session
  await openScreen(page, '受信一覧');
  await officeLogin(page, 'KJ330000000101');
  await expect(page.getByRole('heading', { name: '受信一覧' })).toBeVisible();
  await expect(page.getByText('れんけい居宅介護支援センター(3300000001)')).toBeVisible();
  await page.getByRole('link', { name: '送信一覧' }).click();
  await expect(page.getByRole('heading', { name: '送信一覧' })).toBeVisible();
});

test('ログアウト ends the session on the server and in the app', async ({ page }) => {
  await loginAsPerson(page, 'hh01');
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  expect((await page.request.get('/api/session')).status()).toBe(200);

  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page.getByRole('button', { name: 'ログイン', exact: true })).toBeVisible();
  expect((await page.request.get('/api/session')).status()).toBe(401);

  // a reload or a bookmarked screen does not bring the old session back
  await page.goto('/#/sent');
  await expect(page.getByLabel('ユーザID')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  // a logout of one's own needs no explanation
  await expect(page.getByText('ログインが切れました')).toHaveCount(0);
});

test('a session the relay ended (expired, or ended elsewhere) says so on ログイン, in use and on the next start', async ({ page, context }) => {
  const ended = page.getByRole('status').filter({ hasText: 'ログインが切れました(有効期限が過ぎたか、ほかの端末で解除されました)' });
  await signIn(page, MANUAL_OFFICE, '受信一覧');
  // the list's first load over (its request would meet the missing cookie first), then 更新 asks
  // the relay; the minute's count check may get there first, which ends in the same place
  await expect(page.getByRole('button', { name: '更新' })).toBeEnabled();
  await context.clearCookies();
  await page.getByRole('button', { name: '更新' }).click({ timeout: 5_000 }).catch(() => undefined);
  await expect(page.getByLabel('ユーザID')).toBeVisible();
  await expect(ended).toBeVisible();

  await loginAsPerson(page, MANUAL_OFFICE.userId, MANUAL_OFFICE.password);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await context.clearCookies();
  await page.reload();
  await expect(ended).toBeVisible();
  await loginAsPerson(page, MANUAL_OFFICE.userId, MANUAL_OFFICE.password);
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page.getByLabel('ユーザID')).toBeVisible();
  await expect(ended).toHaveCount(0);
});

test('すべての端末のログインを解除 ends the sessions in the other browser too', async ({ page, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await loginAsPerson(otherPage, 'ds01');
  await expect(otherPage.getByRole('heading', { name: 'トップ' })).toBeVisible();
  await loginAsPerson(page, 'ds01');

  await page.getByRole('button', { name: 'すべての端末のログインを解除' }).click();
  const dialog = page.getByRole('dialog', { name: 'すべての端末のログインを解除' });
  await expect(dialog).toContainText('すべての端末');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByLabel('ユーザID')).toBeVisible();

  expect((await otherPage.request.get('/api/session')).status()).toBe(401);
  await otherPage.getByRole('link', { name: '受信一覧' }).click();
  await expect(otherPage.getByLabel('ユーザID')).toBeVisible();
  await other.close();
});

test('ログアウト with a queued send warns that it stays on the device', async ({ page, context }) => {
  await signIn(page, MANUAL_OFFICE, '新規作成');

  await context.setOffline(true);
  await page.getByLabel('ファイルを選択').setInputFiles(minimalPdf('週間計画.pdf'));
  await page.getByLabel('送信先事業所番号').fill('3310000017');
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await page.getByRole('dialog', { name: '送信確認' }).getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('link', { name: '送信待ち 1件' })).toBeVisible();

  await page.getByRole('button', { name: 'ログアウト' }).click();
  const dialog = page.getByRole('dialog', { name: 'ログアウトの確認' });
  await expect(dialog).toContainText('送信待ちが1件あります');
  // opened from the header, whose text is white: the dialog's own text must not be (it was white on white)
  await expect(dialog.getByRole('heading', { name: 'ログアウトの確認' })).toHaveCSS('color', 'rgb(29, 36, 33)');
  await expect(dialog.getByText(/送信待ちが1件あります/)).toHaveCSS('color', 'rgb(29, 36, 33)');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await expect(page.getByRole('link', { name: '送信待ち 1件' })).toBeVisible();

  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.getByRole('dialog', { name: 'ログアウトの確認' }).getByRole('button', { name: 'ログアウト' }).click();
  await expect(page.getByLabel('ユーザID')).toBeVisible();
  await context.setOffline(false);
});
