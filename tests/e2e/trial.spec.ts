// What a new user met in a hand trial of a month (session 5): input a Japanese keyboard gives
// (full-width digits), a long message pasted whole, and one drop on 一括送信 naming more offices
// than the list takes. Each failed before its fix.
import { expect, test } from '@playwright/test';
import { planCsv, minimalPdf, uniqueSequence, CARE_OFFICE, HOME_HELP_OFFICE, DAY_SERVICE_OFFICE } from '../support/files';
import { compose } from './support/messages';
import { loginAsPerson, openScreen, screenHeading, signIn } from './support/login';
import { CARE_MANAGER } from './support/people';

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
