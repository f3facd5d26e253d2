// 一括送信: a row whose CSV content breaks the spec is marked and cannot be sent.
import { describe, expect, it } from 'vitest';
import { addFilesToBatch, contentCheckOf, isSendable, type BatchContext } from '../../src/domain/batch';
import { validateCsv } from '../../src/domain/csv';
import { CARE_OFFICE, fromRecords, makePlanUnit, makeRecords, type GeneratedFile } from '../support/csvgen';

const ctx = (): BatchContext => ({ sender: CARE_OFFICE, now: 1, newId: () => crypto.randomUUID() });
const checked = (f: GeneratedFile) => ({
  name: f.name,
  size: f.bytes.length,
  head: f.bytes.slice(0, 16),
  payload: f.name,
  contentCheck: contentCheckOf(validateCsv(f.name, f.bytes).problems),
});

describe('一括送信 content checks', () => {
  it('leaves a spec-valid unit sendable', () => {
    const { rows } = addFilesToBatch([], makePlanUnit().map(checked), ctx());
    expect(rows[0]!.problems).toEqual([]);
    expect(isSendable(rows[0]!)).toBe(true);
  });

  it('marks a row with the first lines of a broken file and the count, and refuses to send it', () => {
    const [, sikyu, hosoku] = makePlanUnit();
    const records = makeRecords('UPPLAN');
    // five impossible dates: more than a row shows
    for (let i = 0; i < 5; i++) records[i]![9] = '20250431';
    const plan = fromRecords('UPPLAN', records);
    const { rows } = addFilesToBatch([], [plan, sikyu!, hosoku!].map(checked), ctx());
    const row = rows[0]!;
    expect(isSendable(row)).toBe(false);
    expect(row.problems[0]).toBe(`${plan.name}: CSVの内容に誤りが5件あります`);
    expect(row.problems[1]).toBe(`${plan.name} 1行目 10列目(サービス利用日): 2025-04-31 は存在しない日付です(YYYYMMDD)`);
    expect(row.problems).toHaveLength(5);
    expect(row.problems[4]).toContain('ほかに2件あります');
  });
});
