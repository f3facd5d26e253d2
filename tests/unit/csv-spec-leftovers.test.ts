// The leftovers of the second spec reading, each on spec-shaped files (docs/csv-spec.md): the
// 利用者補足情報 a 第6・7表 or 第1表 unit goes with (2.2 ① ⑥ ○), 項目長 as a maximum (a warning),
// UPKIHON No.62 against the image naming rule, and 明細判別コード on 67.
import { describe, expect, it } from 'vitest';
import { foldFullWidthAscii, hasFullWidthAscii, sjisByteLength } from '../../src/domain/char-width';
import { validateCsv, validateSendCsvs } from '../../src/domain/csv';
import { layoutFor } from '../../src/domain/csv/layouts';
import type { CsvProblem } from '../../src/domain/csv/types';
import { parseFileName, type ParsedFileName } from '../../src/domain/filename';
import { sendUnitProblems } from '../../src/domain/send-unit';
import { encode, makeSpecFile } from '../support/spec-files';

type Edit = (records: string[][]) => void;

function problemsOf(kind: string, version: string, edit: Edit, name?: string): CsvProblem[] {
  const file = makeSpecFile(kind, version);
  const records = file.records.map((r) => [...r]);
  edit(records);
  return validateCsv(name ?? file.name, encode(records)).problems;
}

const at = (severity: 'error' | 'warning', row: number, column: number, item: string, text: string) =>
  expect.objectContaining({ severity, row, column, item, message: expect.stringContaining(text) });

function parsed(...names: string[]): ParsedFileName[] {
  return names.map((name) => {
    const result = parseFileName(name);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  });
}

const CM = '3300000001';
const PROVIDER = '3310000017';
const SEQ = '20250401090000';
const v4 = (kind: string, month?: string) => `${kind}${month ? `_${month}` : ''}_${CM}_43_${PROVIDER}_11_${SEQ}.CSV`;

