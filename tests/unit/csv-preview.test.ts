import { describe, expect, it } from 'vitest';
import { buildPreview } from '../../src/domain/csv';
import { namesFromHosoku, UTF8_PREVIEW_NOTE } from '../../src/domain/csv/preview';
import type { PreviewBody } from '../../src/domain/csv/preview-model';
import { PEOPLE, TRICKY_TEXT, encodeCp932, fileName, fromRecords, makeCsvFile, makeRecords } from '../support/csvgen';

function bodyOf<T extends PreviewBody['type']>(body: PreviewBody, type: T): Extract<PreviewBody, { type: T }> {
  expect(body.type).toBe(type);
  return body as Extract<PreviewBody, { type: T }>;
}

describe('buildPreview', () => {
  it('shows a note instead of mojibake for a UTF-8 file', () => {
    const file = makeCsvFile('UPPLAN', { month: '202504' });
    const utf8 = new TextEncoder().encode(new TextDecoder('shift_jis').decode(file.bytes));
    expect(buildPreview(file.name, utf8).body).toEqual({ type: 'line', text: UTF8_PREVIEW_NOTE });
    // the same content in CP932 still previews as the grid
    expect(buildPreview(file.name, file.bytes).body.type).toBe('grid');
  });

  it('shows 第6表 as a month grid per person and service', () => {
    const file = makeCsvFile('UPPLAN', { month: '202504' });
    const model = buildPreview(file.name, file.bytes);
    expect(model.title).toBe('第6表(予定) 2025年04月');
    const grid = bodyOf(model.body, 'grid');
    expect(grid.days).toBe(30);
    expect(grid.weekdays[0]).toBe(2); // 2025-04-01 was a Tuesday
    expect(grid.people).toHaveLength(PEOPLE.length);
    const first = grid.people[0]!;
    expect(first.insured).toBe('0000012345');
    expect(first.planner).toBe('ケアマネ 髙木');
    expect(first.rows.map((r) => [r.serviceCode, r.time])).toEqual([['111211', '09:00–10:00'], ['112111', '18:00–18:30']]);
    const days = first.rows[0]!.days;
    expect(days[0]).toBe(1); // day 1
    expect(days[1]).toBe(0);
    expect(days[3]).toBe(1); // day 4
    expect(first.rows[0]!.total).toBe(10); // 1, 4, …, 28 in a 30-day month
    expect(first.total).toBe(20);
    expect(first.rows[0]!.officeName).toBe('さくら訪問介護ステーション(﨑)');
  });

  it('shows 実績 the same way', () => {
    const file = makeCsvFile('UPJSK');
    expect(buildPreview(file.name, file.bytes).body.type).toBe('grid');
  });

  it('names the service kind of each code, and each person from the 利用者補足情報 sent with the file', () => {
    const actuals = makeCsvFile('UPJSK', { month: '202504' });
    const hosoku = makeCsvFile('UPHOSOKU', { month: '202504' });
    const alone = bodyOf(buildPreview(actuals.name, actuals.bytes).body, 'grid');
    expect(alone.people[0]!.name).toBe('');
    expect(alone.people[0]!.rows.map((r) => [r.serviceCode, r.serviceKind])).toEqual([['111211', '訪問介護'], ['112111', '訪問介護']]);
    const names = namesFromHosoku([actuals, hosoku]);
    expect(names.get(PEOPLE[0]!.insured)).toBe(PEOPLE[0]!.name);
    const named = bodyOf(buildPreview(actuals.name, actuals.bytes, names).body, 'grid');
    expect(named.people.map((p) => p.name)).toEqual(PEOPLE.map((p) => p.name));
  });

  it('emphasises 第7表 subtotal and grand-total rows', () => {
    const file = makeCsvFile('UPSIKYU', { people: PEOPLE.slice(0, 1) });
    const table = bodyOf(buildPreview(file.name, file.bytes).body, 'sikyu');
    expect(table.rows.map((r) => r.emphasis)).toEqual([null, null, 'subtotal', 'total']);
    expect(table.rows[3]!.cells[1]).toBe('合計');
  });

  it('shows 第1表 as labelled sections of the plan text', () => {
    const file = makeCsvFile('UP1KYO');
    const body = bodyOf(buildPreview(file.name, file.bytes).body, 'sections');
    const sections = body.people[0]!.sections;
    expect(sections.map((s) => s.label)).toEqual([
      '利用者', '計画作成', '課題分析の結果', '介護認定審査会の意見及びサービスの種類の指定', '総合的な援助の方針', '生活援助中心型の算定理由',
    ]);
    expect(sections[2]!.text).toBe(TRICKY_TEXT);
    expect(sections[0]!.fields).toContainEqual({ label: '要介護状態区分', value: '要介護2 (22)' });
    expect(sections[1]!.fields).toContainEqual({ label: '計画書区分', value: '継続 (21)' });
  });

  it('shows 第2表 as issues, goals and services', () => {
    const file = makeCsvFile('UP2KYO', { people: PEOPLE.slice(0, 1) });
    const body = bodyOf(buildPreview(file.name, file.bytes).body, 'issues');
    const issues = body.people[0]!.issues;
    expect(issues.map((i) => i.issue)).toEqual(['一人で入浴するのが不安', '"転倒"が心配']);
    expect(issues[0]!.goals[0]!.shortTerm).toBe('週2回、介助で入浴する');
    expect(issues[0]!.goals[0]!.services[0]).toContainEqual({ label: 'サービス内容', value: '入浴介助, 見守り' });
  });

  it('takes 課題ＮＯ and 援助目標ＮＯ 01 and 1 as one number: one 課題, one goal', () => {
    const [first, second] = makeRecords('UP2KYO', { people: PEOPLE.slice(0, 1) });
    // a second service of 課題 1 on a row whose numbers are zero-padded and whose 課題 is left blank
    const padded = [...first!];
    Object.assign(padded, { 5: '01', 6: '', 7: '01', 12: '02', 13: '清拭' });
    const file = fromRecords('UP2KYO', [first!, padded, second!]);
    const issues = bodyOf(buildPreview(file.name, file.bytes).body, 'issues').people[0]!.issues;
    expect(issues.map((i) => [i.no, i.issue, i.goals.length])).toEqual([['1', '一人で入浴するのが不安', 1], ['2', '"転倒"が心配', 1]]);
    expect(issues[0]!.goals[0]!.services.map((s) => s[0]!.value)).toEqual(['入浴介助, 見守り', '清拭']);
  });

  it('shows 補足 as the person summary', () => {
    const file = makeCsvFile('UPHOSOKU', { month: '202504' });
    const body = bodyOf(buildPreview(file.name, file.bytes).body, 'sections');
    expect(body.people[1]!.heading).toBe('山﨑 太郎 (0000067890)');
    expect(body.people[0]!.sections[0]!.fields).toContainEqual({ label: '生年月日', value: '1940/02/03' });
  });

  it('describes a deletion in one line', () => {
    const file = makeCsvFile('DLTPLAN', { people: PEOPLE.slice(0, 1) });
    const body = bodyOf(buildPreview(file.name, file.bytes).body, 'line');
    expect(body.text).toBe('予定(第6表・第7表)を削除します: 被保険者番号 0000012345(2025年04月)');
  });

  it('shows an unknown file as a raw table', () => {
    const body = bodyOf(buildPreview('memo.csv', encodeCp932('a,"b,c"\r\n1,2\r\n')).body, 'table');
    expect(body.rows).toEqual([['a', 'b,c'], ['1', '2']]);
    expect(body.headers).toBeNull();
  });

  it('still previews a file with undecodable bytes, and says so', () => {
    const good = makeCsvFile('DLT1KYO');
    const model = buildPreview(good.name, new Uint8Array([...good.bytes, 0x82, 0x20]));
    expect(model.notes[0]).toContain('Shift_JIS(CP932)として読めない文字があります');
    expect(model.body.type).toBe('line');
  });

  it('cuts a huge grid to the first people', () => {
    const people = Array.from({ length: 120 }, (_, i) => ({ ...PEOPLE[0]!, insured: String(i).padStart(10, '0') }));
    const file = fromRecords('UPPLAN', makeRecords('UPPLAN', { people }));
    const grid = bodyOf(buildPreview(file.name, file.bytes).body, 'grid');
    expect(grid.people).toHaveLength(100);
    expect(grid.omittedPeople).toBe(20);
  });

  it('titles an empty file', () => {
    expect(buildPreview(fileName({ kind: 'UP1KYO' }), new Uint8Array()).body).toEqual({ type: 'line', text: '(空のファイルです)' });
  });
});
