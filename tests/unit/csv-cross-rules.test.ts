// The rules the spec states across fields, records and files, one failing case each, with the
// record row, column No. and 項目名 of the place named (docs/csv-spec.md "Rules across fields").
import { describe, expect, it } from 'vitest';
import { validateCsv, validateSendCsvs } from '../../src/domain/csv';
import type { CsvProblem } from '../../src/domain/csv/types';
import { encode, makeSpecFile, MONTH_OF, specFileName, type SpecFile } from '../support/spec-files';

type Edit = (records: string[][]) => void;

function edited(file: SpecFile, edit: Edit, name = file.name): { name: string; bytes: Uint8Array } {
  const records = file.records.map((r) => [...r]);
  edit(records);
  return { name, bytes: encode(records) };
}

function problemsOf(kind: string, version: string, edit: Edit, opts: Parameters<typeof makeSpecFile>[2] = {}): CsvProblem[] {
  const file = edited(makeSpecFile(kind, version, opts), edit);
  return validateCsv(file.name, file.bytes).problems;
}

const at = (severity: 'error' | 'warning', row: number, column: number, item: string, text: string) =>
  expect.objectContaining({ severity, row, column, item, message: expect.stringContaining(text) });

describe('利用者補足情報: which plan it goes with, said three times, must agree', () => {
  it('with 第1・2表 (file month 000000): 対象年月 is 000000 too', () => {
    const problems = problemsOf('UPHOSOKU', '202407', (r) => { r[0]![62] = '202504'; }, { hosokuMonth: '000000' });
    expect(problems).toContainEqual(at('error', 1, 63, '対象年月', '対象年月も 000000 にします'));
  });

  it('with 第1・2表: 居宅サービス計画作成（変更）日 is the plan date, not 00000000', () => {
    const problems = problemsOf('UPHOSOKU', '202208', (r) => { r[0]![3] = '00000000'; }, { hosokuMonth: '000000' });
    expect(problems).toContainEqual(at('error', 1, 4, '居宅サービス計画作成（変更）日', '第1表の計画作成日を設定します'));
  });

  it('with 第6・7表 (file month YYYYMM): the plan date is 00000000', () => {
    const problems = problemsOf('UPHOSOKU', '202407', (r) => { r[1]![3] = '20250401'; });
    expect(problems).toContainEqual(at('error', 2, 4, '居宅サービス計画作成（変更）日', '00000000 にします'));
  });

  it('with 第6・7表: 対象年月 is the file-name month', () => {
    const problems = problemsOf('UPHOSOKU', '202407', (r) => { r[0]![62] = '000000'; });
    expect(problems).toContainEqual(at('error', 1, 63, '対象年月', 'ファイル名の対象年月 202504 と異なります'));
  });

  it('limit slots are filled from the first; 短期入所療養介護 uses 22 (warnings)', () => {
    const gap = problemsOf('UPHOSOKU', '202407', (r) => { r[0]![19] = ''; r[0]![23] = '15'; });
    expect(gap).toContainEqual(at('warning', 1, 24, '２サービス種類コード', '１枠目から順に設定します'));
    const code = problemsOf('UPHOSOKU', '202407', (r) => { r[0]![19] = '2A'; });
    expect(code).toContainEqual(at('warning', 1, 20, '１サービス種類コード', '22 を設定します'));
  });
});

