// 月次チェック's 対象年月 in Japanese even where Chromium's own language is English: ◀ 前月 /
// 2026年10月 / 翌月 ▶ and a 年・月 select pair, by keyboard, the month kept in the address.
import { expect, test } from './support/browsers';
import { CARE_MANAGER } from './support/people';

test.use({ locale: 'en-US' });

test('an English Chromium still reads 2026年10月; 前月・翌月 and the 年・月 selects move the month in the address', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '月次チェック');
  await page.goto('/#/monthly?month=202610');
  const picker = page.getByRole('group', { name: '対象年月' });
  await expect(picker).toContainText('2026年10月');
  await expect(page.locator('input[type="month"]')).toHaveCount(0);
  await expect(picker.getByLabel('年', { exact: true })).toHaveValue('2026');
  await expect(picker.getByLabel('月', { exact: true })).toHaveValue('10');

  // keyboard: Tab reaches ◀ 前月, Enter follows it
  await picker.getByRole('link', { name: '翌月(2026年11月)' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(picker.getByRole('link', { name: '前月(2026年9月)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/monthly\?month=202609$/);
  await expect(picker).toContainText('2026年9月');
  await expect(page.getByText('2026年9月分の予定・実績はこの端末にありません')).toBeVisible();

  await picker.getByRole('link', { name: /^翌月/ }).click();
  await expect(page).toHaveURL(/month=202610$/);
  await picker.getByLabel('年', { exact: true }).selectOption('2025');
  await expect(page).toHaveURL(/month=202510$/);
  await picker.getByLabel('月', { exact: true }).selectOption('3');
  await expect(page).toHaveURL(/month=202503$/);
  await expect(picker).toContainText('2025年3月');
  await expect(picker.getByLabel('年', { exact: true })).toHaveValue('2025');
  await expect(picker.getByLabel('月', { exact: true })).toHaveValue('3');
  // across the year end
  await picker.getByRole('link', { name: /^前月/ }).click();
  await picker.getByRole('link', { name: /^前月/ }).click();
  await picker.getByRole('link', { name: /^前月/ }).click();
  await expect(page).toHaveURL(/month=202412$/);
  await expect(picker).toContainText('2024年12月');
});
