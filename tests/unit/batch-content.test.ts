// 一括送信: a row whose CSV content breaks the spec is marked and cannot be sent.
import { describe, expect, it } from 'vitest';
import { addFilesToBatch, compareRows, contentCheckOf, isSendable, type BatchContext } from '../../src/domain/batch';
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

  it('a file whose every error is listed gets no heading repeating their count: the lines themselves', () => {
    const [, sikyu, hosoku] = makePlanUnit();
    const records = makeRecords('UPPLAN');
    records[0]![9] = '20250431';
    const plan = fromRecords('UPPLAN', records);
    const row = addFilesToBatch([], [plan, sikyu!, hosoku!].map(checked), ctx()).rows[0]!;
    expect(isSendable(row)).toBe(false);
    expect(row.problems).toEqual([`${plan.name} 1行目 10列目(サービス利用日): 2025-04-31 は存在しない日付です(YYYYMMDD)`]);
  });

  it('counts a file past the 200 problems kept: the heading and 「ほかに…件」 say every error, not the lines kept', () => {
    const [, sikyu, hosoku] = makePlanUnit();
    const rows = makeRecords('UPPLAN').map((r) => { const x = [...r]; x[9] = '20250431'; return x; });
    const many = Array.from({ length: Math.ceil(250 / rows.length) }, () => rows).flat();
    const plan = fromRecords('UPPLAN', many);
    const row = addFilesToBatch([], [plan, sikyu!, hosoku!].map(checked), ctx()).rows[0]!;
    expect(row.problems[0]).toBe(`${plan.name}: CSVの内容に誤りが${many.length}件あります`);
    expect(row.problems.slice(1, 4).every((line) => line.includes('2025-04-31 は存在しない日付です'))).toBe(true);
    expect(row.problems[4]).toBe(`${plan.name}: ほかに${many.length - 3}件あります(「編集」で全件とプレビューを確認できます)`);
  });
});

describe('一括送信 warnings and order', () => {
  it('says a bad check digit of the destination once, not once for the name and again for each file', async () => {
    const { checkFiles } = await import('../../src/workers/csv-check-core');
    const unit = makePlanUnit({ sender: CARE_OFFICE, destination: '3310000018', sequence: '20250325103000' });
    const result = await checkFiles({ files: unit.map((f) => ({ name: f.name, blob: new Blob([new Uint8Array(f.bytes)]) })), asOneSend: false }, () => undefined);
    const inputs = unit.map((f, i) => ({ name: f.name, size: f.bytes.length, head: f.bytes.slice(0, 16), payload: f.name, contentCheck: contentCheckOf(result.files[i]!.problems) }));
    // every file's records do repeat it: the check itself is not what changed
    expect(result.files.filter((f) => f.problems.some((p) => p.message.includes('3310000018 のチェックデジット'))).length).toBeGreaterThanOrEqual(2);
    const { rows } = addFilesToBatch([], inputs, ctx());
    const about = rows[0]!.warnings.filter((w) => w.includes('3310000018 のチェックデジット'));
    expect(about).toEqual(['事業所番号 3310000018 のチェックデジットが一致しません。番号に誤りがないか確認してください']);
    // and no file heading is left announcing a warning that is no longer listed
    expect(rows[0]!.warnings.filter((w) => w.includes('確認が必要な点が'))).toEqual([]);
    expect(isSendable(rows[0]!)).toBe(true);
  });

  it('keeps rows by destination, then ファイル出力日時, whatever order the files came in', () => {
    const units = [
      makePlanUnit({ sender: CARE_OFFICE, destination: '3310000025', sequence: '20250325103000' }),
      makePlanUnit({ sender: CARE_OFFICE, destination: '3310000017', sequence: '20250326090000', month: '202505' }),
      makePlanUnit({ sender: CARE_OFFICE, destination: '3310000017', sequence: '20250325103000' }),
    ];
    const stray = { name: 'メモ.csv', size: 3, head: new Uint8Array([0x61, 0x2c, 0x62]), payload: 'メモ.csv' };
    const first = addFilesToBatch([], [stray, ...units[0]!.map(checked)], ctx()).rows;
    const all = addFilesToBatch(first, [...units[1]!, ...units[2]!].map(checked), ctx()).rows.sort(compareRows);
    expect(all.map((r) => [r.destination, r.sequenceDisplay])).toEqual([
      ['3310000017', '2025/03/25 10:30:00'],
      ['3310000017', '2025/03/26 09:00:00'],
      ['3310000025', '2025/03/25 10:30:00'],
      [null, ''],
    ]);
  });
});
