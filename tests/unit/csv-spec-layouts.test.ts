// Two readings of the spec's layouts must agree: the validator's tables (src/domain/csv/layouts)
// and the tests' own (tests/support/spec-table.ts, written from the spec text separately). Then
// every kind in every CSV version, generated from the tests' reading, passes with no problem.
import { describe, expect, it } from 'vitest';
import { validateCsv, validateSendCsvs } from '../../src/domain/csv';
import { layoutFor, type Column } from '../../src/domain/csv/layouts';
import { VERSION_TABLE } from '../../src/domain/csv/versions';
import type { FileKind } from '../../src/domain/filename';
import { kindVersions, makeSpecFile } from '../support/spec-files';
import { SPEC_KINDS, SPEC_VERSIONS, specKind, type SpecColumn } from '../support/spec-table';

const FORMAT_OF_TOKEN: Record<string, string> = {
  ver: 'version', insurer: 'insurer', insured: 'insured', date: 'date', date0: 'dateOrZero', month: 'month',
  month0: 'monthOrZero', hhmm: 'hhmm', hhmm9: 'hhmmOrNone', int: 'integer', count: 'count', serial: 'serial', dec: 'decimal',
  office: 'office', 'office?': 'officeUncertain', 'all9?': 'all9', days31: 'days31', scode: 'serviceCode', skind: 'serviceKind',
  postal: 'postal', no99: 'issueNo', sat: 'satellite', tais: 'equipmentCode', text: 'text', unused: 'unused',
};
const NEED_OF: Record<SpecColumn['need'], string> = { '○': 'required', '○?': 'uncertain', '○明': 'detail-rows', '-': 'optional' };

/** The same column, read twice: name, position, 必須, and 書式 (a code list by what it accepts). */
function agree(mine: SpecColumn, theirs: Column): void {
  const where = `No.${mine.no} ${mine.name}`;
  expect(theirs.name, where).toBe(mine.name);
  expect(theirs.no, where).toBe(mine.no);
  expect(theirs.need, where).toBe(NEED_OF[mine.need]);
  if (!mine.token.startsWith('code:')) {
    expect(theirs.format.id, where).toBe(FORMAT_OF_TOKEN[mine.token]);
    return;
  }
  const codes = mine.token.slice(5).split(',');
  for (const code of codes) expect(theirs.format.check?.(code), `${where} ${code}`).toBeNull();
  for (const other of ['X', '9', '99', '00', '']) {
    if (!codes.includes(other)) expect(theirs.format.check?.(other), `${where} ${other}`).not.toBeNull();
  }
}

describe('the validator reads the layouts as the tests read them', () => {
  for (const kind of SPEC_KINDS) {
    for (const era of ['pre-v4', 'v4'] as const) {
      it(`${kind} ${era}`, () => {
        const mine = specKind(kind, era);
        const theirs = layoutFor(kind as FileKind, era);
        if (mine.v4Only && era === 'pre-v4') {
          expect(theirs).toBeNull();
          return;
        }
        expect(theirs!.columns.map((c) => c.name)).toEqual(mine.columns.map((c) => c.name));
        mine.columns.forEach((c, i) => agree(c, theirs!.columns[i]!));
      });
    }
  }

  it('column counts per kind: 22 → 25 (第6表・実績) and 34 → 37 (第7表) with v4, the rest unchanged', () => {
    const count = (kind: string, era: 'pre-v4' | 'v4') => layoutFor(kind as FileKind, era)?.columns.length ?? null;
    expect([count('UPPLAN', 'pre-v4'), count('UPPLAN', 'v4'), count('UPJSK', 'pre-v4'), count('UPSIKYU', 'pre-v4'), count('UPSIKYU', 'v4')])
      .toEqual([22, 25, 22, 34, 37]);
    expect(['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'DLTKIHON', 'UPYOBO', 'UPYOBO_SUB', 'DLTYOBO'].map((k) => count(k, 'v4')))
      .toEqual([71, 7, 11, 4, 57, 17, 4]);
  });

  it('CSV versions and the service month each applies from', () => {
    expect(VERSION_TABLE.map((v) => ({ version: v.value, from: v.from, era: v.era }))).toEqual([...SPEC_VERSIONS]);
  });
});

describe('every kind in every CSV version: a spec-valid file passes with no problem at all', () => {
  it.each(kindVersions())('%s %s', (kind, version) => {
    const file = makeSpecFile(kind, version);
    const report = validateCsv(file.name, file.bytes);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ kind, version });
  });

  it('the 補足 of a 第1・2表 unit (000000) passes too, in every version', () => {
    for (const version of ['201910', '202003', '202208', '202407']) {
      const file = makeSpecFile('UPHOSOKU', version, { hosokuMonth: '000000' });
      expect(file.name).toContain('UPHOSOKU_000000_');
      expect(validateCsv(file.name, file.bytes).problems, version).toEqual([]);
    }
  });

  it('the files carry characters only CP932 has, and half-width kana', () => {
    const hex = Buffer.from(makeSpecFile('UP1KYO', '202407').bytes).toString('hex');
    for (const bytes of ['fbfc', 'fab1', '8740', '878a']) expect(hex, bytes).toContain(bytes); // 髙 﨑 ① ㈱
    expect(hex).toContain('c0b6cabc'); // ﾀｶﾊｼ
  });

  it('the 介護予防 files of one send, 別表 keys matching their parents, pass as a whole', () => {
    const files = ['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPYOBO', 'UPYOBO_SUB'].map((k) => makeSpecFile(k, '202407'));
    const report = validateSendCsvs(files);
    expect(report.crossProblems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
