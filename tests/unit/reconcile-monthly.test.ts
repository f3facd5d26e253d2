// 月次チェック: which 予定 and 実績 versions are compared, the status of each provider × person,
// the deadline, and the CSV exports — from CP932 files generated here.
import { describe, expect, it } from 'vitest';
import {
  comparisonCsv, deadlineOf, defaultCheckMonth, keptFromFile, monthlyCheck, monthlyCsv, pairsOf, readUsageFile, statusLabel,
  peopleOf, type KeptUsageFile,
} from '../../src/domain/reconcile';
import { CARE_OFFICE, HOME_HELP_OFFICE, MONTH, PEOPLE, encodeCp932, csvText, fileName, type GeneratedFile } from '../support/csvgen';
import { DAY_SERVICE_OFFICE } from '../support/files';
import { actualFile, planFile, weeklyVisits, type PersonVisits } from '../support/usage-files';

const [HANAKO, TARO, ICHIRO] = PEOPLE as [typeof PEOPLE[0], typeof PEOPLE[0], typeof PEOPLE[0]];
let clock = 0;

/** The file's people as kept once sent, at a later time than the last one kept. */
function kept(file: GeneratedFile, names?: Map<string, string>): KeptUsageFile {
  const usage = readUsageFile(file.name, file.bytes)!;
  clock += 1;
  const sentAt = new Date(Date.UTC(2025, 4, 1, 0, 0, clock)).toISOString();
  return keptFromFile(usage, { fileName: file.name, sentAt, messageId: `m${clock}`, ...(names ? { names } : {}) });
}

const month = (people: PersonVisits[]) => people;
const full = (p: typeof HANAKO) => ({ person: p, visits: weeklyVisits() });

describe('the versions compared', () => {
  it('uses the latest 予定 by 連番, says which, and counts the ones it replaced', () => {
    const first = kept(planFile([full(HANAKO)], { sequence: '20250320090000' }));
    const second = kept(planFile([{ person: HANAKO, visits: weeklyVisits().slice(2) }], { sequence: '20250325090000' }));
    // sent last, but an older 連番: the provider imports by 連番, so it is not the one in force
    const resent = kept(planFile([full(HANAKO)], { sequence: '20250321090000' }));
    const [pair] = pairsOf(peopleOf([first, second, resent]));
    expect(pair!.plan!.sequence).toBe('20250325090000');
    expect(pair!.plan!.rows).toHaveLength(weeklyVisits().length - 2);
    expect(pair!.replacedPlans).toBe(2);
  });

  it('takes a later 予定 for one person without touching the others of the earlier file', () => {
    const both = kept(planFile([full(HANAKO), full(TARO)], { sequence: '20250320090000' }));
    const taroOnly = kept(planFile([{ person: TARO, visits: weeklyVisits().slice(1) }], { sequence: '20250322090000' }));
    const pairs = pairsOf(peopleOf([both, taroOnly]));
    const of = (insured: string) => pairs.find((p) => p.key.insured === insured)!;
    expect(of(HANAKO.insured).plan!.sequence).toBe('20250320090000');
    expect(of(TARO.insured).plan!.sequence).toBe('20250322090000');
  });

  it('drops a 予定 a later DLTPLAN deleted', () => {
    const plan = kept(planFile([full(HANAKO)], { sequence: '20250320090000' }));
    const name = fileName({ kind: 'DLTPLAN', month: MONTH, sequence: '20250321090000' });
    const deletion = kept({ name, bytes: encodeCp932(csvText([['202407', HANAKO.insurer, HANAKO.insured, MONTH]])) });
    const [pair] = pairsOf(peopleOf([plan, deletion]));
    expect(pair!.plan).toBeNull();
    expect(pair!.planDeletedBy!.fileName).toBe(name);
    expect(monthlyCheck([plan, deletion], MONTH, CARE_OFFICE).asCare.map((r) => r.status)).toEqual(['plan-deleted']);
  });

  it('replaces 実績 per サービス種類, and a DLTJSK removes its kind', () => {
    const homeHelp = [{ day: 2 }, { day: 5 }];
    const bath = [{ day: 3, code: '121111', start: '1000', end: '1100' }];
    const plan = kept(planFile([{ person: HANAKO, visits: [...homeHelp, ...bath] }], { sequence: '20250320090000' }));
    const first = kept(actualFile([{ person: HANAKO, visits: homeHelp }], { sequence: '20250501090000' }));
    const bathOnly = kept(actualFile([{ person: HANAKO, visits: bath }], { sequence: '20250501100000' }));
    const [pair] = pairsOf(peopleOf([plan, first, bathOnly]));
    expect(pair!.actualRows.map((r) => r.code).sort()).toEqual(['111211', '111211', '121111']);
    expect(pair!.actuals.map((a) => a.sequence)).toEqual(['20250501090000', '20250501100000']);
    // a correction of 訪問介護 alone replaces that kind; 訪問入浴 stays
    const corrected = kept(actualFile([{ person: HANAKO, visits: [{ day: 2 }] }], { sequence: '20250502090000' }));
    const deleteBath = kept({
      name: fileName({ kind: 'DLTJSK', month: MONTH, sender: HOME_HELP_OFFICE, destination: CARE_OFFICE, sequence: '20250502100000' }),
      bytes: encodeCp932(csvText([['202407', HANAKO.insurer, HANAKO.insured, MONTH, HOME_HELP_OFFICE, '12']])),
    });
    const [after] = pairsOf(peopleOf([plan, first, bathOnly, corrected, deleteBath]));
    expect(after!.actualRows.map((r) => [r.code, r.day])).toEqual([['111211', 2]]);
  });

  it('does not compare a 予定 still waiting in the outbox', () => {
    const file = planFile([full(HANAKO)]);
    const waiting = keptFromFile(readUsageFile(file.name, file.bytes)!, { fileName: file.name, sentAt: null, messageId: null });
    const [pair] = pairsOf(peopleOf([waiting]));
    expect(pair!.plan).toBeNull();
    expect(pair!.planPending).toBe(true);
    expect(monthlyCheck([waiting], MONTH, CARE_OFFICE).asCare.map((r) => r.status)).toEqual(['pending']);
  });
});

