import { describe, expect, it } from 'vitest';
import { parseFileName, type FileKind, type ParsedFileName } from '../../src/domain/filename';
import { SEND_UNITS, checkSendUnits, groupSendUnits, sendUnitOf, sendUnitProblems } from '../../src/domain/send-unit';

const S = '3300000001';
const D = '0899999995';
const D2 = '3310000017';
const SEQ = '20230223123458';
const SEQ2 = '20230223123459';

function parsed(...names: string[]): ParsedFileName[] {
  return names.map((name) => {
    const result = parseFileName(name);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  });
}

const n = (kind: string, seq = SEQ, dest = D) => `${kind}_${S}_${dest}_${seq}.csv`;

describe('sendUnitOf', () => {
  it('places each kind in the spec’s units', () => {
    const cases: [FileKind, string | null, number][] = [
      ['UP1KYO', null, 1], ['UP2KYO', null, 1], ['UP3KYO', null, 1], ['UPHOSOKU', '000000', 1],
      ['UPPLAN', '202302', 2], ['UPSIKYU', '202302', 2], ['UPHOSOKU', '202302', 2],
      ['DLT1KYO', null, 3], ['DLTPLAN', '202302', 4], ['UPJSK', '202302', 5], ['DLTJSK', '202302', 6],
      ['UPKIHON', null, 7], ['UPKIHON_SUB1', null, 7], ['UPKIHON_SUB2', null, 7], ['UPKIHON_IMAGE', null, 7],
      ['UPYOBO', null, 8], ['UPYOBO_SUB', null, 8], ['DLTKIHON', null, 9], ['DLTYOBO', null, 10],
    ];
    for (const [kind, month, number] of cases) {
      expect(SEND_UNITS[sendUnitOf(kind, month)].number, `${kind} ${month}`).toBe(number);
    }
  });
});

