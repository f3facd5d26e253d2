// 対象年月 in Japanese even where Chromium's own language is English: ◀ 前月 / 2026年10月 /
// 翌月 ▶ and a 年・月 select pair, by keyboard, the month kept in the address — on 月次チェック,
// and in the filters of 受信一覧 / 送信一覧, where it may also be 指定なし.
import { makePlanUnit } from '../support/csvgen';
import { asTestFiles, CARE_OFFICE, HOME_HELP_OFFICE, uniqueSequence } from '../support/files';
import { apiAs, sendThroughApi } from './support/api';
import { expect, test } from './support/browsers';
import { RECEIVED_TABLE } from './support/messages';
import { signIn } from './support/login';
import { CARE_MANAGER, HOME_HELPER } from './support/people';

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

test('受信一覧 対象年月 filter: 指定なし at first, 年・月 and ◀ 前月 by keyboard, kept in the address, back to 指定なし', async ({ offices }) => {
  const stamp = `月${Date.now().toString(36)}`;
  const year = new Date().getFullYear() - 1;
  const api = await apiAs(CARE_MANAGER);
  for (const month of ['10', '09']) {
    const unit = makePlanUnit({ sender: CARE_OFFICE, destination: HOME_HELP_OFFICE, month: `${year}${month}`, sequence: uniqueSequence() });
    await sendThroughApi(api, HOME_HELPER.office, asTestFiles(unit), `${stamp} ${Number(month)}月分`);
  }
  await api.dispose();

  const page = await offices.openAs(HOME_HELPER, '受信一覧');
  const rows = page.getByRole('table', { name: RECEIVED_TABLE }).locator('tbody tr');
  await page.getByLabel('検索', { exact: true }).fill(stamp);
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(rows).toHaveCount(2);
  await page.getByText('詳しい条件').click();
  const picker = page.getByRole('group', { name: '対象年月' });
  await expect(picker).toContainText('指定なし');
  await expect(page.locator('input[type="month"]')).toHaveCount(0);
  await expect(picker.getByLabel('年', { exact: true })).toHaveValue('');
  await expect(picker.getByRole('button', { name: /^前月/ })).toHaveCount(0);

  // a year alone is this month of that year; then the month
  await picker.getByLabel('年', { exact: true }).selectOption(String(year));
  const thisMonth = String(new Date().getMonth() + 1).padStart(2, '0');
  await expect(page).toHaveURL(new RegExp(`month=${year}${thisMonth}`));
  await picker.getByLabel('月', { exact: true }).selectOption('10');
  await expect(page).toHaveURL(new RegExp(`month=${year}10`));
  await expect(picker).toContainText(`${year}年10月`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${stamp} 10月分`);

  // keyboard: ◀ 前月 keeps the focus once the list follows, so it can be pressed again
  await picker.getByRole('button', { name: `前月(${year}年9月)` }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`month=${year}09`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${stamp} 9月分`);
  await expect(picker.getByRole('button', { name: `前月(${year}年8月)` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker).toContainText(`${year}年8月`);
  await expect(page.getByText('条件に合うメッセージはありません')).toBeVisible();
  await page.getByRole('button', { name: `翌月(${year}年9月)` }).click();

  // the address keeps it across a reload (in the grid, with the search)
  await page.reload();
  await expect(page.getByRole('group', { name: '対象年月' })).toContainText(`${year}年9月`);
  await expect(page.getByRole('group', { name: '対象年月' }).getByLabel('月', { exact: true })).toHaveValue('9');
  await expect(rows).toHaveCount(1);

  await page.getByRole('button', { name: '指定なしにする' }).click();
  await expect(page).not.toHaveURL(/month=/);
  await expect(page.getByRole('group', { name: '対象年月' })).toContainText('指定なし');
  await expect(page.getByRole('group', { name: '対象年月' }).getByLabel('年', { exact: true })).toBeFocused();
  await expect(rows).toHaveCount(2);
});

test('on a phone, by touch: 送信一覧 前月・翌月 are taps, 指定なしにする too', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await signIn(page, CARE_MANAGER, '送信一覧');
    await page.goto('/#/sent?month=202510');
    const picker = page.getByRole('group', { name: '対象年月' });
    await expect(picker).toContainText('2025年10月');
    await picker.getByRole('button', { name: '前月(2025年9月)' }).tap();
    await expect(page).toHaveURL(/month=202509/);
    await page.getByRole('group', { name: '対象年月' }).getByRole('button', { name: '翌月(2025年10月)' }).tap();
    await expect(page).toHaveURL(/month=202510/);
    await page.getByRole('button', { name: '指定なしにする' }).tap();
    await expect(page).not.toHaveURL(/month=/);
    await expect(page.getByRole('group', { name: '対象年月' })).toContainText('指定なし');
  } finally {
    await context.close();
  }
});
