// What the third reading of the spec changed in the checks' words (docs/csv-spec.md "Column
// checks", "Rules across fields"): a refusal names the cell at fault, and says the likely slip.
import { describe, expect, it } from 'vitest';
import { validateSendCsvs } from '../../src/domain/csv/send';
import { checkCsv } from '../../src/domain/csv/validate';
import { planUnit } from '../support/acceptance-cases';
import { encodeCsv, kyo1, kyo2, kyo3, nameOf, PEOPLE, usage } from '../support/acceptance-corpus';

const [A] = PEOPLE as [typeof PEOPLE[0]];
const v = '202407';
const PLAN_NAME = nameOf('UPPLAN', { month: '202504' });

function errors(name: string, records: string[][]) {
  return checkCsv(name, encodeCsv(records)).report.problems.filter((p) => p.severity === 'error');
}

describe('第6表: a 対象年月 of another month is the cell at fault, not the サービス利用日', () => {
  it('a record whose 対象年月 alone is off: one error, at its 対象年月 (No.5)', () => {
    const record = usage(v, A, '202504', { date: '20250401', code: '111211' });
    record[4] = '202505';
    const found = errors(PLAN_NAME, [record]);
    expect(found.map((p) => [p.row, p.column, p.item])).toEqual([[1, 5, '対象年月']]);
    expect(found[0]!.message).toContain('202505 がファイル名の対象年月 202504 と異なります');
  });

  it('a record wholly of another month: said once, at its 対象年月', () => {
    const record = usage(v, A, '202505', { date: '20250510', code: '111211' });
    expect(errors(PLAN_NAME, [record]).map((p) => p.column)).toEqual([5]);
  });

  it('a date in neither month is at fault too, against the month of the file', () => {
    const record = usage(v, A, '202504', { date: '20250610', code: '111211' });
    record[4] = '202505';
    const found = errors(PLAN_NAME, [record]);
    expect(found.map((p) => p.column)).toEqual([5, 10]);
    expect(found[1]!.message).toContain('2025-06-10 は対象年月 202504 の日付ではありません');
  });
});

describe('all zeros in a date column that does not take them', () => {
  const NULL_ADVICE = '値のない項目は空(Null)にします';

  it('is shown as written and, in an optional column, told to be left empty (Null)', () => {
    const [error] = errors(nameOf('UP1KYO'), [kyo1(v, A, '20250401', { 18: '00000000' })]);
    expect([error!.row, error!.column, error!.item]).toEqual([1, 18, '認定日']);
    expect(error!.message).toContain(`「00000000」 は日付ではありません(0 だけの値はこの項目では使えません)。${NULL_ADVICE}`);
  });

  it('in a required column, is told to enter the date or month: left empty, it would be refused again', () => {
    const record = usage(v, A, '202504', { date: '00000000', code: '111211' });
    record[3] = '00000000';
    record[4] = '000000';
    const found = errors(PLAN_NAME, [record]);
    const at = (column: number) => found.find((p) => p.column === column)?.message ?? '';
    expect(at(4)).toContain('(作成年月日): 「00000000」 は日付ではありません(0 だけの値はこの項目では使えません)。日付を入れてください(必須項目です)');
    expect(at(5)).toContain('(対象年月): 「000000」 は年月ではありません(0 だけの値はこの項目では使えません)。年月を入れてください(必須項目です)');
    expect(at(10)).toContain('(サービス利用日): 「00000000」 は日付ではありません(0 だけの値はこの項目では使えません)。日付を入れてください(必須項目です)');
    expect(found.filter((p) => p.message.includes(NULL_ADVICE))).toEqual([]);
  });

  it('in a column the spec reads as required (利用者生年月日, ○ uncertain), is told to enter the date too', () => {
    const name = nameOf('UPHOSOKU', { month: '202504' });
    const record = Array<string>(63).fill('');
    Object.assign(record, { 0: v, 1: A.insurer, 2: A.insured, 3: '00000000', 4: A.kana, 5: A.name, 6: A.sex, 7: '00000000', 62: '202504' });
    const [error] = errors(name, [record]);
    expect([error!.column, error!.item]).toEqual([8, '利用者生年月日']);
    expect(error!.message).toContain('「00000000」 は日付ではありません(0 だけの値はこの項目では使えません)。日付を入れてください(仕様書では必須と読める項目です)');
  });

  it('the 補足 plan date still takes 00000000 (with 第6・7表)', () => {
    const name = nameOf('UPHOSOKU', { month: '202504' });
    const record = Array<string>(63).fill('');
    Object.assign(record, { 0: v, 1: A.insurer, 2: A.insured, 3: '00000000', 4: A.kana, 5: A.name, 6: A.sex, 7: A.birth, 62: '202504' });
    expect(errors(name, [record])).toEqual([]);
  });
});