describe('利用者補足情報 is 必須 (○) beside 第6・7表 and 第1・2・3表: without it, a warning', () => {
  it('a 第6・7表 unit without its 補足 warns on the 第6表, naming the 補足 it wants, and may still be sent', () => {
    const problems = sendUnitProblems(parsed(v4('UPPLAN', '202504'), v4('UPSIKYU', '202504')));
    expect(problems).toEqual([{
      severity: 'warning',
      files: [v4('UPPLAN', '202504')],
      message: `${v4('UPPLAN', '202504')}: 同じ送信単位(連番 2025/04/01 09:00:00・対象年月 2025年04月)に利用者補足情報(UPHOSOKU_202504_…)がありません。` +
        '標準仕様では第6・7表と一緒に送る必須のファイルです(送信はできます)',
    }]);
  });

  it('a 第1・2・3表 unit without its 補足 warns, naming the 000000 one', () => {
    const problems = sendUnitProblems(parsed(v4('UP1KYO'), v4('UP2KYO'), v4('UP3KYO')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', files: [v4('UP1KYO')] });
    expect(problems[0]!.message).toContain('利用者補足情報(UPHOSOKU_000000_…)がありません。標準仕様では第1表と一緒に送る必須のファイルです');
  });

  it('old-form names (CSVバージョン 202208 and before) are held to it alike', () => {
    const old = (kind: string, month?: string) => `${kind}${month ? `_${month}` : ''}_${CM}_${PROVIDER}_20231201090000.CSV`;
    expect(sendUnitProblems(parsed(old('UPPLAN', '202312'), old('UPSIKYU', '202312'))).map((p) => p.severity)).toEqual(['warning']);
    expect(sendUnitProblems(parsed(old('UPPLAN', '202312'), old('UPSIKYU', '202312'), old('UPHOSOKU', '202312')))).toEqual([]);
  });

  it('complete units say nothing; a 補足 of the other month, a 第7表 alone, 実績 and deletions are not its matter', () => {
    expect(sendUnitProblems(parsed(v4('UPPLAN', '202504'), v4('UPSIKYU', '202504'), v4('UPHOSOKU', '202504')))).toEqual([]);
    expect(sendUnitProblems(parsed(v4('UP1KYO'), v4('UP2KYO'), v4('UP3KYO'), v4('UPHOSOKU', '000000')))).toEqual([]);
    // a 補足 with a month does not complete unit 1 (and is an orphan of unit 2: an error of its own)
    const wrongMonth = sendUnitProblems(parsed(v4('UP1KYO'), v4('UP2KYO'), v4('UPHOSOKU', '202504')));
    expect(wrongMonth.filter((p) => p.severity === 'warning').map((p) => p.files)).toEqual([[v4('UP1KYO')]]);
    // the 第6表 is missing already (an error): no second word about the 補足
    expect(sendUnitProblems(parsed(v4('UPSIKYU', '202504'))).map((p) => p.severity)).toEqual(['error']);
    expect(sendUnitProblems(parsed(v4('DLTPLAN', '202504')))).toEqual([]);
    expect(sendUnitProblems(parsed(`UPJSK_202504_${PROVIDER}_11_${CM}_43_${SEQ}.CSV`))).toEqual([]);
  });
});

describe('第2表 and (from v4) 第3表 are 必須 beside 第1表 too (2.2 ④ ⑤): a warning', () => {
  it('a 第1表 without its 第2表 warns by name, in any version', () => {
    const problems = sendUnitProblems(parsed(v4('UP1KYO'), v4('UP3KYO'), v4('UPHOSOKU', '000000')));
    expect(problems).toEqual([expect.objectContaining({
      severity: 'warning', files: [v4('UP1KYO')],
      message: expect.stringContaining('に第2表(UP2KYO)がありません。標準仕様では第1表と一緒に送る必須のファイルです(送信はできます)'),
    })]);
  });

  const unit = (version: string, kinds: string[]) => validateSendCsvs(kinds.map((kind) => {
    const file = makeSpecFile(kind, version, kind === 'UPHOSOKU' ? { hosokuMonth: '000000' } : {});
    return { name: file.name, bytes: file.bytes };
  }));

  it('a v4 第1表 without its 第3表 warns across the files of the send (the CSVバージョン tells v4)', () => {
    const report = unit('202407', ['UP1KYO', 'UP2KYO', 'UPHOSOKU']);
    expect(report.ok).toBe(true);
    expect(report.crossProblems).toEqual([expect.objectContaining({
      severity: 'warning', file: report.reports[0]!.name,
      message: expect.stringContaining('同じ送信単位に第3表(UP3KYO)がありません。標準仕様では CSVバージョン 202407(第4版)から第1表と一緒に送る必須のファイルです'),
    })]);
    expect(unit('202407', ['UP1KYO', 'UP2KYO', 'UP3KYO', 'UPHOSOKU'])).toMatchObject({ ok: true, crossProblems: [] });
  });

  it('before v4 there is no 第3表 to ask for', () => {
    expect(unit('202208', ['UP1KYO', 'UP2KYO', 'UPHOSOKU'])).toMatchObject({ ok: true, crossProblems: [] });
  });
});

describe('項目長: a maximum, and a value past it only warns (the documents say neither chars nor bytes)', () => {
  it('a 利用者電話番号 (No.12, 項目長 15) of 17 characters warns with the field and its limit; the file still passes', () => {
    const problems = problemsOf('UPHOSOKU', '202407', (r) => { r[0]![11] = '03-1234-5678-9012'; });
    expect(problems).toEqual([at('warning', 1, 12, '利用者電話番号', '「03-1234-5678-9012」 は17文字あり、項目長 15 を超えています')]);
  });

  it('full-width characters count two bytes: within 15 characters but past 15 bytes warns, saying so', () => {
    const problems = problemsOf('UPHOSOKU', '202208', (r) => { r[1]![11] = '０３－１２３４－５６７８'; });
    expect(problems).toEqual([at('warning', 2, 12, '利用者電話番号', '全角文字を2バイトと数えると24バイトあり、項目長 15 をバイト数と読むと超えています')]);
    // half-width kana are one byte in Shift_JIS: 15 of them fit
    expect(problemsOf('UPHOSOKU', '202208', (r) => { r[1]![11] = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿ'; })).toEqual([]);
  });

  it('exactly the length passes, shorter passes (a maximum, not a fixed width)', () => {
    expect(problemsOf('UPHOSOKU', '202407', (r) => { r[0]![11] = '012345678901234'; r[1]![18] = '1'; })).toEqual([]);
  });

  it('第7表 当月の計画利用日数 (No.31, 項目長 2): 3 digits warn once per column, whatever the rows', () => {
    const problems = problemsOf('UPSIKYU', '202407', (r) => r.forEach((x) => { x[30] = '120'; }));
    expect(problems).toEqual([at('warning', 1, 31, '当月の計画利用日数', '「120」 は3文字あり、項目長 2 を超えています')]);
  });

  it('a value its 書式 refuses is named for that alone (no length word on top); 識別子 (使用しない) is not measured', () => {
    const refused = problemsOf('UPSIKYU', '202407', (r) => { r[0]![30] = '１２３'; });
    expect(refused).toEqual([at('error', 1, 31, '当月の計画利用日数', 'は整数ではありません。全角の英数字・記号は半角で書きます')]);
    expect(problemsOf('UPPLAN', '202407', (r) => { r[0]![24] = 'ABC'; })).toEqual([]);
  });

  it('pre-v4 lengths follow their version: 第7表 回数／日数 is 2 before v4 and 3 from v4', () => {
    expect(problemsOf('UPSIKYU', '202208', (r) => { r[0]![12] = '100'; }))
      .toEqual([at('warning', 1, 13, '回数／日数', '「100」 は3文字あり、項目長 2 を超えています')]);
    expect(problemsOf('UPSIKYU', '202407', (r) => { r[0]![15] = '100'; })).toEqual([]);
  });

  it('every column whose layout prints a 項目長 its 書式 does not fix is measured, from the layout tables', () => {
    for (const kind of ['UPHOSOKU', 'UPPLAN', 'UPSIKYU', 'UPKIHON', 'UPKIHON_SUB2', 'UPYOBO', 'UPYOBO_SUB']) {
      const measured = layoutFor(kind as never, 'v4')!.columns
        .filter((c) => c.length !== null && (c.format.id === 'text' || c.format.id === 'integer' || c.format.id === 'count'));
      expect(measured.length, kind).toBeGreaterThan(0);
      for (const column of measured) {
        const problems = problemsOf(kind, '202407', (r) => { r[0]![column.index] = '1'.repeat(column.length! + 1); });
        // other rules may speak too (an unlisted kind in a 補足 slot): the length is said, and nothing refuses
        expect(problems, `${kind} No.${column.no}`)
          .toContainEqual(at('warning', 1, column.no, column.name, `は${column.length! + 1}文字あり、項目長 ${column.length} を超えています`));
        expect(problems.filter((p) => p.severity === 'error'), `${kind} No.${column.no}`).toEqual([]);
      }
    }
  });
});

describe('UPKIHON No.62 家族構成 画像ファイル名: the naming rule of the layout (warnings)', () => {
  const own = `${CM}_43_${PROVIDER}_11_20250325103000`;

  it('the image name of the file itself passes, .jpg or .JPG (the rule writes one, the example the other)', () => {
    expect(problemsOf('UPKIHON', '202407', () => undefined)).toEqual([]);
    expect(problemsOf('UPKIHON', '202407', (r) => { r[0]![61] = `UPKIHON_IMAGE_${own}_0002.JPG`; })).toEqual([]);
  });

  it('a name that is no image name of the rule warns, saying why', () => {
    expect(problemsOf('UPKIHON', '202407', (r) => { r[0]![61] = '家族構成図.jpg'; }))
      .toEqual([at('warning', 1, 62, '家族構成 画像ファイル名', '「家族構成図.jpg」は家族構成の画像ファイル名(UPKIHON_IMAGE_送信元事業所番号_サービス種類_送信先事業所番号_サービス種類_連番14桁_枝番4桁.jpg)として読めません')]);
    // a 3-digit 枝番 (the rule says 4)
    expect(problemsOf('UPKIHON', '202407', (r) => { r[1]![61] = `UPKIHON_IMAGE_${own}_001.jpg`; }))
      .toEqual([at('warning', 2, 62, '家族構成 画像ファイル名', 'として読めません')]);
  });

  it('an image name whose part from the sender to the 連番 is not the file\'s own warns, naming both', () => {
    const other = `${CM}_43_${PROVIDER}_11_20250401090000`;
    expect(problemsOf('UPKIHON', '202407', (r) => { r[0]![61] = `UPKIHON_IMAGE_${other}_0001.jpg`; }))
      .toEqual([at('warning', 1, 62, '家族構成 画像ファイル名', `送信元事業所番号から連番まで(${other})が、このファイル名の ${own} と異なります`)]);
  });
});

describe('明細判別コード (第6表 / 実績 No.19): 「17:福祉用具貸与」以外は Null, 67 included', () => {
  const preventiveRental = (r: string[][]) => { r[2]![14] = '671001'; };

  it.each(['UPPLAN', 'UPJSK'])('%s: a 67 介護予防福祉用具貸与 row with a 明細判別コード warns, saying 67 too', (kind) => {
    expect(problemsOf(kind, '202407', preventiveRental))
      .toEqual([at('warning', 3, 19, '明細判別コード', '福祉用具貸与(17)の行にだけ付けます。それ以外のサービスでは空にします(介護予防福祉用具貸与(67)の行も、仕様書では空です)')]);
    // empty, as the spec asks: nothing to say
    expect(problemsOf(kind, '202407', (r) => { preventiveRental(r); r[2]![18] = ''; })).toEqual([]);
  });

  it('a 17 福祉用具貸与 row keeps its 明細判別コード silently (the spec sample has one)', () => {
    expect(problemsOf('UPPLAN', '202407', () => undefined)).toEqual([]);
  });
});

describe('char-width: one full-width ASCII helper for names, IDs and CSV values', () => {
  it('tells, folds and measures', () => {
    expect(hasFullWidthAscii('UPPLAN＿202504')).toBe(true);
    expect(hasFullWidthAscii('髙﨑 ｹｱﾏﾈ')).toBe(false);
    expect(foldFullWidthAscii('ＫＪ０１－ａ～')).toBe('KJ01-a~');
    expect(sjisByteLength('03-1234')).toBe(7);
    expect(sjisByteLength('ｹｱﾏﾈ')).toBe(4);
    expect(sjisByteLength('髙﨑①')).toBe(6);
  });
});
