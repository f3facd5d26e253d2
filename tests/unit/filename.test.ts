import { describe, expect, it } from 'vitest';
import type { FileKind } from '../../src/domain/filename';
import { CARE_BENEFIT_KINDS, PREVENTION_KINDS } from '../../src/domain/service-kinds';
import { parsedName as ok, refusedName as error } from '../support/filename';

const S = '3300000001';
const D = '0899999995';
const SEQ = '20230223123458';

describe('parseFileName: the manual’s names', () => {
  it('reads UP1KYO with an upper-case extension', () => {
    expect(ok('UP1KYO_3300000001_0899999995_20230223123458.CSV')).toEqual({
      name: 'UP1KYO_3300000001_0899999995_20230223123458.CSV',
      kind: 'UP1KYO',
      targetMonth: null,
      sender: S,
      destination: D,
      senderServiceKind: null,
      destinationServiceKind: null,
      sequence: SEQ,
      sequenceDisplay: '2023/02/23 12:34:58',
      version: 'old',
      category: '登録',
    });
  });

  it('reads UP2KYO', () => {
    const value = ok('UP2KYO_3300000001_0899999995_20230223123458.CSV');
    expect(value.kind).toBe('UP2KYO');
    expect(value.destination).toBe(D);
  });

  it('reads UPHOSOKU with 000000 and a lower-case extension', () => {
    const value = ok('UPHOSOKU_000000_3300000001_0899999995_20230223123458.csv');
    expect(value.kind).toBe('UPHOSOKU');
    expect(value.targetMonth).toBe('000000');
    expect(value.sequence).toBe(SEQ);
  });
});

describe('parseFileName: every prefix', () => {
  const withoutMonth: FileKind[] = [
    'UP1KYO', 'UP2KYO', 'UP3KYO', 'DLT1KYO', 'UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2',
    'DLTKIHON', 'UPYOBO', 'UPYOBO_SUB', 'DLTYOBO',
  ];
  const withMonth: FileKind[] = ['UPHOSOKU', 'UPPLAN', 'UPSIKYU', 'UPJSK', 'DLTPLAN', 'DLTJSK'];

  it.each(withoutMonth)('%s has no month', (kind) => {
    const value = ok(`${kind}_${S}_${D}_${SEQ}.csv`);
    expect(value.kind).toBe(kind);
    expect(value.targetMonth).toBeNull();
    expect(value.category).toBe(kind.startsWith('DLT') ? '削除' : '登録');
    expect(error(`${kind}_202302_${S}_${D}_${SEQ}.csv`)).toContain('対象年月は付きません');
  });

  it.each(withMonth)('%s carries a month', (kind) => {
    const value = ok(`${kind}_202302_${S}_${D}_${SEQ}.CSV`);
    expect(value.kind).toBe(kind);
    expect(value.targetMonth).toBe('202302');
    expect(value.category).toBe(kind.startsWith('DLT') ? '削除' : '登録');
    expect(error(`${kind}_${S}_${D}_${SEQ}.csv`)).toContain('対象年月(YYYYMM)が必要です');
  });

  it('allows 000000 only on UPHOSOKU', () => {
    expect(ok(`UPHOSOKU_000000_${S}_${D}_${SEQ}.csv`).targetMonth).toBe('000000');
    expect(error(`UPPLAN_000000_${S}_${D}_${SEQ}.csv`)).toContain('UPHOSOKU');
  });

  it('refuses a month that does not exist', () => {
    expect(error(`UPPLAN_202313_${S}_${D}_${SEQ}.csv`)).toBe(
      `UPPLAN_202313_${S}_${D}_${SEQ}.csv: 対象年月「202313」は実在する年月ではありません`,
    );
    expect(error(`UPJSK_202300_${S}_${D}_${SEQ}.csv`)).toContain('実在する年月ではありません');
    expect(error(`UPJSK_2023_${S}_${D}_${SEQ}.csv`)).toContain('6桁');
  });

  it('reads UPKIHON_IMAGE with its image number and a .jpg extension in any case', () => {
    const value = ok(`UPKIHON_IMAGE_${S}_${D}_${SEQ}_0001.JPG`);
    expect(value.kind).toBe('UPKIHON_IMAGE');
    expect(value.imageNumber).toBe('0001');
    expect(value.category).toBe('登録');
    expect(ok(`UPKIHON_IMAGE_${S}_43_${D}_11_${SEQ}_0012.jpg`).version).toBe('v4');
    expect(error(`UPKIHON_IMAGE_${S}_${D}_${SEQ}_0001.csv`)).toContain('.jpg');
    expect(error(`UPKIHON_IMAGE_${S}_${D}_${SEQ}_01.jpg`)).toContain('4桁');
    expect(error(`UPKIHON_IMAGE_${S}_${D}_${SEQ}.jpg`)).toContain('区切り');
  });
});

