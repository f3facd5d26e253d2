// 一括送信's 全選択 takes every row, the ones that cannot be sent included (so 全選択 → 削除
// clears the list); 一括送信 then sends the rows that can go and says how many it skips.
import { makePlanUnit } from '../support/csvgen';
import { asTestFiles, CARE_OFFICE, HOME_HELP_OFFICE } from '../support/files';
import { expect, test } from './support/browsers';
import { CARE_MANAGER } from './support/people';

test('全選択 selects every row: 一括送信 skips the refused ones and says so, 削除 removes them all', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '一括送信');
  const unit = makePlanUnit({ sender: CARE_OFFICE, destination: HOME_HELP_OFFICE, sequence: '20250402090000' });
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles([...unit, { name: 'plan_april.csv', bytes: unit[0]!.bytes }]));
  const rows = page.locator('.batch-table tbody');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'plan_april.csv' })).toContainText('送信できません');
  await expect(rows.filter({ hasText: HOME_HELP_OFFICE })).toContainText('未送信');

  await page.getByRole('button', { name: '全選択', exact: true }).click();
  await expect(page.locator('.batch-table tbody input[type=checkbox]:checked')).toHaveCount(2);
  await page.getByRole('button', { name: '一括送信', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: '一括送信の確認' });
  await expect(confirm).toContainText('選択した 1 件(送信先 1 事業所)を送信します');
  await expect(confirm).toContainText('送信できない 1 件は送信しません');
  await confirm.getByRole('button', { name: 'キャンセル' }).click();

  await page.getByRole('button', { name: '削除', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '削除の確認' })).toContainText('選択した 2 件を一覧から削除します');
  await page.getByRole('dialog', { name: '削除の確認' }).getByRole('button', { name: 'OK' }).click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('一覧は空です')).toBeVisible();
});
