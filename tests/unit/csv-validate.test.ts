import { describe, expect, it } from 'vitest';
import { validateCsv } from '../../src/domain/csv';
import { decodeCp932 } from '../../src/domain/csv/decode';
import { parseCsvText } from '../../src/domain/csv/parse';
import { LAYOUTS } from '../../src/domain/csv/layouts';
import { MAX_PROBLEMS_PER_FILE } from '../../src/domain/csv/problems';
import {
  LAID_OUT_KINDS, PEOPLE, TRICKY_TEXT, csvText, encodeCp932, fileName, fromRecords, makeCsvFile, makeRecords,
  versionsOf, type LaidOutKind,
} from '../support/csvgen';

const errors = (r: ReturnType<typeof validateCsv>) => r.problems.filter((p) => p.severity === 'error');
const warnings = (r: ReturnType<typeof validateCsv>) => r.problems.filter((p) => p.severity === 'warning');

/** A valid file of `kind` with one cell changed (0-based row and column). */
function withCell(kind: LaidOutKind, row: number, column: number, value: string) {
  const rows = makeRecords(kind);
  rows[row]![column] = value;
  return fromRecords(kind, rows);
}

describe('valid files', () => {
  for (const kind of LAID_OUT_KINDS) {
    for (const version of versionsOf(kind)) {
      it(`${kind} ${version} has no problems`, () => {
        const file = makeCsvFile(kind, { version });
        const report = validateCsv(file.name, file.bytes);
        expect(report.problems).toEqual([]);
        expect(report.kind).toBe(kind);
        expect(report.version).toBe(version);
      });
    }
  }

  it('every layout has the column count of the spec', () => {
    const counts = Object.fromEntries(Object.entries(LAYOUTS).map(([k, l]) => [k, l!.columns.length]));
    expect(counts).toEqual({
      UP1KYO: 28, UP2KYO: 22, UP3KYO: 13, UPHOSOKU: 63, UPPLAN: 25, UPJSK: 25, UPSIKYU: 37,
      DLT1KYO: 4, DLTPLAN: 4, DLTJSK: 6,
    });
  });

  it('reads a v4 file name with service kinds', () => {
    const rows = makeRecords('UPPLAN');
    const name = fileName({ kind: 'UPPLAN', serviceKinds: ['43', '11'] });
    expect(validateCsv(name, encodeCp932(csvText(rows))).problems).toEqual([]);
  });

  it('accepts LF line endings and a missing final newline', () => {
    const rows = makeRecords('UP2KYO');
    const lf = encodeCp932(csvText(rows, '\n'));
    const bare = encodeCp932(csvText(rows).replace(/\r\n$/, ''));
    const name = fileName({ kind: 'UP2KYO' });
    expect(validateCsv(name, lf).problems).toEqual([]);
    expect(validateCsv(name, bare).problems).toEqual([]);
  });
});

describe('CP932 and quoting', () => {
  it('round-trips 髙 and 﨑 (NEC/IBM extensions) through CP932', () => {
    const file = makeCsvFile('UPHOSOKU', { month: '202504' });
    const decoded = decodeCp932(file.bytes);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const { records } = parseCsvText(decoded.text);
    expect(records[0]![5]).toBe('髙橋 花子');
    expect(records[1]![5]).toBe('山﨑 太郎');
    expect(records[0]![10]).toBe('﨑ハイツ101号');
    // 髙 is FBFC and 﨑 FAB1 in CP932: proof the extension bytes are really in the file
    const hex = Buffer.from(file.bytes).toString('hex');
    expect(hex).toContain('fbfc');
    expect(hex).toContain('fab1');
  });

  it('generates every record so that CP932 reads back exactly what was written', () => {
    for (const kind of LAID_OUT_KINDS) {
      const rows = makeRecords(kind);
      const decoded = decodeCp932(fromRecords(kind, rows).bytes);
      if (!decoded.ok) throw new Error(`${kind} not decodable`);
      expect(parseCsvText(decoded.text).records, kind).toEqual(rows);
    }
  });

  it('keeps commas, "" quotes and CRLF inside quoted fields', () => {
    const file = makeCsvFile('UP1KYO');
    const decoded = decodeCp932(file.bytes);
    if (!decoded.ok) throw new Error('not decodable');
    const { records, quoteErrors } = parseCsvText(decoded.text);
    expect(quoteErrors).toEqual([]);
    expect(records).toHaveLength(PEOPLE.length);
    expect(records[0]![21]).toBe(TRICKY_TEXT);
    expect(records[2]).toHaveLength(28);
  });

  it('reads a name with a comma and quotes in it', () => {
    const decoded = decodeCp932(makeCsvFile('UPHOSOKU').bytes);
    if (!decoded.ok) throw new Error('not decodable');
    expect(parseCsvText(decoded.text).records[2]![5]).toBe('佐藤, "一郎"');
  });

  it('reads empty quoted fields and a quote-only field', () => {
    const { records } = parseCsvText('a,"",""""\r\n"x\r\ny",b,c\r\n');
    expect(records).toEqual([['a', '', '"'], ['x\r\ny', 'b', 'c']]);
  });

  it('refuses bytes that are not CP932', () => {
    const good = makeCsvFile('DLTPLAN');
    const bytes = new Uint8Array([...good.bytes, 0x82, 0x20, 0x0d, 0x0a]);
    const report = validateCsv(good.name, bytes);
    expect(errors(report)).toHaveLength(1);
    expect(errors(report)[0]!.message).toContain('文字コードがShift_JIS(CP932)として読めません');
    expect(errors(report)[0]!.message).toContain('4行目付近');
  });

  it('refuses an unterminated quote', () => {
    const name = fileName({ kind: 'DLT1KYO' });
    const report = validateCsv(name, encodeCp932('202407,131016,0000012345,"20250320\r\n'));
    expect(errors(report).some((p) => p.message.includes('引用符(")が閉じられていません'))).toBe(true);
  });
});

