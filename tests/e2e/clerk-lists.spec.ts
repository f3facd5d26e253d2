// The clerk's month (issue 12), lists: filters and もっと見る over the relay's pages, the same
// filters offline over what the device kept (and the screen says so), the 未 badge appearing
// without a reload, and choosing a destination by name.
import { minimalPdf } from '../support/files';
import { apiAs, sendThroughApi } from './support/api';
import { expect, test } from './support/browsers';
import { openScreen, screenHeading } from './support/login';
import { RECEIVED_TABLE } from './support/messages';
import { CARE_MANAGER, HOME_HELPER } from './support/people';

const rows = (page: import('@playwright/test').Page) => page.getByRole('table', { name: RECEIVED_TABLE }).locator('tbody tr');

test('filters and もっと見る page through the relay; offline the same filters run over the kept copy', async ({ offices }) => {
  const stamp = `頁${Date.now().toString(36)}`;
  const api = await apiAs(CARE_MANAGER);
  for (let i = 0; i < 55; i++) await sendThroughApi(api, HOME_HELPER.office, [minimalPdf(`資料${i}.pdf`)], `${stamp} 第${i}号${i === 7 ? ' 特記' : ''}`);
  await api.dispose();

  const page = await offices.openAs(HOME_HELPER, '受信一覧');
  await page.getByLabel('検索', { exact: true }).fill(stamp);
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first()).toContainText(`${stamp} 第54号`);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(stamp)}`));
  await page.getByRole('button', { name: 'もっと見る' }).click();
  await expect(rows(page)).toHaveCount(55);
  await expect(page.getByText('55件を表示(すべて表示しました)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'もっと見る' })).toHaveCount(0);

  // 古い順, and a narrower search; the address keeps them across a reload
  await page.getByLabel('並び順').selectOption({ label: '古い順' });
  await expect(rows(page).first()).toContainText(`${stamp} 第0号`);
  await page.getByLabel('検索', { exact: true }).fill(`${stamp} 第7号`);
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(rows(page)).toHaveCount(1);
  await page.reload();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByLabel('検索', { exact: true })).toHaveValue(`${stamp} 第7号`);

  // 状況 and 相手先 (by name) under 詳しい条件
  await page.getByRole('button', { name: '条件をクリア' }).click();
  await page.getByText('詳しい条件').click();
  await page.getByLabel('相手先').fill('れんけい');
  await page.getByLabel('検索', { exact: true }).fill(stamp);
  await page.getByLabel('状況').selectOption('済');
  await expect(page.getByText('条件に合うメッセージはありません')).toBeVisible();
  await page.getByLabel('状況').selectOption('未');
  await expect(rows(page)).toHaveCount(50);

  // offline: the list comes from this device, filtered the same way, and says so
  await page.context().setOffline(true);
  await page.getByLabel('状況').selectOption('');
  await page.getByLabel('検索', { exact: true }).fill('特記');
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(page.getByText(/オフライン表示: この端末に保存した\d+件から絞り込んでいます\(1件\)/)).toBeVisible();
  // 未をまとめてダウンロード cannot run offline: the greyed button says why, beside it
  await expect(page.getByRole('button', { name: /^未をまとめてダウンロード/ })).toBeDisabled();
  await expect(page.getByText('オフラインのため使えません。接続が戻るとダウンロードできます')).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(`${stamp} 第7号 特記`);
  await page.getByLabel('検索', { exact: true }).fill(stamp);
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(rows(page)).toHaveCount(50);
  await page.getByRole('button', { name: 'もっと見る' }).click();
  await expect(rows(page)).toHaveCount(55);
  // a kept message opens offline with the same calm note, not a red 「サーバーに接続できません」
  await rows(page).first().getByRole('link').first().click();
  await expect(screenHeading(page, '受信メッセージ')).toBeVisible();
  await expect(page.getByText('オフライン表示: この端末に保存した内容です')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.context().setOffline(false);
});

test('the 未 badge on 受信一覧 and the count on トップ appear without a reload', async ({ offices }) => {
  const page = await offices.openAs(HOME_HELPER, '受信一覧');
  await openScreen(page, 'トップ');
  await expect(screenHeading(page, 'トップ')).toBeVisible();
  const described = page.locator('#nav-unread');
  const before = (await described.count()) > 0 ? Number((await described.textContent())!.replace(/\D/g, '')) : 0;

  const api = await apiAs(CARE_MANAGER);
  await sendThroughApi(api, HOME_HELPER.office, [minimalPdf('新着.pdf')], '新着のお知らせ');
  await api.dispose();
  // the person comes back to the app (the minute's timer would do the same)
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByRole('link', { name: '受信一覧', exact: true })).toHaveAccessibleDescription(`未ダウンロード ${before + 1}件`);
  await expect(page.getByRole('navigation').locator('.nav-count')).toHaveText(String(before + 1));
  await expect(page.getByText(`ダウンロードしていない受信メッセージ(未)が ${before + 1} 件あります。`)).toBeVisible();
});

test('a PDF-only send finds its destination by name in the office directory', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  await page.getByLabel('ファイルを選択').setInputFiles(minimalPdf('名前で探す.pdf'));
  await page.getByText('事業所名・事業所番号で送信先を探す').click();
  await page.getByLabel('事業所名または事業所番号の先頭').fill('さくら');
  await page.getByRole('button', { name: /3310000017 さくら訪問介護ステーション/ }).click();
  await expect(page.getByLabel('送信先事業所番号')).toHaveValue(HOME_HELPER.office);
  await expect(page.getByText('さくら訪問介護ステーション').first()).toBeVisible();
  await openScreen(page, 'トップ');
});
