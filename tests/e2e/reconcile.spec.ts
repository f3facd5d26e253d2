// 予定 ⇄ 実績 (issue 16) in two browsers against the real relay: cm01 sends the 予定 to hh01,
// hh01 downloads it and sends a 実績 with exactly three differences (送信前チェック warns, does not
// block), cm01 sees exactly those three in the person view and 差異あり in 月次チェック — and the
// same after the relay's copies of both messages were deleted as retention deletes them.
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { dayText, defaultCheckMonth, monthLabel, sequenceText } from '../../src/domain/reconcile';
import { makeCsvFile } from '../support/csvgen';
import { asTestFiles, uniqueSequence } from '../support/files';
import { deleteAsRetention } from '../support/retention';
import { actualFile, numberedPeople, planFile, weeklyVisits, type Visit } from '../support/usage-files';
import { apiAs, listMessages } from './support/api';
import { expect, test } from './support/browsers';
import { openScreen } from './support/login';
import { compose, openReceived, sendAndConfirm } from './support/messages';
import { CARE_MANAGER, HOME_HELPER } from './support/people';

const DATA_DIR = resolve(process.env.E2E_DATA_DIR ?? '.tmp/e2e-data');
// people no other test sends for, in last month: within what the device keeps (12 months)
const MONTH = defaultCheckMonth(new Date());
const [HANAKO, TARO] = numberedPeople(2, 9100) as [ReturnType<typeof numberedPeople>[0], ReturnType<typeof numberedPeople>[0]];

// 身体介護 on Mondays and Thursdays 09:00, 生活援助 on Wednesdays 14:00
const planned = weeklyVisits(MONTH);
const [missed, late] = planned.filter((v) => v.code === '111211');
const wednesday = planned.find((v) => v.code === '112111')!;
/** 花子's 実績: one 身体介護 missed, the next half an hour later, an extra one on a Wednesday afternoon. */
const delivered: Visit[] = [
  ...planned.filter((v) => v !== missed).map((v) => (v === late ? { ...v, start: '0930', end: '1030' } : v)),
  { day: wednesday.day, code: '111211', start: '1600', end: '1700', units: 387 },
];
/** The three lines with a difference, in the order of their days. */
const DIFFERENCES = [
  { day: missed!.day!, text: '予定のみ' },
  { day: late!.day!, text: '時間 09:00–10:00 → 09:30–10:30' },
  { day: wednesday.day!, text: '実績のみ' },
].sort((a, b) => a.day - b.day);

async function monthlyRow(page: Page, insured: string) {
  await openScreen(page, '月次チェック');
  const picker = page.getByRole('group', { name: '対象年月' });
  await picker.getByLabel('年', { exact: true }).selectOption(MONTH.slice(0, 4));
  await picker.getByLabel('月', { exact: true }).selectOption(String(Number(MONTH.slice(4))));
  return page.getByRole('region', { name: /送った予定と届いた実績/ }).getByRole('row').filter({ hasText: insured });
}