describe('monthlyCheck', () => {
  const records = () => {
    const names = new Map([[`${HANAKO.insurer}|${HANAKO.insured}`, HANAKO.name]]);
    return [
      // to the 訪問介護: 花子 and 太郎; its 実績: 花子 with one visit missing, and 一郎, who had no 予定
      kept(planFile(month([full(HANAKO), full(TARO)])), names),
      kept(actualFile(month([{ person: HANAKO, visits: weeklyVisits().slice(1) }, full(ICHIRO)]))),
      // to the デイサービス: 花子, delivered as planned
      kept(planFile([{ person: HANAKO, visits: [{ day: 2, code: '151111' }] }], { provider: DAY_SERVICE_OFFICE })),
      kept(actualFile([{ person: HANAKO, visits: [{ day: 2, code: '151111' }] }], { provider: DAY_SERVICE_OFFICE })),
      // another month, left out
      kept(planFile([full(HANAKO)], { month: '202505' })),
    ];
  };

  it('gives one row per provider and person, missing first, with the differences counted', () => {
    const check = monthlyCheck(records(), MONTH, CARE_OFFICE);
    expect(check.asProvider).toEqual([]);
    expect(check.asCare.map((r) => [r.pair.key.provider, r.pair.key.insured, r.status, r.comparison?.differences ?? null])).toEqual([
      [HOME_HELP_OFFICE, TARO.insured, 'awaiting', null],
      [HOME_HELP_OFFICE, HANAKO.insured, 'differs', 1],
      [HOME_HELP_OFFICE, ICHIRO.insured, 'no-plan', weeklyVisits().length],
      [DAY_SERVICE_OFFICE, HANAKO.insured, 'matches', 0],
    ]);
    expect(check.asCare[1]!.pair.name).toBe(HANAKO.name);
  });

  it('shows the provider its own side: each 予定 received and whether its 実績 was sent', () => {
    const check = monthlyCheck(records(), MONTH, HOME_HELP_OFFICE);
    expect(check.asCare).toEqual([]);
    expect(check.asProvider.map((r) => [r.pair.key.care, r.pair.key.insured, statusLabel(r.status, 'provider')])).toEqual([
      [CARE_OFFICE, TARO.insured, '実績未送信'],
      [CARE_OFFICE, HANAKO.insured, '差異あり'],
      [CARE_OFFICE, ICHIRO.insured, '予定なし'],
    ]);
  });

  it('exports the list and a person as CSV', () => {
    const check = monthlyCheck(records(), MONTH, CARE_OFFICE);
    const list = monthlyCsv(check.asCare, 'care', (iso) => iso.slice(0, 10)).split('\r\n');
    expect(list[0]).toBe('対象年月,サービス事業所,保険者番号,被保険者番号,氏名,予定送信日時,予定連番,実績受信日時,差異件数,状態');
    expect(list[2]).toBe(`${MONTH},${HOME_HELP_OFFICE},${HANAKO.insurer},${HANAKO.insured},${HANAKO.name},2025-05-01,20250325103000,2025-05-01,1,差異あり`);
    const differs = check.asCare[1]!;
    const person = comparisonCsv(differs.pair, differs.comparison!).split('\r\n');
    const planOnly = person.find((line) => line.includes('予定のみ'))!;
    expect(planOnly).toMatch(new RegExp(`^${MONTH},${HANAKO.insurer},${HANAKO.insured},${HANAKO.name},${HOME_HELP_OFFICE},2日\\(水\\),予定のみ,,112111,14:00–14:45,1,220,,,,$`));
    expect(person.filter((line) => line.includes(',合計,'))).toHaveLength(2);
  });
});

describe('the deadline', () => {
  it('is the 10th of the following month', () => {
    expect(deadlineOf('202504', new Date(2025, 4, 3))).toEqual({ date: '20250510', daysLeft: 7 });
    expect(deadlineOf('202512', new Date(2026, 0, 12))).toEqual({ date: '20260110', daysLeft: -2 });
  });

  it('makes last month the month to check', () => {
    expect(defaultCheckMonth(new Date(2025, 4, 3))).toBe('202504');
    expect(defaultCheckMonth(new Date(2026, 0, 5))).toBe('202512');
  });
});
