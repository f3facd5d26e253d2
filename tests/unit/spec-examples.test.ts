// The spec's own examples, as printed, handled deliberately (docs/csv-spec.md "The spec's own
// examples"): the v4.1 layout's names pass; the examples that break the spec's own rules are
// refused with a message that says which rule, or warned about where the spec itself is unsure.
import { describe, expect, it } from 'vitest';
import { validateCsv } from '../../src/domain/csv';
import { checkDirections } from '../../src/domain/direction';
import { sendUnitProblems } from '../../src/domain/send-unit';
import { encode, makeSpecFile } from '../support/spec-files';
import { parsedName, refusedName } from '../support/filename';

/** Every file name printed in the v4.1 layout (sender 0300000100/43, destination 0300000005/11). */
const LAYOUT_EXAMPLES = [
  'UPHOSOKU_000000_0300000100_43_0300000005_11_20191025200201.CSV',
  'UPHOSOKU_201909_0300000100_43_0300000005_11_20191025200201.CSV',
  'UP1KYO_0300000100_43_0300000005_11_20191025200201.CSV',
  'DLT1KYO_0300000100_43_0300000005_11_20191025200201.CSV',
  'UP2KYO_0300000100_43_0300000005_11_20191025200201.CSV',
  'UP3KYO_0300000100_43_0300000005_11_20191025200201.CSV',
  'UPPLAN_201912_0300000100_43_0300000005_11_20191025200201.CSV',
  'UPJSK_201912_0300000005_43_0300000100_11_20191025200201.CSV',
  'DLTPLAN_201912_0300000100_43_0300000005_11_20191025200201.CSV',
  'DLTJSK_201912_0300000005_43_0300000100_11_20191025200201.CSV',
  'UPSIKYU_201912_0300000100_43_0300000005_11_20191025200201.CSV',
  'UPKIHON_0300000100_43_0300000005_11_20191025200201.CSV',
  'UPKIHON_IMAGE_0300000100_43_0300000005_11_20191025200201_0001.JPG',
  'UPKIHON_IMAGE_0300000100_43_0300000005_11_20191025200201_0002.JPG',
  'UPKIHON_SUB1_0300000100_43_0300000005_11_20191025200201.CSV',
  'UPKIHON_SUB2_0300000100_43_0300000005_11_20191025200201.CSV',
  'DLTKIHON_0300000100_43_0300000005_11_20191025200201.CSV',
  'UPYOBO_0300000100_43_0300000005_11_20191025200201.CSV',
  'UPYOBO_SUB_0300000100_43_0300000005_11_20191025200201.CSV',
  'DLTYOBO_0300000100_43_0300000005_11_20191025200201.CSV',
];

describe('the names printed in the v4.1 layout', () => {
  it('each reads as the v4 form, with its kind, month and offices', () => {
    for (const name of LAYOUT_EXAMPLES) expect(parsedName(name).version, name).toBe('v4');
    expect(parsedName(LAYOUT_EXAMPLES[1]!)).toMatchObject({ kind: 'UPHOSOKU', targetMonth: '201909', senderServiceKind: '43' });
    expect(parsedName(LAYOUT_EXAMPLES[12]!)).toMatchObject({ kind: 'UPKIHON_IMAGE', imageNumber: '0001' });
  });

  it('the 介護予防 files of one 連番 make whole units, the 別表 and images naming their parent\'s parts', () => {
    const yobo = LAYOUT_EXAMPLES.filter((n) => /^UP(KIHON|YOBO)/.test(n)).map(parsedName);
    expect(sendUnitProblems(yobo)).toEqual([]);
  });

  it('§6 18: the UPJSK and DLTJSK examples swap the office numbers but not the kind codes: a warning, not a refusal', () => {
    const problems = checkDirections(LAYOUT_EXAMPLES.map(parsedName));
    expect(problems.map((p) => [p.file.slice(0, 6), p.severity])).toEqual([['UPJSK_', 'warning'], ['DLTJSK', 'warning']]);
  });
});

describe('the bad names of the manual and of the spec body: refused, saying which rule', () => {
  it('§6 15: a 9-digit office number (body 2.4 / 3.4), with the likely cause', () => {
    expect(refusedName('UP1KYO_123456789_43_2468135790_11_20191110102233.CSV')).toContain(
      '送信元事業所番号は10桁です(「123456789」は9桁。表計算ソフトで先頭の0が消えていないか確認してください)');
  });

  it('§6 16: a 15-digit 連番 (body 2.5 / 3.5)', () => {
    expect(refusedName('UP1KYO_0300000100_43_0300000005_11_201911110102233.CSV')).toContain('連番「201911110102233」は14桁の数字');
  });

  it('§6 17: UPKIHON with a month segment (body 3.4)', () => {
    expect(refusedName('UPKIHON_000000_0123456789_43_2468135790_11_20191110102233.CSV'))
      .toContain('UPKIHON のファイル名には対象年月は付きません(000000 も付けません)');
  });

  it('the manual\'s impossible 連番 20193310102233', () => {
    expect(refusedName('UP1KYO_3300000001_0899999995_20193310102233.CSV')).toContain('連番「20193310102233」は実在する日時ではありません');
  });

  it('the manual\'s good names stay good (old form, both cases of .CSV)', () => {
    for (const name of ['UP1KYO_3300000001_0899999995_20230223123458.CSV', 'UPHOSOKU_000000_3300000001_0899999995_20230223123458.csv']) {
      expect(parsedName(name).version).toBe('old');
    }
  });
});

describe('the examples inside the records', () => {
  const edited = (kind: string, edit: (r: string[][]) => void) => {
    const file = makeSpecFile(kind, '202407');
    const records = file.records.map((r) => [...r]);
    edit(records);
    return validateCsv(file.name, encode(records)).problems.filter((p) => p.severity === 'error');
  };

  it('§6 24: CSVバージョン 202404 of the 記載例 is no version of the history: refused, with why', () => {
    const problems = edited('UPYOBO', (r) => r.forEach((x) => { x[0] = '202404'; }));
    expect(problems[0]).toMatchObject({ row: 1, column: 1, item: 'CSVバージョン' });
    expect(problems[0]!.message).toContain('202404 は仕様書の記載例にだけある値で、CSVバージョン履歴にはありません');
  });

  it('§6 24: a 6-digit 相談日 / 計画作成(変更)日 like 202401 is no YYYYMMDD', () => {
    expect(edited('UPKIHON', (r) => { r[0]![3] = '202401'; })[0]).toMatchObject({ row: 1, column: 4, item: '相談日' });
    expect(edited('UPYOBO', (r) => { r[0]![3] = '202401'; })[0]).toMatchObject({ row: 1, column: 4, item: '計画作成(変更)日' });
  });

  it('§6 25: the 第3表 配置例 writes 曜日 and times as on the form (月, 12:00): the records use codes', () => {
    const problems = edited('UP3KYO', (r) => { r[0]![6] = '月'; r[0]![7] = '12:00'; });
    expect(problems.map((p) => [p.column, p.item])).toEqual([[7, '曜日'], [8, '開始時間']]);
  });

  it('§6 26: UPKIHON No.24 keeps its printed name 認定有効期限開始日', () => {
    expect(edited('UPKIHON', (r) => { r[0]![23] = '2025041'; })[0]).toMatchObject({ column: 24, item: '認定有効期限開始日' });
  });
});
