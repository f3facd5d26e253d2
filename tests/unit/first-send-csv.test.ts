// What a new user meets on a first send, CSV content: files saved as UTF-8 (with or without a
// BOM) instead of CP932, line endings other than CRLF, blank lines at the end, quoted fields
// with CRLF inside, and a 対象年月 in the records that is not the one in the name.
import { describe, expect, it } from 'vitest';
import { validateCsv, validateSendCsvs } from '../../src/domain/csv';
import { decodeCp932 } from '../../src/domain/csv/decode';
import {
  LAID_OUT_KINDS, csvText, encodeCp932, fileName, fromRecords, makeCsvFile, makeRecords, type GeneratedFile,
} from '../support/csvgen';

const UTF8_ERROR = '文字コードがUTF-8になっています。連携ファイルはShift_JIS(CP932)です(介護ソフトから出力し直してください)';
const BOM = [0xef, 0xbb, 0xbf];

const errors = (file: { name: string; bytes: Uint8Array }) =>
  validateCsv(file.name, file.bytes).problems.filter((p) => p.severity === 'error');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** An 実績 whose only Japanese is text that UTF-8 turns into valid-looking CP932 (佐藤 → 菴占陸). */
function actualsInUtf8(): GeneratedFile {
  const rows = makeRecords('UPJSK', { month: '202504' }).map((row) => {
    const r = [...row];
    r[6] = '佐藤'; // プラン担当者名
    r[20] = '訪問介護'; // 事業所名
    return r;
  });
  const name = fileName({ kind: 'UPJSK', month: '202504' });
  return { name, bytes: utf8(csvText(rows)) };
}

describe('a CSV saved as UTF-8 is refused with one clear message, never read as garbled CP932', () => {
  it('UTF-8 that CP932 would read without a fault (the silent case)', () => {
    const file = actualsInUtf8();
    // the trap: strict CP932 decoding accepts these bytes and yields nonsense
    const misread = decodeCp932(file.bytes);
    expect(misread.ok).toBe(true);
    expect(misread.ok && misread.text).toContain('菴占陸');
    expect(errors(file)).toEqual([expect.objectContaining({ message: `${file.name}: ${UTF8_ERROR}` })]);
  });

  it('UTF-8 with 髙 and 﨑 that CP932 cannot read says UTF-8 too, not just "unreadable"', () => {
    const cp932 = makeCsvFile('UP1KYO');
    const file = { name: cp932.name, bytes: utf8(csvText(makeRecords('UP1KYO'))) };
    expect(errors(file).map((p) => p.message)).toEqual([`${file.name}: ${UTF8_ERROR}`]);
  });

  it('UTF-8 with a BOM (Excel’s "CSV UTF-8"), and a BOM glued to CP932 bytes: each refused by name', () => {
    const plain = actualsInUtf8();
    const file = { name: plain.name, bytes: new Uint8Array([...BOM, ...plain.bytes]) };
    expect(errors(file).map((p) => p.message)).toEqual([
      `${file.name}: 文字コードがUTF-8(BOM付き)になっています。連携ファイルはBOMなしのShift_JIS(CP932)です(介護ソフトから出力し直すか、Shift_JISで保存し直してください)`,
    ]);
    const glued = makeCsvFile('UPPLAN');
    expect(errors({ name: glued.name, bytes: new Uint8Array([...BOM, ...glued.bytes]) }).map((p) => p.message)).toEqual([
      `${glued.name}: ファイルの先頭にBOM(EF BB BF)が付いています。連携ファイルはBOMなしのShift_JIS(CP932)です(BOMなしで保存し直してください)`,
    ]);
    // UTF-16 (Excel's "Unicode テキスト") starts with FF FE
    expect(errors({ name: glued.name, bytes: new Uint8Array([0xff, 0xfe, 0x32, 0x00]) })[0]!.message).toContain('UTF-16');
  });

  it('the whole send is not ok, and the check does not stop at the first file', () => {
    const file = actualsInUtf8();
    const report = validateSendCsvs([file]);
    expect(report.ok).toBe(false);
    expect(report.reports[0]!.report).toEqual({ kind: 'UPJSK', version: null, problems: [expect.objectContaining({ severity: 'error' })] });
  });

  it('ASCII-only files (a DLT file has no Japanese) are the same in both encodings and pass', () => {
    for (const kind of ['DLT1KYO', 'DLTPLAN', 'DLTJSK'] as const) {
      const file = makeCsvFile(kind);
      expect(file.bytes.every((b) => b < 0x80)).toBe(true);
      expect(validateCsv(file.name, file.bytes).problems).toEqual([]);
    }
  });

  it('no real CP932 file of any kind is taken for UTF-8', () => {
    for (const kind of LAID_OUT_KINDS) {
      const file = makeCsvFile(kind, { version: '202407' });
      expect(validateCsv(file.name, file.bytes).problems, kind).toEqual([]);
    }
  });
});

