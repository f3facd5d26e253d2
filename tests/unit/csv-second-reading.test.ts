// A second, independent reading of the spec (body 別添1 and the CSVファイルレイアウト定義書 of v4.1)
// against what Renkei enforces: files the spec allows that were refused or warned about, and the
// decisions on the open questions (docs/csv-spec.md "Decisions of the second reading").
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkSend, type AttachmentInput } from '../../src/domain/attachments';
import { validateCsv, validateSendCsvs } from '../../src/domain/csv';
import { checkDirections } from '../../src/domain/direction';
import { FILE_KINDS, type FileKind } from '../../src/domain/filename';
import { groupSendUnits, sendUnitProblems } from '../../src/domain/send-unit';
import { LAYOUT_DEFS } from '../../src/domain/csv/layouts';
import { encode, kindVersions, makeSpecFile, MONTH_OF } from '../support/spec-files';
import { specKind, SPEC_VERSIONS } from '../support/spec-table';
import { parsedName } from '../support/filename';

const SMALL = '3300000001'; // a 小規模多機能型居宅介護 office
const NURSE = '3310000017'; // a 訪問看護 office
const SEQ = '20250401090000';
const WITH_MONTH = new Set<FileKind>(['UPHOSOKU', 'UPPLAN', 'UPSIKYU', 'UPJSK', 'DLTPLAN', 'DLTJSK']);

function v4Name(kind: FileKind, from: [string, string], to: [string, string]): string {
  const month = WITH_MONTH.has(kind) ? '_202504' : '';
  return `${kind}${month}_${from[0]}_${from[1]}_${to[0]}_${to[1]}_${SEQ}${kind === 'UPKIHON_IMAGE' ? '_0001.jpg' : '.CSV'}`;
}

const errorsOf = (names: string[], offices = {}) =>
  checkDirections(names.map(parsedName), offices).filter((p) => p.severity === 'error').map((p) => p.message);

describe('body 1.3 / 1.4: 小規模多機能 and its like write their users\' plans (「居宅介護支援事業所等（小規模多機能等…を含む）」)', () => {
  const PLAN_KINDS = (Object.keys(FILE_KINDS) as FileKind[]).filter((k) => k !== 'UPJSK' && k !== 'DLTJSK');

  it.each(['73', '77'])('%s sends every plan and 予定 kind to a provider its user uses (訪問看護 13)', (code) => {
    const names = PLAN_KINDS.map((kind) => v4Name(kind, [SMALL, code], [NURSE, '13']));
    expect(errorsOf(names)).toEqual([]);
  });

  it.each(['73', '77'])('the provider sends its 実績 and 実績削除 back to the %s office', (code) => {
    expect(errorsOf([v4Name('UPJSK', [NURSE, '13'], [SMALL, code]), v4Name('DLTJSK', [NURSE, '13'], [SMALL, code])])).toEqual([]);
  });

  it('75 介護予防小規模多機能 sends the 介護予防 plan to a 予防 provider (63) and gets the 実績 back', () => {
    expect(errorsOf([v4Name('UPYOBO', [SMALL, '75'], [NURSE, '63']), v4Name('UPJSK', [NURSE, '63'], [SMALL, '75'])])).toEqual([]);
  });

  it('old-form names: the directory\'s kind 小規模多機能型居宅介護 counts alike', () => {
    const names = [`UPPLAN_202504_${SMALL}_${NURSE}_${SEQ}.CSV`, `UPSIKYU_202504_${SMALL}_${NURSE}_${SEQ}.CSV`];
    expect(errorsOf(names, { senderKind: '小規模多機能型居宅介護', destinationKind: '訪問看護' })).toEqual([]);
    expect(errorsOf([`UPJSK_202504_${NURSE}_${SMALL}_${SEQ}.CSV`], { senderKind: '訪問看護', destinationKind: '小規模多機能型居宅介護' })).toEqual([]);
  });

  it('checkSend (新規作成, 一括送信, the relay) lets the 小規模多機能 office send its 第6・7表', () => {
    const csv = (n: string): AttachmentInput => ({ name: n, size: 100, head: new TextEncoder().encode('202407,131016,00') });
    const names = [v4Name('UPPLAN', [SMALL, '73'], [NURSE, '13']), v4Name('UPSIKYU', [SMALL, '73'], [NURSE, '13'])];
    const check = checkSend(names.map(csv), { sender: SMALL, senderKind: '小規模多機能型居宅介護', destinationKind: '訪問看護' });
    expect(check.errors).toEqual([]);
  });

  it('the short-term kinds (68, 79) serve another office\'s plan: they still may not send one', () => {
    const [refused] = errorsOf([v4Name('UPPLAN', [SMALL, '68'], [NURSE, '13'])]);
    expect(refused).toContain(`送信元 ${SMALL}(68 小規模多機能型居宅介護(短期利用)。ファイル名のサービス種類コードによる)からは送れません`);
    expect(errorsOf([v4Name('UPJSK', [NURSE, '13'], [SMALL, '79'])])[0]).toContain(`送信先 ${SMALL}(79 看護小規模多機能型居宅介護(短期利用)`);
  });
});