/** The person view's lines with a difference: 予定のみ, 実績のみ, 変更. */
async function expectThreeDifferences(page: Page) {
  await expect(page.getByRole('heading', { name: '予定 ⇄ 実績', level: 1 })).toBeVisible();
  await expect(page.getByText(HANAKO.name).first()).toBeVisible();
  await page.getByLabel('差異のある行だけ表示').check();
  const rows = page.getByRole('table', { name: /の予定と実績/ }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (const [i, { day, text }] of DIFFERENCES.entries()) {
    await expect(rows.nth(i)).toContainText(dayText(day, MONTH));
    await expect(rows.nth(i)).toContainText(text);
  }
}

test('cm01 sees exactly the three differences of hh01\'s 実績, also after the relay deleted its copies', async ({ offices }) => {
  const sequence = uniqueSequence();
  const people = [HANAKO, TARO];
  const plan = [
    planFile([{ person: HANAKO, visits: planned }, { person: TARO, visits: planned }], { month: MONTH, sequence }),
    makeCsvFile('UPSIKYU', { month: MONTH, people, sequence }),
    makeCsvFile('UPHOSOKU', { month: MONTH, people, sequence }),
  ];
  const actual = actualFile([{ person: HANAKO, visits: delivered }, { person: TARO, visits: planned }], { month: MONTH, sequence: uniqueSequence() });

  // cm01 sends the 予定 (第6表 + 第7表 + 補足)
  const careManager = await offices.openAs(CARE_MANAGER, '新規作成');
  await compose(careManager, asTestFiles(plan), '11月分の予定です');
  await sendAndConfirm(careManager);

  // hh01 downloads it, then drops its 実績 into 新規作成: 送信前チェック warns and lets it go
  const provider = await offices.openAs(HOME_HELPER);
  await openReceived(provider, plan[0]!.name);
  for (const file of [plan[0]!, plan[2]!]) {
    await Promise.all([provider.waitForEvent('download'), provider.getByRole('button', { name: `${file.name} をダウンロード` }).click()]);
  }
  await compose(provider, asTestFiles([actual]), '11月分の実績です');
  const check = provider.getByRole('region', { name: /送信前チェック/ });
  await expect(check).toContainText('差異あり 1人');
  await expect(check.getByText(/差異 3件/)).toBeVisible();
  await sendAndConfirm(provider);

  // cm01 opens the 実績 and compares it with the 予定 it sent
  await openReceived(careManager, actual.name);
  await careManager.getByRole('button', { name: 'ダウンロードして予定と比べる' }).click();
  const compared = careManager.getByRole('region', { name: '予定と比べる' });
  await expect(compared.getByRole('listitem').filter({ hasText: TARO.name })).toContainText('一致');
  const hanako = compared.getByRole('listitem').filter({ hasText: HANAKO.name });
  await expect(hanako).toContainText('差異あり');
  await expect(hanako).toContainText('差異 3件');
  await hanako.getByRole('link').click();
  await expectThreeDifferences(careManager);
  // the version compared: the 予定 sent, by its 連番
  await expect(careManager.getByText(`連番 ${sequenceText(sequence)}`)).toBeVisible();

  const row = await monthlyRow(careManager, HANAKO.insured);
  await expect(row).toContainText('差異あり');
  await expect(row).toContainText('3件');
  await expect((await monthlyRow(careManager, TARO.insured))).toContainText('一致');

  // the relay deletes both messages, as its retention does after 30 days
  const api = await apiAs(CARE_MANAGER);
  type Listed = { id: string; files: { name: string }[] };
  const holding = (list: Listed[], name: string) => list.filter((m) => m.files.some((f) => f.name === name)).map((m) => m.id);
  const ids = [...holding(await listMessages<Listed>(api, 'sent'), plan[0]!.name), ...holding(await listMessages<Listed>(api, 'received'), actual.name)];
  expect(ids).toHaveLength(2);
  expect(await deleteAsRetention(DATA_DIR, ids)).toBe(2);
  expect(holding(await listMessages<Listed>(api, 'sent'), plan[0]!.name)).toEqual([]);
  await api.dispose();

  // the same page, reloaded: drawn from this device's records
  await careManager.reload();
  const after = careManager.getByRole('region', { name: /送った予定と届いた実績/ }).getByRole('row').filter({ hasText: HANAKO.insured });
  await expect(after).toContainText('差異あり');
  await expect(after).toContainText('3件');
  await expect(careManager.getByText('サーバーと照合しました。')).toBeVisible();
  await after.getByRole('link').click();
  await expectThreeDifferences(careManager);

  // and offline
  await careManager.context().setOffline(true);
  const offline = await monthlyRow(careManager, HANAKO.insured);
  await expect(careManager.getByText('オフラインです。この端末に保存した予定・実績で表示しています。')).toBeVisible();
  await expect(offline).toContainText('差異あり');
});

test('月次チェック opens at last month; the months the device holds are links to their check', async ({ offices }) => {
  // next month's 予定, sent late this month: not the month the screen opens at
  const now = new Date();
  const next = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  const month = `${next.getFullYear()}${String(next.getMonth() + 1).padStart(2, '0')}`;
  const [person] = numberedPeople(1, 9300) as [ReturnType<typeof numberedPeople>[0]];
  const sequence = uniqueSequence();
  const plan = [
    planFile([{ person, visits: weeklyVisits(month) }], { month, sequence }),
    makeCsvFile('UPSIKYU', { month, people: [person], sequence }),
    makeCsvFile('UPHOSOKU', { month, people: [person], sequence }),
  ];
  const page = await offices.openAs(CARE_MANAGER, '新規作成');
  await compose(page, asTestFiles(plan), '来月分の予定です');
  await sendAndConfirm(page);

  await openScreen(page, '月次チェック');
  // it opens at last month (other tests of this run may have sent for that month, so its rows are not asserted)
  const lastMonth = defaultCheckMonth(now);
  await expect(page.locator('#month-picker-year')).toHaveValue(String(Number(lastMonth.slice(0, 4))));
  await expect(page.locator('#month-picker-month')).toHaveValue(String(Number(lastMonth.slice(4))));
  await expect(page.getByRole('row').filter({ hasText: person.insured })).toHaveCount(0);
  await page.getByRole('region', { name: 'この端末に保存している予定・実績' }).getByRole('link', { name: monthLabel(month) }).click();
  await expect(page.getByRole('region', { name: /送った予定と届いた実績/ }).getByRole('row').filter({ hasText: person.insured })).toBeVisible();
});
