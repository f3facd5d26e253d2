// 予定 ⇄ 実績 matching, on CP932 files generated here (tests/support/usage-files.ts): read with
// the validator's reader, paired per day and service, totalled per service.
import { describe, expect, it } from 'vitest';
import { validateCsv } from '../../src/domain/csv';
import { changeTexts, comparePerson, keptFromFile, readUsageFile, type CompareLine, type UsageFile } from '../../src/domain/reconcile';
import { DAY_SERVICE_OFFICE } from '../support/files';
import { HOME_HELP_OFFICE, PEOPLE, type GeneratedFile } from '../support/csvgen';
import { actualFile, planFile, weeklyVisits, type Visit } from '../support/usage-files';

const [HANAKO] = PEOPLE;

function read(file: GeneratedFile): UsageFile {
  const usage = readUsageFile(file.name, file.bytes);
  if (!usage) throw new Error(`not a 予定 / 実績: ${file.name}`);
  return usage;
}

/** The comparison of one person's 予定 and 実績 visits, through real files. */
function compare(planned: Visit[], actual: Visit[], opts: { planVersion?: '202208' | '202407'; actualVersion?: '202208' | '202407' } = {}) {
  const plan = planFile([{ person: HANAKO!, visits: planned }], { version: opts.planVersion ?? '202407' });
  const act = actualFile([{ person: HANAKO!, visits: actual }], { version: opts.actualVersion ?? '202407' });
  const [p] = keptFromFile(read(plan), { fileName: plan.name, sentAt: null, messageId: null }).people;
  const [a] = keptFromFile(read(act), { fileName: act.name, sentAt: null, messageId: null }).people;
  return comparePerson(p!.rows, a!.rows);
}

const differing = (lines: CompareLine[]) => lines.filter((l) => l.status !== 'match');
const summary = (l: CompareLine) => ({ day: l.day, status: l.status, changes: changeTexts(l) });

