// 一括送信 checks each row's CSVs as one send, as 新規作成 does: files that pass alone but not
// together (a 第2表 whose 居宅サービス計画作成（変更）日 is not the 第1表's) mark their row, also
// when the second file comes in a later drop. Runs the real drop (IndexedDB in fake-indexeddb;
// no Worker in Node, so the checks run on the page, the pool's own fallback).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const directory = vi.hoisted(() => new Map<string, string>());
const lookups = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/api/client', async (original) => ({
  ...(await original<typeof import('../../src/api/client')>()),
  lookupOffices: async (numbers: string[]) => {
    lookups.count++;
    return numbers.filter((n) => directory.has(n)).map((n) => ({ number: n, name: directory.get(n)!, kind: '訪問介護' }));
  },
}));

import { listBatchRows, type StoredBatchRow } from '../../src/db/batch';
import { rowCheckGroups } from '../../src/domain/batch-checks';
import { validateCsv, validateSendCsvs } from '../../src/domain/csv';
import { addDrop } from '../../src/views/batch/add-drop';
import { CARE_OFFICE, fromRecords, HOME_HELP_OFFICE, makeRecords, type GeneratedFile } from '../support/csvgen';
import { freshDatabase } from '../support/db';

const WHY = '第2表・第3表・補足は、保険者番号・被保険者番号・居宅サービス計画作成（変更）日で第1表に紐づきます';

/** Send unit 1 whose 第2表 has a record of another 作成日: each file is fine alone. */
function mismatchedUnit(): GeneratedFile[] {
  const plan2 = makeRecords('UP2KYO');
  plan2[plan2.length - 1]![4] = '20250321';
  return [
    fromRecords('UP1KYO', makeRecords('UP1KYO')),
    fromRecords('UP2KYO', plan2),
    fromRecords('UPHOSOKU', makeRecords('UPHOSOKU', { month: '000000' }), { month: '000000' }),
  ];
}

const asFile = (f: GeneratedFile) => new File([new Uint8Array(f.bytes)], f.name, { type: 'text/csv' });

async function drop(files: GeneratedFile[]): Promise<StoredBatchRow[]> {
  let shown: StoredBatchRow[] = [];
  const lateNames = await addDrop(files.map(asFile), () => CARE_OFFICE, (rows) => (shown = rows));
  await lateNames?.();
  return shown;
}

beforeEach(async () => {
  await freshDatabase();
  directory.clear();
  directory.set(HOME_HELP_OFFICE, 'さくら訪問介護ステーション');
  lookups.count = 0;
});

describe('一括送信: a row is checked as one send', () => {
  it('files fine alone but wrong together mark their row, with the message 新規作成 shows for the same files', async () => {
    const unit = mismatchedUnit();
    for (const f of unit) expect(validateCsv(f.name, f.bytes).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const together = validateSendCsvs(unit);
    const crossErrors = together.crossProblems.filter((p) => p.severity === 'error').map((p) => p.message);
    expect(crossErrors).toHaveLength(1);
    expect(crossErrors[0]).toContain(WHY);

    const rows = await drop(unit);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.problems).toContain(crossErrors[0]);
    // the one error listed, with no heading above it saying "1件"
    expect(rows[0]!.problems.filter((p) => p.includes('件あります'))).toEqual([]);
    // kept: a reload shows the same
    expect((await listBatchRows())[0]!.problems).toContain(crossErrors[0]);
  });

  it('the same files in agreement give a row with no content problem', async () => {
    const unit = mismatchedUnit();
    unit[1] = fromRecords('UP2KYO', makeRecords('UP2KYO'));
    const rows = await drop(unit);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.problems).toEqual([]);
    expect(rows[0]!.officeName).toBe('さくら訪問介護ステーション');
  });

  it('a later drop into a listed row re-checks the files already there against the new ones', async () => {
    const [plan1, plan2, hosoku] = mismatchedUnit();
    const first = await drop([plan2!, hosoku!]);
    // without the 第1表 there is nothing to link to: only the send unit's rule speaks
    expect(first[0]!.problems.some((p) => p.includes(WHY))).toBe(false);
    const second = await drop([plan1!]);
    expect(second).toHaveLength(1);
    expect(second[0]!.files.map((f) => f.name).sort()).toEqual([plan1!.name, plan2!.name, hosoku!.name].sort());
    expect(second[0]!.problems.some((p) => p.startsWith(plan2!.name) && p.includes(WHY))).toBe(true);
  });

  it('names are asked once per drop, from the file names, and come with the rows', async () => {
    const rows = await drop(mismatchedUnit());
    expect(lookups.count).toBe(1);
    expect(rows[0]!.officeName).toBe('さくら訪問介護ステーション');
    await drop(mismatchedUnit().slice(0, 1)); // a known office: nothing to ask
    expect(lookups.count).toBe(1);
  });
});

describe('rowCheckGroups', () => {
  it('groups dropped CSVs by the row they join, with that row\'s other CSVs; a name that routes nowhere stands alone', () => {
    const named = (name: string) => ({ name });
    const unit = mismatchedUnit();
    const other = fromRecords('UP1KYO', makeRecords('UP1KYO', { destination: '3310000025' }), { destination: '3310000025' });
    const groups = rowCheckGroups([...unit.slice(0, 2), other, { name: 'memo.csv' }, { name: 'plan.pdf' }].map((f) => named(f.name)), []);
    expect(groups.map((g) => g.dropped.map((f) => f.name))).toEqual([['memo.csv'], [unit[0]!.name, unit[1]!.name], [other.name]]);
    expect(groups.every((g) => g.rowId === null && g.listed.length === 0)).toBe(true);
  });
});