describe('第6表 / 実績', () => {
  it('a サービス利用日 outside the 対象年月 (one file is one month)', () => {
    expect(problemsOf('UPPLAN', '202407', (r) => { r[1]![9] = '20250501'; }))
      .toContainEqual(at('error', 2, 10, 'サービス利用日', '対象年月 202504 の日付ではありません'));
  });

  it('a 対象年月 other than the file-name month', () => {
    expect(problemsOf('UPJSK', '202208', (r) => { r[0]![4] = '202311'; }))
      .toContainEqual(at('error', 1, 5, '対象年月', 'ファイル名の対象年月 202312 と異なります'));
  });

  it('福祉用具貸与 (17) names a TAISコード or a 福祉用具届出コード (v4): a row with neither warns', () => {
    expect(problemsOf('UPPLAN', '202407', (r) => { r[2]![15] = ''; })).toEqual([
      at('warning', 3, 16, 'TAISコード', 'サービス種類 17 福祉用具貸与 の行に、TAISコードも福祉用具届出コードもありません'),
    ]);
    // either one is enough
    expect(problemsOf('UPPLAN', '202407', (r) => { r[2]![15] = ''; r[2]![16] = '00002-000020'; })).toEqual([]);
  });

  it.each(['UPPLAN', 'UPJSK'])('%s: an add-on row of 福祉用具貸与 (178110) without a product only warns, once', (kind) => {
    const problems = problemsOf(kind, '202407', (r) => {
      const addOn = [...r[2]!];
      addOn[14] = '178110';
      addOn[15] = '';
      addOn[16] = '';
      addOn[18] = '';
      r.splice(3, 0, addOn, [...addOn]);
    });
    expect(problems).toEqual([at('warning', 4, 16, 'TAISコード', '加算の行のように用具のない行もあるため、送信はできます')]);
  });

  it.each(['UPPLAN', 'UPJSK'])('%s No.8 (必須 uncertain, as No.6–7) empty: a warning, once per file; No.9 empty is no problem', (kind) => {
    for (const version of ['202407', '202208']) {
      expect(problemsOf(kind, version, (r) => r.forEach((x) => { x[7] = ''; x[8] = ''; })), version).toEqual([
        at('warning', 1, 8, '単位数', '値がありません(仕様書では必須と読める項目です。送信はできます)'),
      ]);
    }
  });

  it('明細判別コード belongs to 福祉用具貸与 only (warning)', () => {
    expect(problemsOf('UPJSK', '202407', (r) => { r[0]![18] = '1'; }))
      .toContainEqual(at('warning', 1, 19, '明細判別コード', '福祉用具貸与(17)の行にだけ付けます'));
  });

  it('開始・終了時刻: 9999 on both or neither (warning)', () => {
    expect(problemsOf('UPPLAN', '202407', (r) => { r[0]![12] = '9999'; }))
      .toContainEqual(at('warning', 1, 13, 'サービス終了時刻', '片方だけが 9999 です'));
  });

  it('更新業者コード: the sending 居宅 in a 予定, the line\'s provider (No.20) in a 実績 (warning)', () => {
    expect(problemsOf('UPJSK', '202407', (r) => { r[0]![23] = '3300000001'; }))
      .toContainEqual(at('warning', 1, 24, '更新業者コード', 'この行のサービス事業者コード 3310000017 と異なります(実績では実績のサービス事業者番号を書きます)'));
    expect(problemsOf('UPPLAN', '202407', (r) => { r[0]![23] = '3310000017'; }))
      .toContainEqual(at('warning', 1, 24, '更新業者コード', '送信元 3300000001 と異なります(予定では送信元の居宅介護支援事業者番号を書きます)'));
  });

  it('a service kind the scope tables leave out produces no record (warning, once per kind)', () => {
    const problems = problemsOf('UPPLAN', '202208', (r) => { r[0]![14] = '331111'; r[1]![14] = '331111'; });
    expect(problems.filter((p) => p.message.includes('連携の対象外'))).toEqual([
      at('warning', 1, 15, 'サービスコード', 'サービス種類 33 特定施設入居者生活介護 はデータ連携の対象外です'),
    ]);
  });
});

