// One failing case per rule, from the tests' own reading of the layouts (spec-table.ts): every
// 書式 of every column of every kind and era, every 必須, each asserting record row, column No.
// and 項目名. The rules across fields have their own cases in csv-cross-rules.test.ts.
import { describe, expect, it } from 'vitest';
import { validateCsv } from '../../src/domain/csv';
import type { CsvProblem } from '../../src/domain/csv/types';
import { encode, makeSpecFile } from '../support/spec-files';
import { SPEC_KINDS, specKind, type SpecColumn } from '../support/spec-table';

/** A value each 書式 refuses, and whether the refusal is an error or (uncertain cells) a warning. */
const BAD: Record<string, [string, 'error' | 'warning']> = {
  insurer: ['13101', 'error'], insured: ['X123456789', 'error'], date: ['20250230', 'error'], date0: ['2025032', 'error'],
  month: ['202513', 'error'], month0: ['20250', 'error'], hhmm: ['2460', 'error'], hhmm9: ['12:00', 'error'],
  int: ['1.5', 'error'], count: ['-1', 'error'], serial: ['0', 'error'], dec: ['11.4', 'error'], office: ['123456789', 'error'],
  'office?': ['12345', 'warning'], 'all9?': ['0000000000', 'warning'], days31: ['2'.repeat(31), 'error'],
  scode: ['11121', 'error'], skind: ['1', 'error'], postal: ['1000001', 'error'], no99: ['100', 'error'],
  sat: ['A', 'warning'], tais: ['TAIS', 'warning'],
};

const VERSION_OF = { 'pre-v4': '202208', v4: '202407' } as const;

function badValue(column: SpecColumn): [string, 'error' | 'warning'] | null {
  if (column.token.startsWith('code:')) return ['X', 'error'];
  return BAD[column.token] ?? null;
}

function withCell(kind: string, era: 'pre-v4' | 'v4', index: number, value: string) {
  const file = makeSpecFile(kind, VERSION_OF[era]);
  const records = file.records.map((r) => [...r]);
  records[0]![index] = value;
  return validateCsv(file.name, encode(records));
}

function expectAt(problems: CsvProblem[], column: SpecColumn, severity: 'error' | 'warning', text?: string) {
  expect(problems, JSON.stringify(problems.map((p) => p.message))).toContainEqual(expect.objectContaining({
    severity, row: 1, column: column.no, item: column.name,
    message: expect.stringContaining(`1行目 ${column.no}列目(${column.name}): ${text ?? ''}`),
  }));
}

const eras = (kind: string) => (specKind(kind).v4Only ? ['v4'] as const : ['pre-v4', 'v4'] as const);

describe('every 書式 of every column is checked', () => {
  const cases = SPEC_KINDS.flatMap((kind) => eras(kind).flatMap((era) =>
    specKind(kind, era).columns.flatMap((c) => (badValue(c) ? [[kind, era, c] as const] : []))));

  it.each(cases.map(([kind, era, c]) => [`${kind} ${era} No.${c.no} ${c.name} (${c.token})`, kind, era, c] as const))(
    '%s',
    (_, kind, era, column) => {
      const [value, severity] = badValue(column)!;
      expectAt(withCell(kind, era, column.no - 1, value).problems, column, severity);
    },
  );

  it('covers the kinds, eras and 書式 of the spec', () => {
    const tokens = new Set(cases.map(([, , c]) => (c.token.startsWith('code:') ? 'code' : c.token)));
    expect([...tokens].sort()).toEqual([...Object.keys(BAD), 'code'].sort());
    expect(new Set(cases.map(([kind]) => kind)).size).toBe(SPEC_KINDS.length);
  });
});

describe('every 必須 ○ is required', () => {
  const cases = SPEC_KINDS.flatMap((kind) => eras(kind).flatMap((era) =>
    specKind(kind, era).columns.flatMap((c) => (c.need !== '-' && c.token !== 'ver' ? [[kind, era, c] as const] : []))));

  it.each(cases.map(([kind, era, c]) => [`${kind} ${era} No.${c.no} ${c.name} ${c.need}`, kind, era, c] as const))(
    '%s',
    (_, kind, era, column) => {
      const problems = withCell(kind, era, column.no - 1, '').problems;
      if (column.need === '○?') expectAt(problems, column, 'warning', '値がありません(仕様書では必須と読める項目です。送信はできます)');
      else if (column.need === '○明') expectAt(problems, column, 'error', '値がありません(明細行の必須項目です)');
      else expectAt(problems, column, 'error', '値がありません(必須項目です)');
    },
  );

  it('CSVバージョン itself: a record without one is a mix of versions, named at its row', () => {
    const file = makeSpecFile('DLTPLAN', '202407');
    const records = [...file.records, ['', ...file.records[0]!.slice(1)]];
    expect(validateCsv(file.name, encode(records)).problems).toContainEqual(expect.objectContaining({
      severity: 'error', row: 3, column: 1, item: 'CSVバージョン', message: expect.stringContaining('CSVバージョンが混在しています'),
    }));
  });
});

describe('values the 書式 allow', () => {
  it.each([
    ['整数 with a minus (減算)', 'UPPLAN', 7, '-120'],
    ['時刻 9999 (no time) on both ends', 'UPPLAN', 11, '9999'],
    ['時刻 2400', 'UPPLAN', 12, '2400'],
    ['被保険者番号 H + 9 digits (生保単独)', 'UPPLAN', 2, 'H987654321'],
    ['計画書区分 54', 'UP1KYO', 15, '54'],
    ['要介護状態区分 06 事業対象者', 'UP1KYO', 20, '06'],
    ['課題ＮＯ 99', 'UP2KYO', 5, '99'],
    ['99.99 形式 10.00', 'UPSIKYU', 22, '10.00'],
    ['事業所番号 with A as 3rd character', 'UPPLAN', 19, '01A0000001'],
  ] as const)('%s', (_, kind, index, value) => {
    const file = makeSpecFile(kind, '202407');
    const records = file.records.map((r) => [...r]);
    records[0]![index] = value;
    if (index === 11) records[0]![12] = '9999';
    const problems = validateCsv(file.name, encode(records)).problems.filter((p) => p.severity === 'error');
    expect(problems).toEqual([]);
  });
});