describe('v4 names: one office number holding several service kinds gets files per kind (第4版 「複数サービス提供事業所への対応」)', () => {
  const KYOTAKU = '3300000001';
  const csv = (n: string): AttachmentInput => ({ name: n, size: 100, head: new TextEncoder().encode('202407,131016,00') });
  const usageSet = (code: string) => ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].map((k) => v4Name(k as FileKind, [KYOTAKU, '43'], [NURSE, code]));

  it('the 第6・7表 + 補足 for 訪問介護 (11) and for 通所介護 (15) of one office, under one 連番: two units, no error', () => {
    const names = [...usageSet('11'), ...usageSet('15')];
    expect(groupSendUnits(names.map(parsedName)).map((u) => u.files.length)).toEqual([3, 3]);
    expect(sendUnitProblems(names.map(parsedName))).toEqual([]);
    expect(checkSend(names.map(csv), { sender: KYOTAKU, senderKind: '居宅介護支援', destinationKind: '訪問介護・通所介護' }).errors).toEqual([]);
  });

  it('the 実績 of each kind of a provider (「サービス種類コード＋事業所番号毎」, 5.1.2.1), under one 連番: no error', () => {
    const names = ['11', '15'].map((code) => v4Name('UPJSK', [NURSE, code], [KYOTAKU, '43']));
    expect(sendUnitProblems(names.map(parsedName))).toEqual([]);
    expect(checkSend(names.map(csv), { sender: NURSE, senderKind: '訪問介護・通所介護', destinationKind: '居宅介護支援' }).errors).toEqual([]);
  });

  it('two 第6表 for the same kind codes under one 連番 are still two files of one unit (error)', () => {
    const name = v4Name('UPPLAN', [KYOTAKU, '43'], [NURSE, '11']);
    const problems = sendUnitProblems([name, name.replace('.CSV', '.csv')].map(parsedName));
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringContaining('第6表(予定)(UPPLAN)が同じ送信単位(連番 2025/04/01 09:00:00・対象年月 2025年04月)に2つあります'));
  });

  it('a 第7表 whose kind codes differ from its 第6表 is missing from the unit, and the message says why', () => {
    const names = [v4Name('UPPLAN', [KYOTAKU, '43'], [NURSE, '11']), v4Name('UPSIKYU', [KYOTAKU, '43'], [NURSE, '15'])];
    const [first] = sendUnitProblems(names.map(parsedName));
    expect(first?.message).toContain(`第7表(UPSIKYU)がありません(${names[1]} のサービス種類コードは 43・15、${names[0]} は 43・11 です。`);
  });
});