describe('line endings and the end of the file', () => {
  const rows = makeRecords('UP2KYO');
  const name = fileName({ kind: 'UP2KYO' });
  const problemsOf = (text: string) => validateCsv(name, encodeCp932(text)).problems;

  it('CRLF, LF only, and CR only (old Mac) read the same records', () => {
    expect(problemsOf(csvText(rows, '\r\n'))).toEqual([]);
    expect(problemsOf(csvText(rows, '\n'))).toEqual([]);
    expect(problemsOf(csvText(rows, '\r'))).toEqual([]);
  });

  it('a final record without a newline is a whole record, in any line ending', () => {
    expect(problemsOf(csvText(rows, '\r\n').slice(0, -2))).toEqual([]);
    expect(problemsOf(csvText(rows, '\n').slice(0, -1))).toEqual([]);
  });

  it('blank lines at the end are one warning at the first of them; the send is allowed', () => {
    const count = rows.length;
    const problems = problemsOf(`${csvText(rows)}\r\n\r\n`);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', row: count + 1, message: `${name} ${count + 1}行目: 末尾に空の行が2行あります(送信はできます)` }),
    ]);
    expect(problemsOf(`${csvText(rows, '\n')}\n`)).toEqual([expect.objectContaining({ severity: 'warning', row: count + 1 })]);
  });

  it('a blank line between records is an error on its own line number', () => {
    const [first, ...rest] = csvText(rows).split('\r\n');
    const problems = problemsOf([first, '', ...rest].join('\r\n'));
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', row: 2, message: `${name} 2行目: 空の行があります` })]);
  });

  it('a line of spaces is a blank line, not a mix of CSV versions', () => {
    const count = rows.length;
    expect(problemsOf(`${csvText(rows)}   \r\n`)).toEqual([
      expect.objectContaining({ severity: 'warning', row: count + 1, message: `${name} ${count + 1}行目: 末尾に空の行が1行あります(送信はできます)` }),
    ]);
    // a file of nothing but blank lines is an empty file
    expect(problemsOf(' \r\n\r\n \r\n').map((p) => p.message)).toEqual([`${name}: ファイルが空です(レコードがありません)`]);
  });
});

describe('a quoted field with CRLF inside', () => {
  it('stays one field of one record, and later rows are counted in records, not lines', () => {
    const rows = makeRecords('UP1KYO');
    rows[0]![21] = '課題1: 入浴\r\n課題2: 服薬\r\n課題3: "見守り", 夜間';
    rows[1]![13] = '2025/03/20'; // 計画作成(変更)日 written with slashes
    const file = fromRecords('UP1KYO', rows);
    expect(errors(file)).toEqual([expect.objectContaining({ row: 2, column: 14, item: '居宅サービス計画作成（変更）日' })]);
  });

  it('an unclosed quote at the end is a quoting error, not a crash', () => {
    const rows = makeRecords('UP1KYO');
    const text = csvText(rows).replace(/\r\n$/, '') + ',"閉じていない\r\n';
    const problems = validateCsv(fileName({ kind: 'UP1KYO' }), encodeCp932(text)).problems;
    expect(problems.some((p) => p.message.includes('引用符(")が閉じられていません'))).toBe(true);
  });
});

describe('対象年月 in the name against the records', () => {
  const MONTH_KINDS = ['UPPLAN', 'UPJSK', 'UPSIKYU', 'UPHOSOKU', 'DLTPLAN', 'DLTJSK'] as const;

  it.each(MONTH_KINDS)('%s: records of 2025/05 in a file named 202504 are refused on every record', (kind) => {
    const rows = makeRecords(kind, { month: '202505' });
    const file = fromRecords(kind, rows, { month: '202504' });
    const monthErrors = errors(file).filter((p) => p.message.includes('ファイル名の対象年月 202504 と異なります'));
    expect(monthErrors).toHaveLength(rows.length);
    expect(monthErrors[0]).toMatchObject({ row: 1, message: expect.stringContaining('202505 がファイル名の対象年月 202504 と異なります') });
  });

  it.each(MONTH_KINDS)('%s: the same month in name and records passes', (kind) => {
    // 202502 is a month of CSV version 202208 (202407 applies from 202504)
    const file = fromRecords(kind, makeRecords(kind, { month: '202502', version: '202208' }), { month: '202502' });
    expect(validateCsv(file.name, file.bytes).problems).toEqual([]);
  });

  it('a 第6表 and 第7表 of one 連番 named for different months are refused across the files', () => {
    const seq = '20250325103000';
    const plan = makeCsvFile('UPPLAN', { month: '202504', sequence: seq });
    const sikyu = makeCsvFile('UPSIKYU', { month: '202505', sequence: seq });
    const report = validateSendCsvs([plan, sikyu]);
    expect(report.ok).toBe(false);
    expect(report.crossProblems.map((p) => p.message)).toContain(`${sikyu.name}: 第6表(202504)と第7表(202505)の対象年月が異なります`);
  });

  it('29 February as a サービス利用日: real in 2024, refused in 2023', () => {
    const leap = makeRecords('UPPLAN', { month: '202402', version: '202208' });
    leap[0]![9] = '20240229';
    expect(errors(fromRecords('UPPLAN', leap, { month: '202402' }))).toEqual([]);
    const common = makeRecords('UPPLAN', { month: '202302', version: '202208' });
    common[0]![9] = '20230229';
    expect(errors(fromRecords('UPPLAN', common, { month: '202302' }))).toEqual([
      expect.objectContaining({ row: 1, column: 10, item: 'サービス利用日', message: expect.stringContaining('2023-02-29 は存在しない日付です') }),
    ]);
  });
});
