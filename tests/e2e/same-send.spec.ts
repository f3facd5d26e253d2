// 送信確認 warns (does not block) when the same send unit — same destination, same file names
// with their 連番 — was already sent from this device.
import { CARE_OFFICE, HOME_HELP_OFFICE, planUnit, uniqueSequence } from '../support/files';
import { expect, test } from './support/browsers';
import { compose } from './support/messages';
import { CARE_MANAGER } from './support/people';
import { apiAs, sendThroughApi } from './support/api';

test('the same 予定 sent twice: 送信確認 says when it went, and still lets it go', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER);
  const files = planUnit(CARE_OFFICE, HOME_HELP_OFFICE, uniqueSequence());
  await compose(page, files);
  await page.getByRole('button', { name: '送信', exact: true }).click();
  const first = page.getByRole('dialog', { name: '送信確認' });
  await expect(first).toContainText('以上の内容で送信してよろしいですか?');
  await expect(first.getByText(/同じファイル/)).toHaveCount(0);
  await first.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: '送信一覧' })).toBeVisible();
  await expect(page.getByRole('table', { name: '送信したメッセージ' })).toContainText(files[0]!.name);

  await compose(page, files);
  await page.getByRole('button', { name: '送信', exact: true }).click();
  const again = page.getByRole('dialog', { name: '送信確認' });
  await expect(again.getByRole('alert')).toHaveText(/^同じファイル(を \d{1,2}月\d{1,2}日 \d{1,2}:\d{2} に送信済みです|が送信トレイにあります)/);
  await again.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('送信を受け付けました')).toBeVisible();
  await expect(page.getByRole('heading', { name: '送信一覧' })).toBeVisible();

  // another 連番 is another send unit: no warning
  await compose(page, planUnit(CARE_OFFICE, HOME_HELP_OFFICE, uniqueSequence()));
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '送信確認' })).toContainText('以上の内容で送信してよろしいですか?');
  await expect(page.getByRole('dialog', { name: '送信確認' }).getByText(/同じファイル/)).toHaveCount(0);
});

test('一括送信の確認 warns in the same words about a row already sent, and can leave it out', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '一括送信');
  const sent = planUnit(CARE_OFFICE, HOME_HELP_OFFICE, uniqueSequence());
  const rows = page.locator('.batch-table tbody');
  const choose = (files: typeof sent) => page.getByLabel('ファイルを選択').setInputFiles(files);

  // an empty list: the button says why nothing can be chosen
  await page.getByRole('button', { name: '一括送信', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('一覧に行がありません。先にCSVファイルをドロップするか「ファイルを選択」で追加してください。');
  await choose(sent);
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: '全選択', exact: true }).click();
  await page.getByRole('button', { name: '一括送信', exact: true }).click();
  const first = page.getByRole('dialog', { name: '一括送信の確認' });
  await expect(first).toContainText('選択した 1 件(送信先 1 事業所)を送信します');
  // 「以上の内容」: the rows that go are listed in the dialog
  await expect(first.getByRole('list', { name: '送信する行' }).getByRole('listitem')).toHaveText([new RegExp(`^${HOME_HELP_OFFICE} `)]);
  await expect(first.getByText(/同じファイル/)).toHaveCount(0);
  await first.getByRole('button', { name: 'OK' }).click();
  const progress = page.getByRole('dialog', { name: '一括送信' });
  await expect(progress).toContainText('成功 1 件 / 失敗 0 件');
  await progress.getByRole('button', { name: 'OK' }).click();
  await expect(rows).toHaveCount(0);

  // the same unit again, beside a new one
  const fresh = planUnit(CARE_OFFICE, HOME_HELP_OFFICE, uniqueSequence());
  await choose([...sent, ...fresh]);
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: '全選択', exact: true }).click();
  await page.getByRole('button', { name: '一括送信', exact: true }).click();
  const again = page.getByRole('dialog', { name: '一括送信の確認' });
  const warning = again.getByRole('alert');
  await expect(warning).toContainText('同じファイルを送ったことがある行が 1 件あります');
  await expect(warning.getByRole('listitem')).toHaveCount(1);
  await expect(warning.getByRole('listitem')).toHaveText(new RegExp(`^${HOME_HELP_OFFICE} .*: 同じファイル(を \\d{1,2}月\\d{1,2}日 \\d{1,2}:\\d{2} に送信済みです|が送信トレイにあります)`));
  await expect(warning).toContainText('もう一度送る場合だけ OK を押してください。');
  await again.getByRole('button', { name: 'この 1 件を除いて送信' }).click();
  await expect(progress).toContainText('成功 1 件 / 失敗 0 件');
  await progress.getByRole('button', { name: 'OK' }).click();
  // the repeated unit stays in the list, not sent
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('未送信');
  await expect(rows.first()).toContainText(sent[0]!.name.slice(-19));
});

test('a unit a colleague already sent (seen in 送信一覧 on this device) is warned of too', async ({ offices }) => {
  const files = planUnit(CARE_OFFICE, HOME_HELP_OFFICE, uniqueSequence());
  // sent from another device of the same office
  const api = await apiAs(CARE_MANAGER);
  await sendThroughApi(api, HOME_HELP_OFFICE, files.map((f) => ({ name: f.name, buffer: f.buffer })));
  await api.dispose();
  const page = await offices.openAs(CARE_MANAGER, '送信一覧');
  await expect(page.getByRole('table', { name: '送信したメッセージ' })).toContainText(files[0]!.name);
  await compose(page, files);
  await page.getByRole('button', { name: '送信', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '送信確認' });
  await expect(dialog.getByRole('alert')).toHaveText(/^同じファイルを \d{1,2}月\d{1,2}日 \d{1,2}:\d{2} に送信済みです/);
});
