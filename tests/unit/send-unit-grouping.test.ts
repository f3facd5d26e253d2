// One grouping of files into send units (src/domain/send-unit.ts) behind the unit checks, the
// 一括送信 rows and the CSV cross checks; each leaves out only the part whose mismatch it reports.
import { describe, expect, it } from 'vitest';
import { addFilesToBatch } from '../../src/domain/batch';
import { validateSendCsvs } from '../../src/domain/csv';
import { parsedName } from '../support/filename';
import { groupBySendUnit, groupSendUnits, sendUnitKey } from '../../src/domain/send-unit';
import { makeCsvFile } from '../support/csvgen';

const PLAN = parsedName('UPPLAN_202504_3300000001_3310000017_20250325103000.csv');
const SIKYU_MAY = parsedName('UPSIKYU_202505_3300000001_3310000017_20250325103000.csv');
const SIKYU_LATER = parsedName('UPSIKYU_202504_3300000001_3310000017_20250326103000.csv');

describe('sendUnitKey', () => {
  it('names destination, unit, 連番 and month, and leaves out the part a check reports on', () => {
    expect(sendUnitKey(PLAN)).toBe('3310000017|usage|20250325103000|202504');
    expect(sendUnitKey(PLAN, 'sequence')).toBe('3310000017|usage|202504');
    expect(sendUnitKey(PLAN, 'month')).toBe('3310000017|usage|20250325103000');
    expect(groupSendUnits([PLAN])[0]!.key).toBe(sendUnitKey(PLAN));
  });

  it('groups in the order first seen and leaves out unreadable names', () => {
    const groups = groupBySendUnit([PLAN, null, SIKYU_MAY, SIKYU_LATER], (p) => p, 'month');
    expect(groups).toEqual([[PLAN, SIKYU_MAY], [SIKYU_LATER]]);
    expect(groupBySendUnit([PLAN, SIKYU_MAY, SIKYU_LATER], (p) => p, 'sequence')).toEqual([[PLAN, SIKYU_LATER], [SIKYU_MAY]]);
  });
});

describe('the same units everywhere', () => {
  it('一括送信 puts each send unit (destination, unit, 連番, month) in a row of its own', () => {
    const input = (p: typeof PLAN) => ({ name: p.name, size: 10, head: new Uint8Array([0x31]), payload: p.name });
    let id = 0;
    const { rows } = addFilesToBatch([], [PLAN, SIKYU_LATER, SIKYU_MAY].map(input), { sender: '3300000001', now: 0, newId: () => `r${++id}` });
    expect(rows.map((r) => [r.groupKey, r.files.map((f) => f.name)])).toEqual([
      [sendUnitKey(PLAN), [PLAN.name]],
      [sendUnitKey(SIKYU_LATER), [SIKYU_LATER.name]],
      [sendUnitKey(SIKYU_MAY), [SIKYU_MAY.name]],
    ]);
  });

  it('the CSV cross checks compare every file of a kind given twice, not only the last one', () => {
    const plan = makeCsvFile('UPPLAN', { month: '202504' });
    const may = makeCsvFile('UPSIKYU', { month: '202505' });
    const april = makeCsvFile('UPSIKYU', { month: '202504' });
    // two 第7表 of one 連番 are refused by the unit check too (checkSend); the cross check must still see both
    const messages = validateSendCsvs([plan, may, april]).crossProblems.map((p) => p.message);
    expect(messages).toContain(`${may.name}: 第6表(202504)と第7表(202505)の対象年月が異なります`);
  });
});
