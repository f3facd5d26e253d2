// throwaway walkthrough (not committed): provider side, screenshots at four widths
import type { Page } from '@playwright/test';
import { expect, test } from './support/browsers';
import { openScreen } from './support/login';
import { compose, listRow, RECEIVED_TABLE, sendAndConfirm } from './support/messages';
import { CARE_MANAGER, DAY_SERVICE, HOME_HELPER } from './support/people';
import { CARE_OFFICE, DAY_SERVICE_OFFICE, HOME_HELP_OFFICE, actualsCsv, minimalPdf, planUnit, uniqueSequence } from '../support/files';

const WIDTHS = [390, 768, 1024, 1366];
async function shots(page: Page, name: string) {
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `/tmp/ops/shots/${name}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1024, height: 900 });
}

test('provider walk', async ({ offices }) => {
  test.setTimeout(180_000);
  const ds = await offices.openAs(DAY_SERVICE);
  await shots(ds, '01-received-empty');
  await openScreen(ds, '送信一覧');
  await shots(ds, '02-sent-empty');

  const cm = await offices.openAs(CARE_MANAGER);
  const seq = uniqueSequence();
  await compose(cm, [...planUnit(CARE_OFFICE, HOME_HELP_OFFICE, seq), minimalPdf()], '1月分の予定です。');
  await sendAndConfirm(cm);
  await compose(cm, [...planUnit(CARE_OFFICE, HOME_HELP_OFFICE, uniqueSequence())], '2通目');
  await sendAndConfirm(cm);

  const hh = await offices.openAs(HOME_HELPER);
  const row = await listRow(hh, RECEIVED_TABLE, `_${seq}.csv`);
  await shots(hh, '03-received-list');
  await row.getByRole('link').click();
  await expect(hh.getByText('1月分の予定です。')).toBeVisible();
  await shots(hh, '04-detail');
  const all = hh.getByRole('button', { name: /一括|すべて/ });
  console.log('bulk download buttons:', await all.allTextContents());
  // a 実績 with the wrong destination (another office) and one for a month with no plan
  await compose(hh, [actualsCsv(HOME_HELP_OFFICE, DAY_SERVICE_OFFICE, uniqueSequence())], '');
  await hh.waitForTimeout(800);
  await shots(hh, '05-compose-actuals-to-ds');
  await compose(hh, [actualsCsv(DAY_SERVICE_OFFICE, CARE_OFFICE, uniqueSequence())], '');
  await hh.waitForTimeout(800);
  await shots(hh, '06-compose-foreign-sender');
  const actuals = actualsCsv(HOME_HELP_OFFICE, CARE_OFFICE, uniqueSequence());
  await openScreen(hh, 'トップ');
  await compose(hh, [actuals], '1月分の実績です。');
  await hh.waitForTimeout(800);
  await shots(hh, '07-compose-actuals');
  await sendAndConfirm(hh);
  await shots(hh, '08-sent-list');
  await openScreen(cm, '受信一覧');
  await listRow(cm, RECEIVED_TABLE, actuals.name);
  await shots(cm, '09-cm-received');
  // keyboard: tab through the received list
  await openScreen(hh, '受信一覧');
  for (let i = 0; i < 12; i++) await hh.keyboard.press('Tab');
  await shots(hh, '10-keyboard');
});