describe('service kinds inside records: the scope tables\' list, as for the file names (warnings, once per kind)', () => {
  const UNKNOWN = (code: string) => `サービス種類コード「${code}」は仕様の対象サービス種類(1.3・1.4の表)にありません(サービスコード表のサービス種類を確認してください。送信はできます)`;
  const OUT = 'サービス種類 33 特定施設入居者生活介護 はデータ連携の対象外です(仕様1.3・1.4の表)。対象外のサービスのレコードは出力しません';

  it.each([['ZZ', UNKNOWN('ZZ')], ['33', OUT]])('DLTJSK No.6 サービス種類コード %s', (code, message) => {
    for (const version of ['202407', '201910']) {
      const problems = problemsOf('DLTJSK', version, (r) => r.forEach((x) => { x[5] = code; }));
      expect(problems, version).toEqual([expect.objectContaining({
        severity: 'warning', row: 1, column: 6, item: 'サービス種類コード', message: expect.stringContaining(`1行目 6列目(サービス種類コード): ${message}`),
      })]);
    }
  });

  it.each(['UPPLAN', 'UPJSK'])('%s: a サービスコード of an unknown kind (ZZ1234)', (kind) => {
    const problems = problemsOf(kind, '202407', (r) => { r[1]![14] = 'ZZ1234'; r[0]![14] = 'ZZ1234'; });
    expect(problems).toEqual([at('warning', 1, 15, 'サービスコード', UNKNOWN('ZZ'))]);
  });

  it('第7表: detail rows and subtotal rows of an unknown kind', () => {
    expect(problemsOf('UPSIKYU', '202407', (r) => { r[1]![8] = 'Q91111'; r[2]![8] = 'Q9AAAA'; }))
      .toEqual([at('warning', 2, 9, 'サービスコード', UNKNOWN('Q9'))]);
    // an EEEE subtotal of its own, after the 11AAAA
    expect(problemsOf('UPSIKYU', '202407', (r) => { r.splice(3, 0, r[2]!.map((v, i) => (i === 8 ? 'Q9EEEE' : v))); }))
      .toEqual([at('warning', 4, 9, 'サービスコード', UNKNOWN('Q9'))]);
  });

  it('補足: a limit slot of a kind the tables do not list', () => {
    expect(problemsOf('UPHOSOKU', '202407', (r) => { r[1]![19] = 'ZZ'; }))
      .toEqual([at('warning', 2, 20, '１サービス種類コード', 'サービス種類コード「ZZ」は仕様の対象サービス種類(1.3・1.4の表)にありません(送信はできます)')]);
  });

  it('known kinds in scope pass silently (2A, A1, 67)', () => {
    expect(problemsOf('DLTJSK', '202407', (r) => r.forEach((x, i) => { x[5] = ['2A', 'A1'][i % 2]!; }))).toEqual([]);
    expect(problemsOf('UPPLAN', '202407', (r) => { r[0]![14] = 'A11111'; })).toEqual([]);
  });
});

describe('第7表: subtotals and the grand total', () => {
  // records per person: 0 111211, 1 112111, 2 11AAAA, 3 171001, 4 999999
  it('単位数 0 and 割引後 Null on subtotal and total rows', () => {
    const problems = problemsOf('UPSIKYU', '202407', (r) => { r[2]![12] = '100'; r[4]![13] = '90'; });
    expect(problems).toContainEqual(at('error', 3, 13, '単位数', '小計行(11AAAA)の単位数は 0 を設定します'));
    expect(problems).toContainEqual(at('error', 5, 14, '割引後率', '合計行(999999)の割引後率は空(Null)にします'));
  });

  it('the grand total sits on office 9999999999', () => {
    expect(problemsOf('UPSIKYU', '202208', (r) => { r[4]![6] = '3310000017'; }))
      .toContainEqual(at('error', 5, 7, 'サービス事業所コード', '9999999999 を設定します'));
  });

  it('every person has a grand total row', () => {
    const problems = problemsOf('UPSIKYU', '202407', (r) => { r.splice(9, 1); });
    expect(problems).toContainEqual(at('error', 6, 9, 'サービスコード', '被保険者番号 H123456789 の合計行'));
  });

  it('a kind with several detail rows has its AAAA subtotal (warning)', () => {
    const problems = problemsOf('UPSIKYU', '202407', (r) => { r.splice(2, 1); });
    expect(problems).toContainEqual(at('warning', 1, 9, 'サービスコード', '小計行(11AAAA)が必要です'));
  });

  it('回数／日数 is required on detail rows only', () => {
    expect(problemsOf('UPSIKYU', '202407', (r) => { r[0]![15] = ''; }))
      .toContainEqual(at('error', 1, 16, '回数／日数', '明細行の必須項目です'));
    expect(problemsOf('UPSIKYU', '202407', (r) => { r[4]![15] = ''; })).toEqual([]);
  });

  it('回数／日数 is a count, as 第6表 サービス回数: a negative one is refused in both (減算 goes in 単位数)', () => {
    for (const [version, column] of [['202407', 16], ['202208', 13]] as const) {
      expect(problemsOf('UPSIKYU', version, (r) => { r[1]![column - 1] = '-3'; }), version)
        .toEqual([at('error', 2, column, '回数／日数', '「-3」 は回数(0以上の整数)ではありません')]);
      expect(problemsOf('UPPLAN', version, (r) => { r[1]![13] = '-1'; }), version)
        .toEqual([at('error', 2, 14, 'サービス回数', '「-1」 は回数(0以上の整数)ではありません')]);
    }
    // 単位数 stays 整数: a 減算 row has negative units in both tables
    expect(problemsOf('UPSIKYU', '202407', (r) => { r[1]![12] = '-120'; })).toEqual([]);
    expect(problemsOf('UPPLAN', '202407', (r) => { r[1]![7] = '-120'; })).toEqual([]);
  });

  it('福祉用具貸与 rows name the equipment here too (v4), a warning as in 第6表', () => {
    expect(problemsOf('UPSIKYU', '202407', (r) => { r[3]![9] = ''; }))
      .toEqual([at('warning', 4, 10, 'TAISコード', 'TAISコードも福祉用具届出コードもありません')]);
  });
});