describe('leading zeros a spreadsheet dropped', () => {
  const LOST = '先頭の0が消えていないか確認してください';
  const messageOf = (name: string, record: string[], column: number) =>
    errors(name, [record]).find((p) => p.column === column)?.message ?? '';

  it('保険者番号 011002 → 11002 and 被保険者番号 0000012345 → 12345 say so', () => {
    expect(messageOf(nameOf('UP1KYO'), kyo1(v, { ...A, insurer: '11002' }, '20250401'), 2)).toContain(LOST);
    expect(messageOf(nameOf('UP1KYO'), kyo1(v, { ...A, insured: '12345' }, '20250401'), 3)).toContain(LOST);
  });

  it('事業所番号 0175701069 → 175701069 and a time 0930 → 930 say so', () => {
    expect(messageOf(nameOf('UP1KYO'), kyo1(v, A, '20250401', { 13: '175701069' }), 13)).toContain(LOST);
    expect(messageOf(nameOf('UP3KYO'), kyo3(v, A, '20250401', { 7: '1', 8: '930', 9: '1030' }), 8)).toContain(LOST);
  });

  it('a value no zeros would mend does not: 4 digits of 保険者番号, 2 of a time, a letter', () => {
    expect(messageOf(nameOf('UP1KYO'), kyo1(v, { ...A, insurer: '1100' }, '20250401'), 2)).not.toContain(LOST);
    expect(messageOf(nameOf('UP3KYO'), kyo3(v, A, '20250401', { 7: '1', 8: '17', 9: '1030' }), 8)).not.toContain(LOST);
    expect(messageOf(nameOf('UP3KYO'), kyo3(v, A, '20250401', { 7: '1', 8: '960', 9: '1030' }), 8)).not.toContain(LOST);
    expect(messageOf(nameOf('UP1KYO'), kyo1(v, { ...A, insured: 'h12345678' }, '20250401'), 3)).not.toContain(LOST);
  });
});

describe('明細判別コード (第6表 No.19): 「1からの連番」 with no 項目長 printed', () => {
  const rental = (serial: string) =>
    usage(v, A, '202504', { date: '20250401', code: '171007', units: '300', start: '9999', end: '9999', serial, tais: '00001-000010' });

  it('takes a zero-padded serial (01, 02) as care software pads its numbers', () => {
    expect(errors(PLAN_NAME, [rental('01'), rental('02')])).toEqual([]);
  });

  it('still refuses 0 and what is no number, at its row and column', () => {
    const found = errors(PLAN_NAME, [rental('00'), rental('A')]);
    expect(found.map((p) => [p.row, p.column, p.item])).toEqual([[1, 19, '明細判別コード'], [2, 19, '明細判別コード']]);
    expect(found[0]!.message).toContain('「00」 は1からの連番ではありません');
  });
});

