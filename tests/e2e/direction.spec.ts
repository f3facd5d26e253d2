// Who sends which file, in Chromium against the real relay: a provider cannot address a 予定 to
// a 居宅 (新規作成 and 一括送信 say who sends it), while its 実績 to that 居宅 is fine.
import { actualsCsv, CARE_OFFICE, HOME_HELP_OFFICE, planUnit, uniqueSequence } from '../support/files';
import { expect, test } from './support/browsers';
import { openScreen } from './support/login';
import { compose } from './support/messages';
import { CARE_MANAGER, HOME_HELPER } from './support/people';

const WHO = '居宅介護支援事業所(地域包括支援センター等を含む)からサービス事業所へ送るファイルです';
const FROM = `送信元 ${HOME_HELP_OFFICE}(11 訪問介護。事業所の登録による)からは送れません`;

test('新規作成: a 予定 from a provider is refused, saying who sends it', async ({ offices }) => {
  const page = await offices.openAs(HOME_HELPER);
  const files = planUnit(HOME_HELP_OFFICE, CARE_OFFICE);
  await compose(page, files);
  const alert = page.getByRole('alert').filter({ hasText: WHO });
  await expect(alert).toContainText(`${files[0]!.name}: 第6表(予定)(UPPLAN)は${WHO}。${FROM}`);
  await expect(alert).toContainText(`${files[1]!.name}: 第7表(UPSIKYU)は${WHO}`);
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '送信確認' })).toHaveCount(0);
  // nothing dropped is lost: the files stay listed to be removed or replaced
  for (const file of files) await expect(page.getByRole('row').filter({ hasText: file.name })).toHaveCount(1);
});

test('新規作成: the 実績 from the provider to the 居宅 goes', async ({ offices }) => {
  const page = await offices.openAs(HOME_HELPER);
  await compose(page, [actualsCsv(HOME_HELP_OFFICE, CARE_OFFICE, uniqueSequence())]);
  await expect(page.getByRole('alert').filter({ hasText: 'からは送れません' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '送信', exact: true })).not.toHaveAccessibleDescription(/送信できません/);
});

test('a 居宅 that drops a 実績 sees the refusal, never the provider\'s 送信前チェック (新規作成 and 一括送信)', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER);
  const actual = actualsCsv(CARE_OFFICE, HOME_HELP_OFFICE, uniqueSequence());
  await compose(page, [actual]);
  await expect(page.getByRole('alert').filter({ hasText: 'サービス事業所から居宅介護支援事業所' })).toBeVisible();
  await expect(page.getByText('送信前チェック')).toHaveCount(0);
  await openScreen(page, '一括送信');
  await page.getByLabel('ファイルを選択').setInputFiles([actual]);
  await expect(page.getByRole('table', { name: '一括送信の一覧' })).toContainText('送信できません');
  await expect(page.getByText('送信前チェック')).toHaveCount(0);
});

test('一括送信: the row of a provider\'s 予定 is marked with who sends it, and cannot be sent', async ({ offices }) => {
  const page = await offices.openAs(HOME_HELPER);
  await openScreen(page, '一括送信');
  const files = planUnit(HOME_HELP_OFFICE, CARE_OFFICE);
  await page.getByLabel('ファイルを選択').setInputFiles(files);
  const row = page.getByRole('table', { name: '一括送信の一覧' }).locator('tbody').filter({ hasText: files[0]!.name.slice(0, 12) });
  await expect(row).toContainText('送信できません');
  await expect(row).toContainText(`第6表(予定)(UPPLAN)は${WHO}`);
});
