// The 一時保存 / 送信 bar of 新規作成 stays at the bottom of the screen (送信 always reachable) but
// never covers the field the user goes to, and it is opaque, so nothing shows through its text.
import { makeCsvFile } from '../support/csvgen';
import { asTestFiles, CARE_OFFICE, HOME_HELP_OFFICE } from '../support/files';
import { expect, test } from './support/browsers';
import { CARE_MANAGER } from './support/people';

test('新規作成: a field scrolled to stops above the sticky bar, at 390 and 1366 px; the bar is opaque', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  const plan = makeCsvFile('UPPLAN', { sender: CARE_OFFICE, destination: HOME_HELP_OFFICE });
  await page.getByLabel('ファイルを選択').setInputFiles(asTestFiles([plan, { name: 'plan_april.csv', bytes: plan.bytes }]));
  await expect(page.locator('#compose-send-block')).toBeVisible();

  for (const size of [{ width: 390, height: 844 }, { width: 1366, height: 700 }]) {
    await page.setViewportSize(size);
    for (const selector of ['label[for="compose-destination"]', '#compose-destination', 'label[for="compose-message"]', '#compose-message']) {
      // brought to the bottom edge of the screen, where the sticky bar sits
      const onTop = await page.locator(selector).evaluate((element) => {
        element.scrollIntoView({ block: 'end' });
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.bottom - 2);
        return hit !== null && (element === hit || element.contains(hit));
      });
      expect(onTop, `${selector} at ${size.width}px`).toBe(true);
    }
  }

  await page.setViewportSize({ width: 1366, height: 900 });
  const background = await page.locator('.compose-actions').evaluate((bar) => getComputedStyle(bar).backgroundColor);
  expect(background).toMatch(/^rgb\(/);
});