describe('checkSendUnits', () => {
  it('accepts complete units', () => {
    expect(checkSendUnits(parsed(n('UP1KYO'), n('UP2KYO'), n('UP3KYO'), n('UPHOSOKU_000000')))).toEqual([]);
    expect(checkSendUnits(parsed(n('UP1KYO')))).toEqual([]);
    expect(checkSendUnits(parsed(n('UPPLAN_202302'), n('UPSIKYU_202302'), n('UPHOSOKU_202302')))).toEqual([]);
    expect(checkSendUnits(parsed(n('DLT1KYO'), n('DLTPLAN_202302'), n('UPJSK_202302'), n('DLTJSK_202302')))).toEqual([]);
    expect(checkSendUnits(parsed(
      n('UPKIHON'), n('UPKIHON_SUB1'), n('UPKIHON_SUB2'),
      `UPKIHON_IMAGE_${S}_${D}_${SEQ}_0001.jpg`, `UPKIHON_IMAGE_${S}_${D}_${SEQ}_0002.jpg`,
      n('UPYOBO'), n('UPYOBO_SUB'), n('DLTKIHON'), n('DLTYOBO'),
    ))).toEqual([]);
  });

  it('accepts two units of one kind with their own 連番', () => {
    expect(checkSendUnits(parsed(n('UP1KYO'), n('UP2KYO'), n('UP1KYO', SEQ2), n('UP2KYO', SEQ2)))).toEqual([]);
  });

  it.each(['UP2KYO', 'UP3KYO', 'UPHOSOKU_000000'])('refuses %s without 第1表', (kind) => {
    expect(checkSendUnits(parsed(n(kind)))).toEqual([
      `${n(kind)}: 同じ送信単位(連番 2023/02/23 12:34:58)に第1表(UP1KYO)がありません`,
    ]);
  });

  it('refuses 第6表 without 第7表 and the other way round', () => {
    expect(checkSendUnits(parsed(n('UPPLAN_202302')))).toEqual([
      `${n('UPPLAN_202302')}: 同じ送信単位(連番 2023/02/23 12:34:58・対象年月 2023年02月)に第7表(UPSIKYU)がありません`,
    ]);
    expect(checkSendUnits(parsed(n('UPSIKYU_202302')))[0]).toContain('第6表(予定)(UPPLAN)がありません');
  });

  it('refuses a 補足 whose month has no 第6表', () => {
    const errors = checkSendUnits(parsed(n('UPPLAN_202302'), n('UPSIKYU_202302'), n('UPHOSOKU_202303')));
    expect(errors).toEqual([
      `${n('UPHOSOKU_202303')}: 同じ送信単位(連番 2023/02/23 12:34:58・対象年月 2023年03月)に第6表(予定)(UPPLAN)がありません` +
        `(${n('UPPLAN_202302')} は連番 2023/02/23 12:34:58・対象年月 2023年02月 です。1つの送信単位のファイルは連番・対象年月・送信先・サービス種類コードをそろえてください)`,
    ]);
  });

  it('explains a mixed 連番 within a unit', () => {
    const errors = checkSendUnits(parsed(n('UP1KYO'), n('UP2KYO', SEQ2)));
    expect(errors).toEqual([
      `${n('UP2KYO', SEQ2)}: 同じ送信単位(連番 2023/02/23 12:34:59)に第1表(UP1KYO)がありません` +
        `(${n('UP1KYO')} は連番 2023/02/23 12:34:58 です。1つの送信単位のファイルは連番・対象年月・送信先・サービス種類コードをそろえてください)`,
    ]);
  });

  it('explains a mixed 対象年月 between 第6表 and 第7表', () => {
    const errors = checkSendUnits(parsed(n('UPPLAN_202302'), n('UPSIKYU_202303')));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('対象年月 2023年03月 です');
  });

  it('explains a mixed destination within a unit', () => {
    const errors = checkSendUnits(parsed(n('UP1KYO'), n('UP2KYO', SEQ, D2)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${n('UP1KYO')} は送信先が ${D} です`);
  });

  it('refuses two files of one kind in one unit', () => {
    const a = `UP1KYO_${S}_${D}_${SEQ}.csv`;
    const b = `UP1KYO_${S}_${D}_${SEQ}.CSV`;
    expect(checkSendUnits(parsed(a, b))).toEqual([
      `第1表(UP1KYO)が同じ送信単位(連番 2023/02/23 12:34:58)に2つあります: ${b}、${a}`,
    ]);
  });

  it('refuses 介護予防 sub files without their head file', () => {
    expect(checkSendUnits(parsed(n('UPKIHON_SUB1')))[0]).toContain('(UPKIHON)がありません');
    expect(checkSendUnits(parsed(`UPKIHON_IMAGE_${S}_${D}_${SEQ}_0001.jpg`))[0]).toContain('(UPKIHON)がありません');
    expect(checkSendUnits(parsed(n('UPYOBO_SUB')))[0]).toContain('(UPYOBO)がありません');
  });
});

describe('groupSendUnits', () => {
  it('groups by destination, unit, 連番 and month, in import order', () => {
    const units = groupSendUnits(parsed(
      n('UPJSK_202302', SEQ, D2),
      n('UPHOSOKU_000000', SEQ2), n('UP2KYO', SEQ2), n('UP1KYO', SEQ2),
      n('UPSIKYU_202302'), n('UPPLAN_202302'), n('UPHOSOKU_202302'),
      n('UP1KYO'),
    ));
    expect(units.map((u) => [u.destination, u.number, u.sequence, u.targetMonth, u.files.map((f) => f.kind)])).toEqual([
      [D, 1, SEQ, null, ['UP1KYO']],
      [D, 2, SEQ, '202302', ['UPHOSOKU', 'UPPLAN', 'UPSIKYU']],
      [D, 1, SEQ2, null, ['UP1KYO', 'UP2KYO', 'UPHOSOKU']],
      [D2, 5, SEQ, '202302', ['UPJSK']],
    ]);
    expect(units[0]).toMatchObject({
      key: `${D}|care-plan|${SEQ}|`, type: 'care-plan', label: '居宅サービス計画書(第1・2・3表)',
      sequenceDisplay: '2023/02/23 12:34:58',
    });
    expect(units[1]!.key).toBe(`${D}|usage|${SEQ}|202302`);
  });

  it('returns nothing for nothing', () => {
    expect(groupSendUnits([])).toEqual([]);
  });
});

describe('介護予防 send units (body 3.4)', () => {
  const v4 = (kind: string, seq = SEQ, kinds = ['46', '11']) => `${kind}_${S}_${kinds[0]}_${D}_${kinds[1]}_${seq}.csv`;

  it('(2): a 利用者基本情報 with the 連番 of a 計画書 travels in the 計画書\'s unit; (1) alone otherwise', () => {
    const together = groupSendUnits(parsed(v4('UPYOBO'), v4('UPYOBO_SUB'), v4('UPKIHON'), v4('UPKIHON_SUB1'), v4('UPKIHON_SUB2')));
    expect(together.map((u) => [u.number, u.files.length])).toEqual([[8, 5]]);
    const apart = groupSendUnits(parsed(v4('UPYOBO'), v4('UPYOBO_SUB'), v4('UPKIHON', SEQ2), v4('UPKIHON_SUB1', SEQ2), v4('UPKIHON_SUB2', SEQ2)));
    expect(apart.map((u) => [u.number, u.files.length])).toEqual([[8, 2], [7, 3]]);
  });

  it('別表 and images repeat their parent\'s name from the sender to the 連番, kind codes included', () => {
    const problems = checkSendUnits(parsed(v4('UPKIHON'), v4('UPKIHON_SUB1', SEQ, ['43', '11']), v4('UPKIHON_SUB2')));
    expect(problems).toEqual([expect.stringContaining('送信元事業所番号から連番までが UPKIHON_')]);
  });

  it('two sets to one office for different kinds under one 連番 are two whole units, each 別表 with its own parent', () => {
    const set = (kinds: string[]) => ['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPYOBO', 'UPYOBO_SUB'].map((k) => v4(k, SEQ, kinds));
    const files = parsed(...set(['46', '63']), ...set(['46', '66']));
    expect(sendUnitProblems(files)).toEqual([]);
    expect(groupSendUnits(files).map((u) => u.files.length)).toEqual([5, 5]);
    // one 別表 named for the other kind is still told, and pointed at the parent of its 連番
    const slipped = parsed(v4('UPKIHON', SEQ, ['46', '63']), v4('UPKIHON_SUB1', SEQ, ['46', '66']), v4('UPKIHON_SUB2', SEQ, ['46', '63']));
    expect(checkSendUnits(slipped)).toEqual([expect.stringContaining('送信元事業所番号から連番までが UPKIHON_')]);
  });

  it('a 利用者基本情報 without its 別表1・別表2, a 計画書 without its 別表: warnings (「原則」)', () => {
    const problems = sendUnitProblems(parsed(v4('UPKIHON'), v4('UPYOBO', SEQ2)));
    expect(problems.map((p) => [p.severity, p.message.split(': ')[1]])).toEqual([
      ['warning', '利用者基本情報には原則として利用者基本情報 別表1(UPKIHON_SUB1)を一緒に送ります(送信はできます)'],
      ['warning', '利用者基本情報には原則として利用者基本情報 別表2(UPKIHON_SUB2)を一緒に送ります(送信はできます)'],
      ['warning', '介護予防サービス・支援計画書には原則として介護予防サービス・支援計画書 別表(UPYOBO_SUB)を一緒に送ります(送信はできます)'],
    ]);
  });

  it('(4) 利用票 + 別表 + 補足, (7)–(9): the units of 第6・7表 and 実績', () => {
    expect([sendUnitOf('UPPLAN'), sendUnitOf('UPSIKYU'), sendUnitOf('UPHOSOKU', '202504'), sendUnitOf('DLTPLAN'), sendUnitOf('UPJSK'), sendUnitOf('DLTJSK')])
      .toEqual(['usage', 'usage', 'usage', 'delete-usage', 'actual', 'delete-actual']);
  });
});