describe('the generated files', () => {
  it('are spec-valid 予定 and 実績, before v4 and in v4', () => {
    for (const version of ['202208', '202407'] as const) {
      const files = [planFile([{ person: HANAKO!, visits: weeklyVisits() }], { version }), actualFile([{ person: HANAKO!, visits: weeklyVisits() }], { version })];
      for (const f of files) expect(validateCsv(f.name, f.bytes).problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
  });
});

describe('comparePerson', () => {
  it('finds no difference when everything planned was delivered, whatever the row order', () => {
    const result = compare(weeklyVisits(), [...weeklyVisits()].reverse());
    expect(result.differences).toBe(0);
    expect(result.lines.every((l) => l.status === 'match')).toBe(true);
    expect(result.lines).toHaveLength(weeklyVisits().length);
  });

  it('compares a pre-v4 予定 (22 columns) with a v4 実績 (25 columns)', () => {
    const result = compare(weeklyVisits(), weeklyVisits(), { planVersion: '202208', actualVersion: '202407' });
    expect(result.differences).toBe(0);
    const changed = compare(weeklyVisits(), weeklyVisits().slice(1), { planVersion: '202407', actualVersion: '202208' });
    expect(differing(changed.lines).map(summary)).toEqual([{ day: weeklyVisits()[0]!.day, status: 'plan-only', changes: [] }]);
  });

  it('pairs two visits of one service on the same day by their times', () => {
    const planned: Visit[] = [{ day: 3, start: '0900', end: '1000' }, { day: 3, start: '1800', end: '1900' }];
    // the evening visit came half an hour late; the morning one as planned
    const late = compare(planned, [{ day: 3, start: '1830', end: '1930' }, { day: 3, start: '0900', end: '1000' }]);
    expect(differing(late.lines).map(summary)).toEqual([{ day: 3, status: 'changed', changes: ['時間 18:00–19:00 → 18:30–19:30'] }]);
    // only one of the two took place
    const missed = compare(planned, [{ day: 3, start: '1800', end: '1900' }]);
    expect(differing(missed.lines).map(summary)).toEqual([{ day: 3, status: 'plan-only', changes: [] }]);
    expect(differing(missed.lines)[0]!.planned!.start).toBe('0900');
    // and a third, unplanned, one
    const extra = compare(planned, [...planned, { day: 3, start: '1200', end: '1300' }]);
    expect(differing(extra.lines).map((l) => [l.status, l.actual?.start])).toEqual([['actual-only', '1200']]);
  });

  it('counts a visit on another day as not delivered on one day and delivered on the other', () => {
    const result = compare([{ day: 3 }], [{ day: 4 }]);
    expect(differing(result.lines).map(summary)).toEqual([
      { day: 3, status: 'plan-only', changes: [] },
      { day: 4, status: 'actual-only', changes: [] },
    ]);
  });

  it('reports a changed サービスコード at the same visit, with its other changes', () => {
    const addOn = { day: 7, code: '116275', start: '0900', end: '1000' };
    const result = compare([{ day: 7, code: '111111', start: '0900', end: '0930' }, addOn], [{ day: 7, code: '111211', start: '0900', end: '1000' }, addOn]);
    expect(differing(result.lines).map(summary)).toEqual([
      { day: 7, status: 'changed', changes: ['サービスコード 111111 → 111211', '時間 09:00–09:30 → 09:00–10:00'] },
    ]);
  });

  it('does not take another kind of service at the same time for a changed code', () => {
    const result = compare([{ day: 7, code: '111211' }], [{ day: 7, code: '151111' }]);
    expect(differing(result.lines).map((l) => l.status)).toEqual(['plan-only', 'actual-only']);
  });

  it('reports a changed 回数', () => {
    const result = compare([{ day: 9, count: 1 }], [{ day: 9, count: 2 }]);
    expect(differing(result.lines).map(summary)).toEqual([{ day: 9, status: 'changed', changes: ['回数 1 → 2'] }]);
  });

  it('compares 月額 services without a day over the month, not by day', () => {
    // an add-on written without a サービス利用日 in the 予定 and on the day it was counted in the 実績,
    // and 福祉用具貸与 (kind 17), whose day the software picks
    const planned: Visit[] = [{ day: null, code: '114001', start: '9999', end: '9999' }, { day: 1, code: '171001', start: '9999', end: '9999' }];
    const same = compare(planned, [{ day: 12, code: '114001', start: '9999', end: '9999' }, { day: 5, code: '171001', start: '9999', end: '9999' }]);
    expect(same.differences).toBe(0);
    expect(same.lines.map((l) => [l.day, l.monthly, l.status])).toEqual([[0, true, 'match'], [0, true, 'match']]);
    const more = compare(planned, [{ day: null, code: '114001', start: '9999', end: '9999', count: 2 }]);
    expect(differing(more.lines).map(summary)).toEqual([
      { day: 0, status: 'changed', changes: ['回数 1 → 2'] },
      { day: 0, status: 'plan-only', changes: [] },
    ]);
  });

  it('takes 明細判別コード 1 and 01 (another program pads it) as the same 福祉用具, in v4 and before', () => {
    const rental = (day: number, serial: string): Visit => ({ day, code: '171001', start: '9999', end: '9999', serial });
    const planned = [rental(1, '1'), rental(1, '2')];
    for (const version of ['202407', '202208'] as const) {
      const result = compare(planned, [rental(5, '02'), rental(5, '01')], { actualVersion: version });
      expect(result.lines.map((l) => [l.status, l.planned?.serial, l.actual?.serial])).toEqual([['match', '1', '1'], ['match', '2', '2']]);
    }
    // a real difference of item still shows
    const other = compare([rental(1, '1')], [rental(5, '02')]);
    expect(differing(other.lines).map((l) => l.status)).toEqual(['plan-only', 'actual-only']);
  });

  it('reports a 30日超 row delivered as an ordinary day, and totals 30日超 apart', () => {
    const stay = (day: number, over30: boolean): Visit => ({ day, code: '211111', start: '9999', end: '9999', over30, units: 700 });
    const planned = [stay(28, false), stay(29, true), stay(30, true)];
    const result = compare(planned, [stay(28, false), stay(29, false), stay(30, true)]);
    expect(differing(result.lines).map(summary)).toEqual([{ day: 29, status: 'changed', changes: ['30日超区分 該当 → 非該当'] }]);
    expect(result.totals.map((t) => [t.code, t.over30, t.planned.count, t.actual.count, t.differs])).toEqual([
      ['211111', false, 1, 2, true],
      ['211111', true, 2, 1, true],
    ]);
  });

  it('totals 回数 and 単位数 per service where the rows carry them', () => {
    const planned: Visit[] = [{ day: 2, units: 387 }, { day: 5, units: 387 }, { day: 2, code: '112111', start: '1400', end: '1445', units: null }];
    const result = compare(planned, [{ day: 2, units: 387 }, { day: 2, code: '112111', start: '1400', end: '1445', units: 220 }]);
    expect(result.totals.map((t) => [t.code, t.planned.count, t.planned.units, t.actual.count, t.actual.units, t.differs])).toEqual([
      ['111211', 2, 774, 1, 387, true],
      ['112111', 1, null, 1, 220, false],
    ]);
  });

  it('leaves out the 予定 rows of other providers: the 予定 sent to one lists every provider', () => {
    const plan = planFile([{ person: HANAKO!, visits: [{ day: 2 }, { day: 2, code: '151111', office: DAY_SERVICE_OFFICE }] }]);
    const kept = keptFromFile(read(plan), { fileName: plan.name, sentAt: null, messageId: null });
    expect(kept.provider).toBe(HOME_HELP_OFFICE);
    expect(kept.people[0]!.rows.map((r) => r.code)).toEqual(['111211']);
  });
});