/** The records of a spec-valid file with every column the layout does not mark ○ left empty. */
function minimal(kind: string, version: string): { name: string; records: string[][] } {
  const file = makeSpecFile(kind, version);
  const era = SPEC_VERSIONS.find((v) => v.version === version)!.era;
  const columns = specKind(kind, era).columns;
  // what the rules across fields call for stays: the 第7表 subtotal/total shape and the 福祉用具 product code
  const kept = new Set(['TAISコード', '明細判別コード']);
  const records = file.records.map((r) => r.map((value, i) => (columns[i]!.need === '-' && !kept.has(columns[i]!.name) ? '' : value)));
  return { name: file.name, records };
}

describe('files the spec allows, as care software writes them: accepted with no problem at all', () => {
  it.each(kindVersions())('%s %s with only the ○ columns filled', (kind, version) => {
    const { name, records } = minimal(kind, version);
    expect(validateCsv(name, encode(records)).problems).toEqual([]);
  });

  it.each(Object.keys(MONTH_OF))('第6表 / 実績 %s: 前月までの短期入所利用日数 (No.9) empty on lines of no short stay', (version) => {
    for (const kind of ['UPPLAN', 'UPJSK']) {
      const file = makeSpecFile(kind, version);
      const records = file.records.map((r) => r.map((v, i) => (i === 8 ? '' : v)));
      expect(validateCsv(file.name, encode(records)).problems, `${kind} ${version}`).toEqual([]);
    }
  });

  it.each(kindVersions())('%s %s with every field in quotes, not only the free text', (kind, version) => {
    const file = makeSpecFile(kind, version);
    const text = `${file.records.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\r\n')}\r\n`;
    expect(validateCsv(file.name, new Uint8Array(iconv.encode(text, 'cp932'))).problems).toEqual([]);
  });

  it('a 実績 the 委託先 居宅 passes on to the 包括 (body 3.1, 5.2.2.1): each line keeps its provider as 更新業者コード', () => {
    const file = makeSpecFile('UPJSK', '202407');
    // the 居宅 (3300000001, 43) sends the providers' 実績 to the 包括 (3300000019, 46)
    const name = `UPJSK_202504_3300000001_43_3300000019_46_${file.name.slice(-18)}`;
    const report = validateCsv(name, file.bytes);
    expect(report.problems).toEqual([]);
  });

  it('a whole 第6・7表 unit of a 小規模多機能 office (73) to the 訪問看護 it uses: no error', () => {
    const files = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].map((kind) => {
      const file = makeSpecFile(kind, '202407');
      return { name: file.name.replace('_43_', '_73_').replace('_11_', '_13_'), bytes: file.bytes };
    });
    const report = validateSendCsvs(files);
    expect(report.ok).toBe(true);
  });
});

describe('what the spec asks for but a file may still carry: a warning, not silence', () => {
  it.each(['UPKIHON', 'UPYOBO'])('%s No.6 委託の有無 empty: 「どちらの場合も記入」 (必要 ○), a warning once', (kind) => {
    const file = makeSpecFile(kind, '202407');
    const records = file.records.map((r) => r.map((v, i) => (i === 5 ? '' : v)));
    expect(validateCsv(file.name, encode(records)).problems).toEqual([expect.objectContaining({
      severity: 'warning', row: 1, column: 6, item: '委託の有無', message: expect.stringContaining('値がありません'),
    })]);
  });

  it('a kind 第4版 introduced, named the old way (no kind codes), warns: 第4版 named every file with them', () => {
    const v4Only = (Object.keys(FILE_KINDS) as FileKind[]).filter((k) => k === 'UPKIHON_IMAGE' || LAYOUT_DEFS[k]?.eras.includes('pre-v4') === false);
    expect(v4Only).toEqual(['UP3KYO', 'UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPKIHON_IMAGE', 'DLTKIHON', 'UPYOBO', 'UPYOBO_SUB', 'DLTYOBO']);
    for (const kind of v4Only) {
      const old = `${kind}_${SMALL}_${NURSE}_${SEQ}${kind === 'UPKIHON_IMAGE' ? '_0001.jpg' : '.CSV'}`;
      const problems = checkDirections([parsedName(old)]);
      expect(problems, kind).toEqual([{ file: old, severity: 'warning', message: expect.stringContaining('は第4版からのファイルで、第4版のファイル名規約では送信元・送信先の事業所番号のあとにサービス種類コード(2桁)を付けます(送信はできます)') }]);
    }
    expect(checkDirections([parsedName(`UP1KYO_${SMALL}_${NURSE}_${SEQ}.CSV`)])).toEqual([]);
  });
});

