// The 一時保存 / 送信 bar of 新規作成 never covers the form: on a phone it is not sticky (it sits
// after the メッセージ), and where it is sticky it is opaque, so nothing shows through its text.
import { makeCsvFile } from '../support/csvgen';
import { asTestFiles, CARE_OFFICE, HOME_HELP_OFFICE } from '../support/files';
import { expect, test } from './support/browsers';
import { CARE_MANAGER } from './support/people';

test('新規作成 at 390 px: the bar covers none of the fields; at 1366 px it is opaque', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  const plan = makeCsvFile('UPPLAN', { sender: CARE_OFFICE, destination: HOME_HELP_OFFICE });
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles([plan, { name: 'plan_april.csv', bytes: plan.bytes }]));
  await expect(page.locator('#compose-send-block')).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  for (const selector of ['label[for="compose-destination"]', '#compose-destination', 'label[for="compose-message"]', '#compose-message']) {
    // at the bottom edge of the screen, where a sticky bar would sit over it
    const onTop = await page.locator(selector).evaluate((element) => {
      element.scrollIntoView({ block: 'end' });
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.bottom - 2);
      return hit !== null && (element === hit || element.contains(hit));
    });
    expect(onTop, selector).toBe(true);
  }

  await page.setViewportSize({ width: 1366, height: 900 });
  const background = await page.locator('.compose-actions').evaluate((bar) => getComputedStyle(bar).backgroundColor);
  expect(background).toMatch(/^rgb\(/);
});
