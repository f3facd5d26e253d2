// The 予定 ⇄ 実績 store (src/db/usage.ts): kept when a 予定 is queued and confirmed with its send,
// kept from a message once, owned by the person and office, deleted on request or with age.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteUsage, keepUsage, keptFiles, listUsage, pruneUsage, usageSummary } from '../../src/db/usage';
import { claimNextDue, confirmSent, enqueueSend, removeOutboxItem } from '../../src/outbox/store';
import { CARE_OFFICE, PEOPLE, makeCsvFile } from '../support/csvgen';
import { freshDatabase, keptFile, summary } from '../support/db';
import { planFile, weeklyVisits } from '../support/usage-files';

beforeEach(freshDatabase);

const CM = { userId: 'cm01', office: CARE_OFFICE };
const [HANAKO, TARO] = PEOPLE;
const plan = planFile([{ person: HANAKO!, visits: weeklyVisits() }, { person: TARO!, visits: weeklyVisits() }]);
// the 補足 of the same send names the people
const supplement = makeCsvFile('UPHOSOKU', { month: '202504', people: [HANAKO!, TARO!] });

/** Queues the 予定 as 新規作成 does, and keeps it under its outbox item. */
async function queuePlan() {
  const item = await enqueueSend({ sender: CARE_OFFICE, destination: '3310000017', message: '', files: [keptFile(plan)] });
  await keepUsage([plan, supplement], { owner: CM, sentAt: null, messageId: null, outboxId: item.id });
  return item;
}

describe('a 予定 sent from this device', () => {
  it('is kept while it waits, with the names from its 補足, and becomes sent when the relay confirms it', async () => {
    const item = await queuePlan();
    const waiting = await listUsage(CM, '202504');
    expect(waiting.map((r) => [r.people.map((p) => p.name), r.sentAt])).toEqual([[[HANAKO!.name, TARO!.name], null]]);
    await claimNextDue(Date.now(), { ignoreBackoff: true, skip: new Set() });
    await confirmSent(item, { ...summary('m-plan'), sentAt: '2025-03-25T01:30:00.000Z' }, Date.now());
    const sent = await listUsage(CM, '202504');
    expect(sent.map((r) => [r.messageId, r.sentAt])).toEqual([['m-plan', '2025-03-25T01:30:00.000Z']]);
    expect(await keptFiles(CM)).toEqual(new Set([`m-plan/${plan.name}`]));
  });

  it('is confirmed too when the relay answered before it was kept', async () => {
    const item = await enqueueSend({ sender: CARE_OFFICE, destination: '3310000017', message: '', files: [keptFile(plan)] });
    await confirmSent(item, summary('m-fast'), Date.now());
    await keepUsage([plan], { owner: CM, sentAt: null, messageId: null, outboxId: item.id });
    expect((await listUsage(CM)).map((r) => r.messageId)).toEqual(['m-fast']);
  });

  it('goes when its send is removed from the outbox unsent', async () => {
    const item = await queuePlan();
    await removeOutboxItem(item.id);
    expect(await listUsage(CM)).toEqual([]);
  });
});

describe('what a person and office keep', () => {
  it('is theirs alone: another person, or the same person under another office, sees none of it', async () => {
    await keepUsage([plan], { owner: CM, sentAt: '2025-03-25T01:30:00.000Z', messageId: 'm1' });
    expect(await listUsage({ userId: 'cm02', office: CARE_OFFICE })).toEqual([]);
    expect(await listUsage({ userId: 'cm01', office: '3310000017' })).toEqual([]);
    expect(await listUsage(CM)).toHaveLength(1);
  });

  it('is kept once per file of a message, however often it is downloaded or previewed', async () => {
    const meta = { owner: CM, sentAt: '2025-03-25T01:30:00.000Z', messageId: 'm1' };
    await keepUsage([plan], meta);
    await keepUsage([plan], meta);
    expect(await usageSummary(CM)).toEqual({ people: 2, files: 1, months: ['202504'] });
  });

  it('is deleted by month or all at once, and with age for everyone', async () => {
    await keepUsage([plan], { owner: CM, sentAt: '2025-03-25T01:30:00.000Z', messageId: 'm1' });
    const may = planFile([{ person: HANAKO!, visits: weeklyVisits('202505') }], { month: '202505' });
    await keepUsage([may], { owner: CM, sentAt: '2025-04-25T01:30:00.000Z', messageId: 'm2' });
    await keepUsage([may], { owner: { userId: 'cm02', office: CARE_OFFICE }, sentAt: '2025-04-25T01:30:00.000Z', messageId: 'm2' });
    expect(await deleteUsage(CM, '202504')).toBe(1);
    expect((await usageSummary(CM)).months).toEqual(['202505']);
    // 2025年5月分 is kept to the end of 2026年5月
    expect(await pruneUsage(new Date(2026, 4, 31))).toBe(0);
    expect(await pruneUsage(new Date(2026, 5, 1))).toBe(2);
    expect(await deleteUsage(CM)).toBe(0);
  });
});