describe('files the spec forbids: refused, naming the row, the column and what the spec asks', () => {
  it.each(['UPPLAN', 'UP1KYO', 'UPHOSOKU'])('%s with a heading row of 項目名 (no layout has one): one error that says so', (kind) => {
    const file = makeSpecFile(kind, '202407');
    const heading = specKind(kind).columns.map((c) => c.name);
    const problems = validateCsv(file.name, encode([heading, ...file.records])).problems;
    expect(problems).toEqual([expect.objectContaining({
      severity: 'error', row: 1, column: 1, item: 'CSVバージョン',
      message: `${file.name} 1行目 1列目(CSVバージョン): 1行目は項目名の見出し行のようです(1列目が「CSVバージョン」)。` +
        '連携ファイルに見出し行は付けません。見出し行を取り除き、1行目からデータを書いてください',
    })]);
  });

  const refusal = (kind: string, version: string, edit: (records: string[][]) => void) => {
    const file = makeSpecFile(kind, version);
    const records = file.records.map((r) => [...r]);
    edit(records);
    return validateCsv(file.name, encode(records)).problems.filter((p) => p.severity === 'error');
  };

  it.each([
    ['UP1KYO', 20, '01', '要介護状態区分', 'は要介護状態区分(06:事業対象者'],
    ['UPKIHON', 22, '06', '要介護状態区分', 'は要介護状態区分(01:非該当'],
    ['UP3KYO', 7, '2460', '開始時間', 'は時刻(HHMM)ではありません'],
    ['UP3KYO', 6, '月', '曜日', 'は曜日(1:月'],
    ['UPPLAN', 10, '1'.repeat(30), '日割対象日', 'は31桁の 0/1'],
    ['UPSIKYU', 22, '10.5', '単位数単価', 'は99.99 形式'],
    ['DLTJSK', 5, '', 'サービス種類コード', '値がありません(必須項目です)'],
    ['UPYOBO', 13, '4', '要支援状態区分', 'は要支援状態区分(1:要支援１'],
    ['UP1KYO', 3, 'R070401', '作成年月日', 'は日付(YYYYMMDD、8桁)ではありません。和暦ではなく西暦で書きます'],
    ['UPPLAN', 3, '5070401', '作成年月日', 'ではありません。和暦ではなく西暦で書きます'],
    ['UPKIHON', 16, '昭和15年4月1日', '利用者生年月日', 'ではありません。和暦ではなく西暦で書きます'],
    ['UPSIKYU', 3, '2025/04/01', '作成年月日', 'ではありません。区切りのない数字だけで書きます(例 20250401、202504)'],
    ['DLTPLAN', 3, '2025-04', '削除対象年月', 'は年月(YYYYMM、6桁)ではありません。区切りのない数字だけで書きます'],
    ['UPPLAN', 7, '１２０', '単位数', '「１２０」 は整数ではありません。全角の英数字・記号は半角で書きます'],
    ['UPSIKYU', 8, '１１１２１１', 'サービスコード', 'ではありません。全角の英数字・記号は半角で書きます'],
    ['UP1KYO', 4, '１００－０００１', '利用者郵便番号', 'は郵便番号(XXX-XXXX)ではありません。全角の英数字・記号は半角で書きます'],
  ] as const)('%s No.%s %s', (kind, index, value, item, words) => {
    const errors = refusal(kind, '202407', (r) => { r[0]![index] = value; });
    expect(errors[0]).toMatchObject({ row: 1, column: index + 1, item });
    expect(errors[0]!.message).toContain(`1行目 ${index + 1}列目(${item}): `);
    expect(errors[0]!.message).toContain(words);
  });
});
