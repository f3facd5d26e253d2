// The login screens put the focus on their first field however they are reached: opened directly
// (a reload, a bookmark, a link from elsewhere) as well as after a move inside the app, so what
// the person types goes into the form and not into the void.
import type { Page } from '@playwright/test';
import { expect, test } from './support/browsers';
import { loginAsPerson } from './support/login';
import { HOME_HELPER } from './support/people';

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

test('ログイン opened directly: focus on ユーザID, typing goes there', async ({ page }) => {
  await page.goto('/#/login');
  await expect.poll(() => focusedId(page)).toBe('login-user');
  await page.reload();
  await expect.poll(() => focusedId(page)).toBe('login-user');
  await page.keyboard.type(HOME_HELPER.userId);
  await expect(page.getByLabel('ユーザID', { exact: true })).toHaveValue(HOME_HELPER.userId);
});

test('事業所ユーザログイン: focus on 事業所ユーザID after a move, a reload and a bookmark alike', async ({ page }) => {
  await loginAsPerson(page, HOME_HELPER.userId, HOME_HELPER.password);
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await page.getByRole('link', { name: '受信一覧', exact: true }).click();
  await expect.poll(() => focusedId(page)).toBe('office-user');
  await page.reload();
  await expect(page.getByLabel('事業所ユーザID')).toBeVisible();
  await expect.poll(() => focusedId(page)).toBe('office-user');
  await page.goto('about:blank');
  await page.goto('/#/office-login');
  await expect(page.getByLabel('事業所ユーザID')).toBeVisible();
  await expect.poll(() => focusedId(page)).toBe('office-user');
  await page.keyboard.type('kj331000001701');
  await expect(page.getByLabel('事業所ユーザID')).toHaveValue('KJ331000001701');
});

test('after ログイン the focus is on トップ\'s heading, not lost on the page (found in the trial)', async ({ page }) => {
  await loginAsPerson(page, HOME_HELPER.userId, HOME_HELPER.password);
  await expect(page.getByRole('heading', { level: 1, name: 'トップ' })).toBeFocused();
});
