import { describe, expect, it } from 'vitest';
import { validateSendCsvs } from '../../src/domain/csv';
import { PEOPLE, fromRecords, makeCarePlanUnit, makeCsvFile, makePlanUnit, makeRecords } from '../support/csvgen';

describe('validateSendCsvs', () => {
  it('passes a complete 第6表 + 第7表 + 補足 unit', () => {
    const result = validateSendCsvs(makePlanUnit());
    expect(result.ok).toBe(true);
    expect(result.crossProblems).toEqual([]);
    expect(result.reports.map((r) => r.report.kind)).toEqual(['UPPLAN', 'UPSIKYU', 'UPHOSOKU']);
  });

  it('passes a 第1表 + 第2表 + 補足 unit', () => {
    expect(validateSendCsvs(makeCarePlanUnit())).toMatchObject({ ok: true, crossProblems: [] });
  });

  it('refuses 第6表 and 第7表 of one unit for different months', () => {
    const plan = makeCsvFile('UPPLAN', { month: '202504' });
    const sikyu = makeCsvFile('UPSIKYU', { month: '202505' });
    const result = validateSendCsvs([plan, sikyu]);
    expect(result.ok).toBe(false);
    expect(result.crossProblems[0]).toMatchObject({
      severity: 'error', file: sikyu.name,
      message: `${sikyu.name}: 第6表(202504)と第7表(202505)の対象年月が異なります`,
    });
  });

  it('warns when a person of 第6表 is missing from 第7表 and 補足', () => {
    const plan = makeCsvFile('UPPLAN');
    const sikyu = makeCsvFile('UPSIKYU', { people: PEOPLE.slice(0, 2) });
    const hosoku = makeCsvFile('UPHOSOKU', { month: '202504', people: PEOPLE.slice(1) });
    const result = validateSendCsvs([plan, sikyu, hosoku]);
    expect(result.ok).toBe(true);
    const messages = result.crossProblems.map((p) => p.message);
    expect(messages).toContain(`${sikyu.name}: 第6表にある被保険者番号 H123456789 が第7表にありません`);
    expect(messages).toContain(`${hosoku.name}: 第6表にある被保険者番号 0000012345 が利用者補足情報にありません`);
  });

  it('does not compare files of different send units', () => {
    const plan = makeCsvFile('UPPLAN', { month: '202504', sequence: '20250325103000' });
    const sikyu = makeCsvFile('UPSIKYU', { month: '202505', sequence: '20250326103000' });
    expect(validateSendCsvs([plan, sikyu]).crossProblems).toEqual([]);
  });

  it('is not ok when one file has an error', () => {
    const rows = makeRecords('UPPLAN');
    rows[0]![14] = 'X';
    const result = validateSendCsvs([fromRecords('UPPLAN', rows)]);
    expect(result.ok).toBe(false);
    expect(result.reports[0]!.report.problems[0]!.message).toContain('サービスコード');
  });
});

describe('unit 1: 第2表, 第3表 and the 補足 (000000) link to the 第1表 by its 居宅サービス計画作成（変更）日', () => {
  const unit = () => (['UP1KYO', 'UP2KYO', 'UP3KYO', 'UPHOSOKU'] as const).map((kind) => ({
    kind, rows: makeRecords(kind, { month: kind === 'UPHOSOKU' ? '000000' : undefined }),
  }));
  const files = (u: ReturnType<typeof unit>) => u.map(({ kind, rows }) => fromRecords(kind, rows, { month: kind === 'UPHOSOKU' ? '000000' : undefined }));
  const WHY = '第2表・第3表・補足は、保険者番号・被保険者番号・居宅サービス計画作成（変更）日で第1表に紐づきます';

  it('a whole unit whose dates agree passes', () => {
    expect(validateSendCsvs(files(unit()))).toMatchObject({ ok: true, crossProblems: [] });
  });

  it.each([
    ['UP2KYO', 1, 4, 5],
    ['UP3KYO', 2, 4, 5],
    ['UPHOSOKU', 3, 3, 4],
  ] as const)('%s: a record whose date is not the 第1表\'s is an error at its row, column and 項目名', (kind, fileIndex, index, column) => {
    const u = unit();
    const rows = u[fileIndex]!.rows;
    const row = rows.length; // the last record: the second person's
    rows[row - 1]![index] = '20250321';
    const sent = files(u);
    const result = validateSendCsvs(sent);
    expect(result.ok).toBe(false);
    const insured = rows[row - 1]![2];
    expect(result.crossProblems).toEqual([{
      severity: 'error', file: sent[fileIndex]!.name, row, column, item: '居宅サービス計画作成（変更）日',
      message: `${sent[fileIndex]!.name} ${row}行目 ${column}列目(居宅サービス計画作成（変更）日): 保険者番号 ${rows[row - 1]![1]}・` +
        `被保険者番号 ${insured}・居宅サービス計画作成（変更）日 20250321 の第1表が ${sent[0]!.name} にありません(${WHY})`,
    }]);
  });

  it('without the 第1表 in the send, nothing is compared (a unit without it is send-unit.ts\'s error)', () => {
    const u = unit();
    u[1]!.rows[0]![4] = '20250321';
    expect(validateSendCsvs(files(u).slice(1)).crossProblems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a 補足 with a month links by 対象年月, not by the date: not compared with a 第1表', () => {
    const plan1 = makeCsvFile('UP1KYO');
    const hosoku = makeCsvFile('UPHOSOKU', { month: '202504' });
    expect(validateSendCsvs([plan1, hosoku]).crossProblems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