describe('a typo in a 第1表 key: the 第2表, 第3表 and 補足 records left without their 第1表 say where to mend', () => {
  const unit = (edit: (records: string[][]) => void) => {
    const files = planUnit(v).map((f) => ({ ...f, records: f.records.map((r) => [...r]) }));
    edit(files[0]!.records);
    const send = validateSendCsvs(files.map((f) => ({ name: f.name, bytes: encodeCsv(f.records) })));
    return { plan1: files[0]!.name, orphans: send.crossProblems.filter((p) => p.message.includes('の第1表が')) };
  };

  it('names the 第1表 row and column whose key is refused', () => {
    const { plan1, orphans } = unit((records) => { records[0]![2] = '123456789'; });
    expect(orphans.length).toBeGreaterThan(0);
    for (const o of orphans) expect(o.message).toContain(`。${plan1} の1行目 3列目(被保険者番号)に誤りがあります。先にそちらを直してください`);
  });

  it('a refused 居宅サービス計画作成（変更）日 alike; a child of no 第1表 record at all gets no such word', () => {
    const { plan1, orphans } = unit((records) => { records[0]![13] = '2025/04/01'; });
    expect(orphans.length).toBeGreaterThan(0);
    expect(orphans.every((o) => o.message.includes(`${plan1} の1行目 14列目(居宅サービス計画作成（変更）日)に誤りがあります`))).toBe(true);
    const alone = unit((records) => { records.splice(0, 1); });
    expect(alone.orphans.length).toBeGreaterThan(0);
    expect(alone.orphans.some((o) => o.message.includes('に誤りがあります'))).toBe(false);
  });
});

describe('a refused 第1表 key cell is named only to the children it can be the parent of', () => {
  // two people of one 保険者番号 with one 計画作成日, as in any 居宅's monthly file; P's 被保険者番号
  // lost its zeros in a spreadsheet (0000012345 → 12345)
  const P = { ...A, insured: '0000012345' };
  const Q = { ...A, insured: '0000067890' };
  const d = '20250401';
  const send = (plan1: string[][], plan2: string[][]) => {
    const [name1, name2] = [nameOf('UP1KYO'), nameOf('UP2KYO')];
    const found = validateSendCsvs([{ name: name1, bytes: encodeCsv(plan1) }, { name: name2, bytes: encodeCsv(plan2) }]);
    const orphan = (insured: string) => found.crossProblems.filter((p) => p.message.includes(`被保険者番号 ${insured}・`));
    return { name1, P: orphan(P.insured), Q: orphan(Q.insured) };
  };
  const pointsAt = (row: number, column: number, item: string) => `の${row}行目 ${column}列目(${item})に誤りがあります。先にそちらを直してください`;

  it('Q whose own 計画作成日 is refused is pointed at its own row, never at P\'s 被保険者番号', () => {
    const found = send([kyo1(v, { ...P, insured: '12345' }, d), kyo1(v, Q, d, { 14: '2025/04/01' })], [kyo2(v, P, d), kyo2(v, Q, d)]);
    expect(found.P.map((p) => p.message)).toEqual([expect.stringContaining(`${found.name1} ${pointsAt(1, 3, '被保険者番号')}`)]);
    expect(found.Q.map((p) => p.message)).toEqual([expect.stringContaining(`${found.name1} ${pointsAt(2, 14, '居宅サービス計画作成（変更）日')}`)]);
  });

  it('Q with no 第1表 record at all is told nothing about P\'s row; P still is', () => {
    const found = send([kyo1(v, { ...P, insured: '12345' }, d)], [kyo2(v, P, d), kyo2(v, Q, d)]);
    expect(found.P).toHaveLength(1);
    expect(found.P[0]!.message).toContain(pointsAt(1, 3, '被保険者番号'));
    expect(found.Q).toHaveLength(1);
    expect(found.Q[0]!.message).not.toContain('に誤りがあります');
  });

  it('a child of a person the 第1表 has is that record\'s, even when another person\'s number is refused', () => {
    // Q's 第1表 is of another 計画作成日 than Q's 第2表 record (one of them is Q's own slip): the
    // 第2表 record differs from P's refused row in the 被保険者番号 alone, and still is not P's
    const found = send([kyo1(v, { ...P, insured: '12345' }, d), kyo1(v, Q, '20250402')], [kyo2(v, P, d), kyo2(v, Q, d)]);
    expect(found.Q).toHaveLength(1);
    expect(found.Q[0]!.message).not.toContain('に誤りがあります');
    expect(found.P[0]!.message).toContain(pointsAt(1, 3, '被保険者番号'));
  });
});
