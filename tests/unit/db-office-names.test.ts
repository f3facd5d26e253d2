// Office names a list opened offline can show (下書き一覧, 送信トレイ): from the owner's kept lists,
// this device's confirmed sends and 一括送信 rows, never from another owner's.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { keepMessages } from '../../src/db/cache';
import { openRenkeiDb } from '../../src/db/db';
import { officeNamesKept } from '../../src/db/office-names';
import { freshDatabase, summary } from '../support/db';

beforeEach(freshDatabase);

const CM = { userId: 'cm01', office: '3300000001' };
const OTHER = { userId: 'cm02', office: '3300000001' };
const NOW = Date.parse('2025-01-10T00:00:00.000Z');

const sentTo = (id: string, owner: typeof CM, number: string, name: string, confirmedAt = NOW) =>
  ({ id, owner, confirmedAt, result: { ...summary(id), destination: { number, name, kind: '' } } });
const row = (id: string, owner: typeof CM, destination: string, officeName: string | null, addedAt = NOW) =>
  ({ id, owner, destination, officeName, addedAt, groupKey: null, files: [], message: '', sequenceDisplay: '', categories: [], problems: [], warnings: [] });

describe('office names kept on the device', () => {
  it('come from this owner\'s sends and 一括送信 rows too, not only the kept lists', async () => {
    const db = await openRenkeiDb();
    await db.put('sent', sentTo('s1', CM, '3310000041', 'あおば訪問看護') as never);
    await db.put('batch', row('r1', CM, '3310000058', 'みどり福祉用具') as never);
    await db.put('batch', row('r2', CM, '3310000066', null) as never);
    const names = await officeNamesKept(CM, NOW);
    expect(names.get('3310000041')).toBe('あおば訪問看護');
    expect(names.get('3310000058')).toBe('みどり福祉用具');
    expect(names.has('3310000066')).toBe(false);
  });

  it('the relay\'s lists win over a row, a later send over an earlier one', async () => {
    const db = await openRenkeiDb();
    await db.put('batch', row('r1', CM, '3310000017', '旧名の事業所') as never);
    await db.put('sent', sentTo('s1', CM, '3310000025', '旧デイ', NOW - 10) as never);
    await db.put('sent', sentTo('s2', CM, '3310000025', 'ひまわりデイサービス', NOW) as never);
    await keepMessages(CM, 'sent', [{ ...summary('m1'), sentAt: '2025-01-01T00:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' }], NOW);
    const names = await officeNamesKept(CM, NOW);
    expect(names.get('3310000017')).toBe(summary('m1').destination.name);
    expect(names.get('3310000025')).toBe('ひまわりデイサービス');
  });

  it('another person\'s sends and rows are not this one\'s to show', async () => {
    const db = await openRenkeiDb();
    await db.put('sent', sentTo('s1', OTHER, '3310000041', 'あおば訪問看護') as never);
    await db.put('batch', row('r1', OTHER, '3310000058', 'みどり福祉用具') as never);
    expect((await officeNamesKept(CM, NOW)).size).toBe(0);
  });
});
