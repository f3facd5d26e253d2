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