describe('file-level errors', () => {
  it('refuses an empty file', () => {
    const name = fileName({ kind: 'UPPLAN' });
    expect(errors(validateCsv(name, new Uint8Array()))[0]!.message).toBe(`${name}: ファイルが空です`);
    expect(errors(validateCsv(name, encodeCp932('\r\n')))[0]!.message).toContain('ファイルが空です');
  });

  it('refuses an unknown CSV version', () => {
    const rows = makeRecords('DLTPLAN').map((r) => ['201801', ...r.slice(1)]);
    const report = validateCsv(fileName({ kind: 'DLTPLAN' }), encodeCp932(csvText(rows)));
    expect(errors(report)[0]!.message).toContain('「201801」は対応していないCSVバージョンです');
  });

  it('refuses mixed CSV versions in one file', () => {
    const file = withCell('UPPLAN', 5, 0, '202208');
    const report = validateCsv(file.name, file.bytes);
    expect(errors(report)).toHaveLength(1);
    expect(errors(report)[0]).toMatchObject({ row: 6, column: 'CSVバージョン' });
    expect(errors(report)[0]!.message).toContain('CSVバージョンが混在しています');
  });

  it('refuses 第3表 before CSV version 202407', () => {
    const file = makeCsvFile('UP3KYO', { version: '202208' });
    expect(errors(validateCsv(file.name, file.bytes))[0]!.message).toContain('UP3KYO はCSVバージョン 202407 のみです');
  });

  it('refuses a wrong column count', () => {
    const rows = makeRecords('UPSIKYU');
    rows[1]!.pop();
    const file = fromRecords('UPSIKYU', rows);
    const report = validateCsv(file.name, file.bytes);
    expect(errors(report)).toEqual([expect.objectContaining({ row: 2, message: `${file.name} 2行目: 項目数が37ではなく36です` })]);
  });

  it('refuses a 対象年月 that differs from the file name', () => {
    const rows = makeRecords('UPPLAN', { month: '202505' });
    const file = fromRecords('UPPLAN', rows, { month: '202504' });
    const report = validateCsv(file.name, file.bytes);
    expect(errors(report)[0]!.message).toBe(`${file.name} 1行目 対象年月: 202505 がファイル名の対象年月 202504 と異なります`);
  });

  it('refuses a blank line in the middle', () => {
    const text = csvText(makeRecords('DLTJSK')).replace('\r\n', '\r\n\r\n');
    const report = validateCsv(fileName({ kind: 'DLTJSK' }), encodeCp932(text));
    expect(errors(report)[0]).toMatchObject({ row: 2, message: expect.stringContaining('空の行があります') });
  });

  it('keeps at most a fixed number of problems and counts the rest', () => {
    const rows = makeRecords('UPPLAN').map((r) => { const x = [...r]; x[9] = '20250431'; return x; });
    const many = Array.from({ length: 10 }, () => rows).flat();
    const file = fromRecords('UPPLAN', many);
    const report = validateCsv(file.name, file.bytes);
    expect(report.problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(report.problems.at(-1)!.message).toContain(`ほかに${many.length - MAX_PROBLEMS_PER_FILE}件の問題があります`);
  });
});

describe('field checks: one failing case per rule', () => {
  const cases: [string, LaidOutKind, number, string, string][] = [
    ['保険者番号 6 digits', 'UPPLAN', 1, '13101', '保険者番号: 「13101」 は保険者番号(6桁の数字)ではありません'],
    ['被保険者番号 10 chars', 'UPPLAN', 2, 'X123456789', '被保険者番号: 「X123456789」 は被保険者番号'],
    ['作成年月日 real date', 'UP1KYO', 3, '20250230', '作成年月日: 2025-02-30 は存在しない日付です'],
    ['date of 8 digits', 'UP1KYO', 13, '2025032', '計画作成(変更)日: 「2025032」 は日付(YYYYMMDD、8桁)ではありません'],
    ['計画書区分', 'UP1KYO', 15, '13', '計画書区分: 「13」 は計画書区分ではありません'],
    ['認定状況区分', 'UP1KYO', 16, '3', '認定状況区分: 「3」 は認定状況区分'],
    ['要介護状態区分', 'UP1KYO', 20, '11', '要介護状態区分: 「11」 は要介護状態区分ではありません'],
    ['生活援助中心型算定理由', 'UP1KYO', 24, '4', '生活援助中心型算定理由: 「4」 は生活援助中心型算定理由ではありません'],
    ['課題NO 1–99', 'UP2KYO', 5, '100', '課題NO: 「100」 は1〜99の番号ではありません'],
    ['課題NO not 0', 'UP2KYO', 5, '0', '課題NO: 「0」 は1〜99の番号ではありません'],
    ['保険対象区分 Y/N', 'UP2KYO', 14, 'y', '保険対象区分: 「y」 は保険対象区分ではありません'],
    ['曜日 1–7', 'UP3KYO', 6, '8', '曜日: 「8」 は曜日'],
    ['HHMM', 'UP3KYO', 7, '2560', '開始時刻: 「2560」 は時刻(HHMM、なしは9999)ではありません'],
    ['日割対象日 31 chars', 'UPPLAN', 10, '0'.repeat(30), '日割対象日: 「000000000000000000000000000000」 は31桁の0/1ではありません'],
    ['日割対象日 0/1 only', 'UPPLAN', 10, '2'.repeat(31), '日割対象日:'],
    ['サービスコード 6 chars', 'UPPLAN', 14, '11121', 'サービスコード: 「11121」 はサービスコード(6桁の英数字)ではありません'],
    ['回数 integer', 'UPPLAN', 13, '1.5', '回数: 「1.5」 は0以上の整数ではありません'],
    ['サービス利用日 real date', 'UPPLAN', 9, '20250431', 'サービス利用日: 2025-04-31 は存在しない日付です'],
    ['サービス利用日 in the month', 'UPPLAN', 9, '20250501', 'サービス利用日: 2025-05-01 は対象年月 202504 の日付ではありません'],
    ['対象年月 YYYYMM', 'UPSIKYU', 4, '202513', '対象年月: 2025-13 は存在しない年月です'],
    ['事業所番号 10 chars', 'UPPLAN', 19, '331000001', 'サービス事業者コード: 「331000001」 は事業所番号(10桁)ではありません'],
    ['補足 生年月日', 'UPHOSOKU', 7, '19400230', '生年月日: 1940-02-30 は存在しない日付です'],
    ['DLT1KYO date', 'DLT1KYO', 3, '20251301', '計画作成(変更)日: 2025-13-01 は存在しない日付です'],
    ['required 被保険者番号', 'DLTJSK', 2, '', '被保険者番号: 値がありません'],
  ];
  for (const [rule, kind, column, value, expected] of cases) {
    it(rule, () => {
      const file = withCell(kind, 0, column, value);
      const report = validateCsv(file.name, file.bytes);
      const found = errors(report);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]!.message).toContain(`${file.name} 1行目 ${expected}`);
      expect(found[0]!.row).toBe(1);
    });
  }

  it('reports the row of the bad record, counting records not lines', () => {
    // row 1 of UP1KYO holds a quoted CRLF: the bad date on record 2 is still 2行目
    const file = withCell('UP1KYO', 1, 3, '20250230');
    expect(errors(validateCsv(file.name, file.bytes))[0]!.message)
      .toBe(`${file.name} 2行目 作成年月日: 2025-02-30 は存在しない日付です`);
  });

  it('accepts the allowed special values', () => {
    const allowed: [LaidOutKind, number, string][] = [
      ['UPPLAN', 2, 'H123456789'], ['UPPLAN', 11, '9999'], ['UPPLAN', 12, '2400'], ['UP1KYO', 24, ''],
      ['UP1KYO', 15, '54'], ['UP1KYO', 20, '06'], ['UP2KYO', 5, '99'], ['UP3KYO', 6, '7'], ['UPSIKYU', 8, '11ZZZZ'],
    ];
    for (const [kind, column, value] of allowed) {
      const file = withCell(kind, 0, column, value);
      expect(validateCsv(file.name, file.bytes).problems, `${kind} column ${column + 1} = ${value}`).toEqual([]);
    }
  });

  it('warns, never refuses, on a bad office-number check digit, once per number', () => {
    const rows = makeRecords('UPPLAN').map((r) => { const x = [...r]; x[19] = '0899999995'; return x; });
    const file = fromRecords('UPPLAN', rows);
    const report = validateCsv(file.name, file.bytes);
    expect(errors(report)).toEqual([]);
    expect(warnings(report)).toHaveLength(1);
    expect(warnings(report)[0]!.message).toContain('事業所番号 0899999995 のチェックデジットが合いません');
  });

  it('does not warn on the 第7表 grand-total office 9999999999', () => {
    const file = makeCsvFile('UPSIKYU');
    expect(warnings(validateCsv(file.name, file.bytes))).toEqual([]);
  });
});

describe('files without a layout', () => {
  it('checks only decoding and versions when the name is not a routed name', () => {
    const report = validateCsv('memo.csv', encodeCp932('202407,a,b\r\n202407,c\r\n'));
    expect(report.kind).toBeNull();
    expect(report.problems).toEqual([]);
  });
});
