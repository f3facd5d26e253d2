// 前回からの変更: choosing the earlier files and comparing only the people both files cover.
import { describe, expect, it } from 'vitest';
import { assignEarlier, diffServiceMonth, diffServiceMonthLines, earlierPlanFiles, personMonthKeys, planFilesOf } from '../../src/domain/csv';
import type { MessageSummary } from '../../src/domain/contract';
import { CARE_OFFICE, HOME_HELP_OFFICE, PEOPLE, csvText, encodeCp932, fileName, makeRecords } from '../support/csvgen';

const office = (number: string) => ({ number, name: number, kind: '' });

function message(id: string, sentAt: string, names: string[], sender = CARE_OFFICE, downloaded = true): MessageSummary {
  return {
    id,
    sentAt,
    sender: office(sender),
    destination: office(HOME_HELP_OFFICE),
    message: '',
    files: names.map((name, i) => ({ id: `${id}-f${i}`, name, size: 1, category: '登録', sha256: '', downloadedAt: downloaded ? sentAt : null })),
    downloadStatus: downloaded ? '済' : '未',
    downloadedAt: null,
    expiresAt: sentAt,
    withdrawnAt: null,
  };
}

const plan = (month: string, sequence: string) => fileName({ kind: 'UPPLAN', month, sequence });
const bytes = (rows: string[][]) => encodeCp932(csvText(rows));

describe('earlierPlanFiles', () => {
  const current = message('m3', '2025-03-03T00:00:00Z', [plan('202504', '20250303000000')]);
  const received = [
    message('m1', '2025-03-01T00:00:00Z', [plan('202504', '20250301000000')]),
    message('m2', '2025-03-02T00:00:00Z', [plan('202504', '20250302000000'), fileName({ kind: 'UPSIKYU', month: '202504', sequence: '20250302000000' })]),
    message('other-month', '2025-03-02T12:00:00Z', [plan('202505', '20250302120000')]),
    message('other-sender', '2025-03-02T13:00:00Z', [fileName({ kind: 'UPPLAN', month: '202504', sender: '3310000025', sequence: '20250302130000' })], '3310000025'),
    message('later', '2025-03-04T00:00:00Z', [plan('202504', '20250304000000')]),
    current,
  ];

  it('lists earlier 予定 of the same month from the same sender, newest first', () => {
    const [mine] = planFilesOf(current);
    expect(earlierPlanFiles(mine!, received).map((p) => p.message.id)).toEqual(['m2', 'm1']);
  });

  it('ignores files that are not 予定 or 実績', () => {
    expect(planFilesOf(received[1]!).map((p) => p.kind)).toEqual(['UPPLAN']);
  });
});

describe('assignEarlier', () => {
  it('compares each person with the newest earlier file that covered them', () => {
    const result = assignEarlier(new Set(['a', 'b', 'c']), [
      { source: 'newer', keys: new Set(['a']) },
      { source: 'older', keys: new Set(['a', 'b']) },
      { source: 'oldest', keys: new Set(['x']) },
    ]);
    expect(result.map((r) => [r.source, [...r.keys]])).toEqual([['newer', ['a']], ['older', ['b']]]);
  });
});

describe('diffServiceMonth restricted to some people', () => {
  it('does not call the services of people left out of the new file removed', () => {
    const both = makeRecords('UPPLAN', { month: '202504', people: PEOPLE.slice(0, 2) });
    const onlyFirst = makeRecords('UPPLAN', { month: '202504', people: PEOPLE.slice(0, 1) });
    onlyFirst[0]![9] = '20250402';
    const oldBytes = bytes(both);
    const newBytes = bytes(onlyFirst);
    const keys = personMonthKeys(newBytes);
    expect([...keys]).toEqual([`${PEOPLE[0]!.insurer}|${PEOPLE[0]!.insured}|202504`]);
    const all = diffServiceMonth(oldBytes, newBytes);
    expect(all.some((line) => line.includes(PEOPLE[1]!.insured))).toBe(true);
    const restricted = diffServiceMonthLines(oldBytes, newBytes, keys).map((l) => l.text);
    expect(restricted).toHaveLength(1);
    expect(restricted[0]).toContain('を 1日 から 2日 へ移動');
  });
});
