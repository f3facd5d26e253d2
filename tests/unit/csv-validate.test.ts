import { describe, expect, it } from 'vitest';
import { validateCsv } from '../../src/domain/csv';
import { decodeCp932 } from '../../src/domain/csv/decode';
import { parseCsvText } from '../../src/domain/csv/parse';
import { layoutFor } from '../../src/domain/csv/layouts';
import { MAX_PROBLEMS_PER_FILE } from '../../src/domain/csv/problems';
import { isListed, problemCount } from '../../src/domain/csv/types';
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

  it('every layout has the column count of the spec, per era', () => {
    const counts = (era: 'pre-v4' | 'v4') =>
      Object.fromEntries(LAID_OUT_KINDS.map((k) => [k, layoutFor(k, era)?.columns.length ?? null]));
    expect(counts('v4')).toEqual({
      UP1KYO: 28, UP2KYO: 22, UP3KYO: 13, UPHOSOKU: 63, UPPLAN: 25, UPJSK: 25, UPSIKYU: 37,
      DLT1KYO: 4, DLTPLAN: 4, DLTJSK: 6,
    });
    expect(counts('pre-v4')).toEqual({
      UP1KYO: 28, UP2KYO: 22, UP3KYO: null, UPHOSOKU: 63, UPPLAN: 22, UPJSK: 22, UPSIKYU: 34,
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

  it('refuses bytes that are not CP932, at their record row and column', () => {
    const good = makeCsvFile('DLTPLAN');
    const bytes = new Uint8Array([...good.bytes, 0x82, 0x20, 0x0d, 0x0a]);
    const report = validateCsv(good.name, bytes);
    // the stray bytes make a 4th record of one field: its version and column count are wrong too
    expect(errors(report)).toContainEqual(expect.objectContaining({
      row: 4, column: 1, item: 'CSVバージョン', message: expect.stringContaining('Shift_JIS(MS932)として読めない文字'),
    }));
  });

  it('refuses an unterminated quote', () => {
    const name = fileName({ kind: 'DLT1KYO' });
    const report = validateCsv(name, encodeCp932('202407,131016,0000012345,"20250320\r\n'));
    expect(errors(report)).toContainEqual(expect.objectContaining({
      row: 1, column: 4, item: '居宅サービス計画作成（変更）日', message: expect.stringContaining('引用符(")が閉じられていません'),
    }));
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
    expect(errors(report)[0]).toMatchObject({ row: 6, column: 1, item: 'CSVバージョン' });
    expect(errors(report)[0]!.message).toContain('CSVバージョンが混在しています');
  });

  it('refuses 第3表 before CSV version 202407', () => {
    const file = makeCsvFile('UP3KYO', { version: '202208' });
    expect(errors(validateCsv(file.name, file.bytes))[0]!.message).toContain('第3表(UP3KYO)はCSVバージョン 202407 からのファイルです(202208 にはありません)');
  });

  it('refuses a wrong column count', () => {
    const rows = makeRecords('UPSIKYU');
    rows[1]!.pop();
    const file = fromRecords('UPSIKYU', rows);
    const report = validateCsv(file.name, file.bytes);
    expect(errors(report)).toEqual([expect.objectContaining({
      row: 2, column: 37, item: '識別子', message: `${file.name} 2行目 37列目(識別子): 項目数が37ではなく36です(37列目の識別子から後がありません)`,
    })]);
  });

  it('refuses a 対象年月 that differs from the file name', () => {
    const rows = makeRecords('UPPLAN', { month: '202505' });
    const file = fromRecords('UPPLAN', rows, { month: '202504' });
    const report = validateCsv(file.name, file.bytes);
    expect(errors(report)[0]!.message).toBe(`${file.name} 1行目 5列目(対象年月): 202505 がファイル名の対象年月 202504 と異なります(1ファイルは1か月分です)`);
  });

  it('refuses a blank line in the middle', () => {
    const text = csvText(makeRecords('DLTJSK')).replace('\r\n', '\r\n\r\n');
    const report = validateCsv(fileName({ kind: 'DLTJSK' }), encodeCp932(text));
    expect(errors(report)[0]).toMatchObject({ row: 2, message: expect.stringContaining('空の行があります') });
  });

  it('keeps at most a fixed number of errors and counts the rest; warnings never crowd errors out', () => {
    const rows = makeRecords('UPPLAN').map((r) => { const x = [...r]; x[9] = '20250431'; return x; });
    const many = Array.from({ length: 10 }, () => rows).flat();
    const file = fromRecords('UPPLAN', many);
    const report = validateCsv(file.name, file.bytes);
    expect(errors(report)).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(report.problems.at(-1)!.message).toContain(`ほかに誤りが${many.length - MAX_PROBLEMS_PER_FILE}件あります`);
  });

  it('counts a file cut short by its problems, not by its lines: the 「ほかに…件」 line is no error itself', () => {
    const rows = makeRecords('UPPLAN').map((r) => { const x = [...r]; x[9] = '20250431'; return x; });
    const many = Array.from({ length: Math.ceil(250 / rows.length) }, () => rows).flat();
    const file = fromRecords('UPPLAN', many);
    const { problems } = validateCsv(file.name, file.bytes);
    expect(problemCount(problems, 'error')).toBe(many.length);
    expect(problems.filter(isListed)).toHaveLength(MAX_PROBLEMS_PER_FILE);
    expect(problems.at(-1)).toMatchObject({ severity: 'error', omitted: many.length - MAX_PROBLEMS_PER_FILE });
    expect(problemCount(problems, 'warning')).toBe(0);
  });
});

describe('office numbers inside a file', () => {
  it('warns, never refuses, on a bad office-number check digit, once per number', () => {
    const rows = makeRecords('UPPLAN').map((r) => { const x = [...r]; x[19] = '0899999995'; return x; });
    const file = fromRecords('UPPLAN', rows);
    const report = validateCsv(file.name, file.bytes);
    expect(errors(report)).toEqual([]);
    expect(warnings(report)).toEqual([expect.objectContaining({ row: 1, column: 20, item: 'サービス事業者コード' })]);
    expect(warnings(report)[0]!.message).toContain('事業所番号 0899999995 のチェックデジットが合いません');
  });

  it('does not warn on the 第7表 grand-total office 9999999999', () => {
    const file = makeCsvFile('UPSIKYU');
    expect(warnings(validateCsv(file.name, file.bytes))).toEqual([]);
  });

  it('reports the row of the bad record, counting records not lines', () => {
    // row 1 of UP1KYO holds a quoted CRLF: the bad date on record 2 is still 2行目
    const rows = makeRecords('UP1KYO');
    rows[1]![3] = '20250230';
    const file = fromRecords('UP1KYO', rows);
    expect(errors(validateCsv(file.name, file.bytes))[0]!.message)
      .toBe(`${file.name} 2行目 4列目(作成年月日): 2025-02-30 は存在しない日付です(YYYYMMDD)`);
  });
});

describe('files without a layout', () => {
  it('checks only decoding and versions when the name is not a routed name', () => {
    const report = validateCsv('memo.csv', encodeCp932('202407,a,b\r\n202407,c\r\n'));
    expect(report.kind).toBeNull();
    expect(report.problems).toEqual([]);
  });
});

describe('a file that is not text', () => {
  // a PNG renamed .csv: its signature, a header chunk, then bytes that would read as ~200 garbled rows
  const png = new Uint8Array(4096);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  for (let i = 16; i < png.length; i++) png[i] = (i * 37) % 251 || 0x0a;
  const name = fileName({ kind: 'UPJSK', month: '202504' });

  it('is refused with one error in the attachment check\'s words, and the check stops there', async () => {
    const { checkAttachment } = await import('../../src/domain/attachments');
    const report = validateCsv(name, png);
    expect(report.problems.map((p) => p.message)).toEqual([checkAttachment({ name, size: png.length, head: png.subarray(0, 16) })]);
  });

  it('the check command says it once for that file', async () => {
    const { checkFiles } = await import('../../src/domain/csv/check-files');
    const [report] = checkFiles([{ name, bytes: png }]);
    expect(report!.errors.map((e) => e.message)).toEqual([`${name}: ファイルの内容がCSV(テキスト)ではありません(拡張子と内容が一致しません)`]);
  });
});