describe('parseFileName: v4 form', () => {
  it('reads the service kind after each office number', () => {
    const value = ok('UP1KYO_0300000100_43_0300000005_11_20191025200201.CSV');
    expect(value).toMatchObject({
      version: 'v4', sender: '0300000100', senderServiceKind: '43',
      destination: '0300000005', destinationServiceKind: '11', sequenceDisplay: '2019/10/25 20:02:01',
    });
  });

  it('reads a month-bound v4 name', () => {
    const value = ok(`UPPLAN_202504_${S}_43_${D}_11_20250401090000.csv`);
    expect(value).toMatchObject({ version: 'v4', targetMonth: '202504', destinationServiceKind: '11' });
  });

  it('reads every service kind code of the scope tables, letters included (2A, 2B, A1–A8)', () => {
    const codes = [...CARE_BENEFIT_KINDS, ...PREVENTION_KINDS].map((k) => k.code);
    expect(codes).toEqual(expect.arrayContaining(['2A', '2B', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']));
    for (const code of codes) {
      expect(ok(`UPPLAN_202504_${S}_43_${D}_${code}_20250401090000.csv`).destinationServiceKind, code).toBe(code);
    }
  });

  it('refuses a service kind that is not 2 capitals or digits, saying what is wrong', () => {
    expect(error(`UP1KYO_${S}_4_${D}_11_${SEQ}.csv`)).toContain('送信元のサービス種類コード「4」は2文字の英数字です');
    expect(error(`UP1KYO_${S}_43_${D}_a1_${SEQ}.csv`)).toContain('送信先のサービス種類コード「a1」の英字は大文字で書いてください');
    // v4.0 put a 3-digit サービスコード there; v4.1 replaced it
    expect(error(`UP1KYO_${S}_431_${D}_11_${SEQ}.csv`)).toContain('3桁のサービスコードはv4.0の形式');
  });
});

describe('parseFileName: bad names', () => {
  it('names the file and says the sender must have 10 digits', () => {
    const name = `UPPLAN_202302_33000001_${D}_${SEQ}.csv`;
    expect(error(name)).toBe(`${name}: 送信元事業所番号は10桁です(「33000001」は8桁)`);
  });

  it('refuses a destination of the wrong length or shape', () => {
    expect(error(`UP1KYO_${S}_089999999_${SEQ}.csv`)).toContain('送信先事業所番号は10桁です');
    expect(error(`UP1KYO_${S}_08B9999995_${SEQ}.csv`)).toContain('形式が正しくありません');
    expect(ok(`UP1KYO_${S}_01A0000001_${SEQ}.csv`).destination).toBe('01A0000001');
  });

  it('refuses the manual’s impossible time 20193310102233', () => {
    const name = `UP1KYO_${S}_${D}_20193310102233.CSV`;
    expect(error(name)).toBe(`${name}: 連番「20193310102233」は実在する日時ではありません`);
  });

  it.each(['20230230120000', '20230223240000', '20230223126000', '20230223123460', '20230229000000', '20230001000000'])(
    'refuses the impossible 連番 %s',
    (sequence) => {
      expect(error(`UP1KYO_${S}_${D}_${sequence}.csv`)).toContain('実在する日時ではありません');
    },
  );

  it('accepts 29 February of a leap year and the last second of a day', () => {
    expect(ok(`UP1KYO_${S}_${D}_20240229235959.csv`).sequenceDisplay).toBe('2024/02/29 23:59:59');
  });

  it('refuses a 連番 that is not 14 digits', () => {
    expect(error(`UP1KYO_${S}_${D}_2023022312345.csv`)).toContain('14桁の数字');
  });

  it('refuses an unknown prefix', () => {
    const name = `UP9KYO_${S}_${D}_${SEQ}.csv`;
    expect(error(name)).toBe(`${name}: ファイル種別「UP9KYO」は連携ファイルの種別ではありません(UP1KYO, UPPLAN, UPJSK など)`);
    expect(error('第3表.csv')).toContain('連携ファイルの種別ではありません');
  });

  it('asks for upper case when the prefix is lower case', () => {
    expect(error(`up1kyo_${S}_${D}_${SEQ}.csv`)).toContain('大文字');
  });

  it('refuses the wrong number of parts', () => {
    expect(error(`UP1KYO_${S}_${SEQ}.csv`)).toContain('区切り(_)の数が正しくありません');
    expect(error(`UP1KYO_${S}_${D}_${SEQ}_extra.csv`)).toContain('区切り(_)の数が正しくありません');
  });

  it('refuses a routed name with another extension or none', () => {
    expect(error(`UP1KYO_${S}_${D}_${SEQ}.pdf`)).toContain('拡張子は .csv です');
    expect(error(`UP1KYO_${S}_${D}_${SEQ}`)).toContain('拡張子がありません');
  });
});
