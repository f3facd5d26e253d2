// The 第6表 month grid in the プレビュー: from 1024 px every day of a 31-day month and the 合計
// fit without scrolling; on a phone the grid scrolls sideways and says so (a hint, an edge
// shadow), the service column staying on the left.
import type { Locator, Page } from '@playwright/test';
import { makePlanUnit, PEOPLE } from '../support/csvgen';
import { asTestFiles, CARE_OFFICE, HOME_HELP_OFFICE, uniqueSequence } from '../support/files';
import { expect, test } from './support/browsers';
import { compose } from './support/messages';
import { CARE_MANAGER } from './support/people';

async function openGrid(page: Page): Promise<Locator> {
  const files = makePlanUnit({ month: '202510', sequence: uniqueSequence(), sender: CARE_OFFICE, destination: HOME_HELP_OFFICE });
  const plan = files[0]!;
  await compose(page, asTestFiles(files));
  await page.getByRole('button', { name: `${plan.name} をプレビュー` }).click();
  const preview = page.getByRole('region', { name: `プレビュー: ${plan.name}` });
  const box = preview.getByRole('region', { name: new RegExp(`被保険者番号 ${PEOPLE[0]!.insured}.* の予定表`) });
  await expect(box.getByRole('columnheader')).toHaveCount(1 + 31 + 1);
  return box;
}

for (const width of [1024, 1366]) {
  test(`${width} px: all 31 days and 合計 fit, nothing to scroll`, async ({ offices }) => {
    const page = await offices.openAs(CARE_MANAGER);
    await page.setViewportSize({ width, height: 900 });
    const box = await openGrid(page);
    const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
    const frame = (await box.boundingBox())!;
    const total = (await box.getByRole('columnheader', { name: '合計' }).boundingBox())!;
    expect(total.x + total.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
    await expect(page.getByText('表は横にスクロールできます')).toHaveCount(0);
  });
}

test('390 px: the grid scrolls sideways with a hint and an edge shadow; the service column stays', async ({ offices }) => {
  const page = await offices.openAs(CARE_MANAGER);
  await page.setViewportSize({ width: 390, height: 844 });
  const box = await openGrid(page);
  await expect(page.getByText('表は横にスクロールできます(1〜31日・合計)').first()).toBeVisible();
  const frame = box.locator('xpath=..');
  await expect(frame).toHaveClass(/csv-more-right/);
  await expect.poll(() => frame.evaluate((el) => getComputedStyle(el, '::after').opacity)).toBe('1');
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(frame).toHaveClass(/csv-more-left/);
  await expect(frame).not.toHaveClass(/csv-more-right/);
  const left = (await box.boundingBox())!.x;
  const service = (await box.getByRole('columnheader', { name: 'サービス' }).boundingBox())!;
  expect(Math.abs(service.x - left)).toBeLessThanOrEqual(2);
  const total = (await box.getByRole('columnheader', { name: '合計' }).boundingBox())!;
  expect(total.x + total.width).toBeLessThanOrEqual(left + (await box.boundingBox())!.width + 1);
});
