import { describe, expect, it } from 'vitest';
import { parseFileName, type FileKind, type ParsedFileName } from '../../src/domain/filename';
import { SEND_UNITS, checkSendUnits, groupSendUnits, sendUnitOf } from '../../src/domain/send-unit';

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
        `(${n('UPPLAN_202302')} は連番 2023/02/23 12:34:58・対象年月 2023年02月 です。1つの送信単位のファイルは連番・対象年月・送信先をそろえてください)`,
    ]);
  });

  it('explains a mixed 連番 within a unit', () => {
    const errors = checkSendUnits(parsed(n('UP1KYO'), n('UP2KYO', SEQ2)));
    expect(errors).toEqual([
      `${n('UP2KYO', SEQ2)}: 同じ送信単位(連番 2023/02/23 12:34:59)に第1表(UP1KYO)がありません` +
        `(${n('UP1KYO')} は連番 2023/02/23 12:34:58 です。1つの送信単位のファイルは連番・対象年月・送信先をそろえてください)`,
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