describe('利用者基本情報', () => {
  it('相談方法 03 and 利用者の現況 02 send their content to the next column (warnings)', () => {
    const problems = problemsOf('UPKIHON', '202407', (r) => { r[0]![7] = '03'; r[0]![8] = ''; r[0]![11] = '02'; r[0]![12] = ''; });
    expect(problems).toContainEqual(at('warning', 1, 9, '相談方法(その他の内容)', '相談方法が 03 のとき'));
    expect(problems).toContainEqual(at('warning', 1, 13, '利用者の現況(状況補足)', '利用者の現況が 02 のとき'));
  });

  it('家族構成 画像ファイル名 has the image name form (warning)', () => {
    expect(problemsOf('UPKIHON', '202407', (r) => { r[0]![61] = '家族.png'; }))
      .toContainEqual(at('warning', 1, 62, '家族構成 画像ファイル名', '画像ファイル名'));
  });

  it('別表 records repeat the keys of a record of their parent file', () => {
    const parent = makeSpecFile('UPKIHON', '202407');
    const child = edited(makeSpecFile('UPKIHON_SUB2', '202407'), (r) => { r[1]![3] = '20250402'; });
    const report = validateSendCsvs([parent, child]);
    expect(report.ok).toBe(false);
    expect(report.crossProblems).toEqual([at('error', 2, 4, '相談日', 'の利用者基本情報が')]);
  });
});

describe('CSVバージョン', () => {
  it('a version whose layout does not match the columns: an error that names the version that fits', () => {
    const v4 = makeSpecFile('UPPLAN', '202407');
    const relabelled = edited(v4, (r) => r.forEach((x) => { x[0] = '202208'; }));
    const problems = validateCsv(relabelled.name, relabelled.bytes).problems;
    expect(problems).toContainEqual(at('error', 1, 22, '識別子', '項目数が22ではなく25です。25項目はCSVバージョン 202407 の形式です'));
  });

  it('a version not in force for the service month: reported with the version that applies', () => {
    const file = edited(makeSpecFile('UPPLAN', '202208'), () => undefined, specFileName('UPPLAN', '202208', '202504'));
    const records = makeSpecFile('UPPLAN', '202208').records.map((r) => r.map((v, i) => (i === 4 ? '202504' : i === 9 ? `202504${v.slice(6)}` : v)));
    const problems = validateCsv(file.name, encode(records)).problems;
    expect(problems).toEqual([at('warning', 1, 1, 'CSVバージョン', '対象年月 2025年04月 に適用されるCSVバージョンは 202407 です(202208 は 2023年01月 のサービス提供分から適用)')]);
  });

  it('202504 (the v4.0 value) is read as v4, with a warning', () => {
    const file = edited(makeSpecFile('UPSIKYU', '202407'), (r) => r.forEach((x) => { x[0] = '202504'; }));
    expect(validateCsv(file.name, file.bytes).problems).toEqual([at('warning', 1, 1, 'CSVバージョン', 'v4.0の値で、v4.1で 202407 に変わりました')]);
  });

  it('a kind v4 introduced, in a pre-v4 version', () => {
    for (const kind of ['UP3KYO', 'UPKIHON', 'UPYOBO_SUB', 'DLTYOBO']) {
      const file = edited(makeSpecFile(kind, '202407'), (r) => r.forEach((x) => { x[0] = '202208'; }));
      expect(validateCsv(file.name, file.bytes).problems, kind).toContainEqual(at('error', 1, 1, 'CSVバージョン', 'CSVバージョン 202407 からのファイルです(202208 にはありません)'));
    }
  });

  it('months of the history: each version applies from its own month', () => {
    expect(MONTH_OF).toEqual({ 201910: '202006', 202003: '202104', 202208: '202312', 202407: '202504' });
  });
});
