import { describe, expect, it } from 'vitest';
import { diffServiceMonth, diffServiceMonthLines } from '../../src/domain/csv';
import { PEOPLE, csvText, encodeCp932, makeRecords } from '../support/csvgen';

const base = () => makeRecords('UPPLAN', { month: '202504', people: PEOPLE.slice(0, 1) });
const bytes = (rows: string[][]) => encodeCp932(csvText(rows));
// columns (0-based): 9 サービス利用日, 11 開始, 12 終了, 13 回数, 14 サービスコード
const HEAD = '被保険者番号 0000012345 111211(さくら訪問介護ステーション(﨑))';

describe('diffServiceMonth', () => {
  it('finds nothing between equal files', () => {
    expect(diffServiceMonth(bytes(base()), bytes(base()))).toEqual([]);
  });

  it('finds nothing when only the order of rows changed', () => {
    expect(diffServiceMonth(bytes(base()), bytes([...base()].reverse()))).toEqual([]);
  });

  it('reports a service added on new days', () => {
    const rows = base();
    const extra = [...rows[0]!];
    extra[9] = '20250402';
    const extra2 = [...extra];
    extra2[9] = '20250403';
    expect(diffServiceMonth(bytes(rows), bytes([...rows, extra, extra2]))).toEqual([`${HEAD}: 追加 09:00–10:00 2日, 3日`]);
  });

  it('reports a removed service', () => {
    const rows = base();
    const lines = diffServiceMonthLines(bytes(rows), bytes(rows.slice(1)));
    expect(lines).toEqual([{ kind: 'removed', text: `${HEAD}: 削除 09:00–10:00 1日` }]);
  });

  it('reports a service moved to another day', () => {
    const rows = base();
    rows[0]![9] = '20250402';
    expect(diffServiceMonth(bytes(base()), bytes(rows))).toEqual([`${HEAD}: 09:00–10:00 を 1日 から 2日 へ移動`]);
  });

  it('reports changed times', () => {
    const rows = base();
    rows[0]![11] = '1000';
    rows[0]![12] = '1100';
    expect(diffServiceMonth(bytes(base()), bytes(rows))).toEqual([`${HEAD}: 1日 の時間を変更 09:00–10:00 → 10:00–11:00`]);
  });

  it('reports a changed 回数', () => {
    const rows = base();
    rows[0]![13] = '2';
    expect(diffServiceMonth(bytes(base()), bytes(rows))).toEqual([`${HEAD}: 1日 09:00–10:00 の回数を変更 1 → 2`]);
  });

  it('reports a whole new service with its count', () => {
    const rows = base();
    const added = rows.filter((r) => r[14] === '111211').map((r) => {
      const x = [...r];
      x[14] = '113111';
      x[13] = '2';
      return x;
    });
    const lines = diffServiceMonth(bytes(base()), bytes([...rows, ...added]));
    expect(lines).toEqual([
      '被保険者番号 0000012345 113111(さくら訪問介護ステーション(﨑)): 追加 09:00–10:00 1日, 4日, 7日, 10日, 13日, 16日, 19日, 22日, 25日, 28日(各2回)',
    ]);
  });

  it('says when the months differ', () => {
    const later = makeRecords('UPPLAN', { month: '202505', people: PEOPLE.slice(0, 1) });
    expect(diffServiceMonth(bytes(base()), bytes(later))[0]).toBe('対象年月が異なります(2025年04月 → 2025年05月)');
  });
});
