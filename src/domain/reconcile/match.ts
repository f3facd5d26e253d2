// 予定 ⇄ 実績 for one person and month: which planned service was delivered as planned, which
// was not delivered (予定のみ), which was delivered without a plan (実績のみ), and which was
// delivered otherwise (another time, 回数, サービスコード or ３０日超区分). The rules, and why,
// are in docs/reconcile.md ("Matching").
import { byCode, serviceKindOf, type UsageRow } from './rows';

export type LineStatus = 'match' | 'plan-only' | 'actual-only' | 'changed';
export type Change = 'code' | 'time' | 'count' | 'over30';

export interface CompareLine {
  /** day of the month; 0 for a 月額 line */
  day: number;
  /** compared over the month, not by day (docs: 月額) */
  monthly: boolean;
  status: LineStatus;
  /** what differs on a 'changed' line, in this order */
  changes: Change[];
  /** the planned row; a 月額 line sums the month's rows (回数, 単位数) */
  planned: UsageRow | null;
  actual: UsageRow | null;
}

export interface Totals {
  count: number;
  /** null when no row of this side carries a 単位数 */
  units: number | null;
  rows: number;
}

export interface ServiceTotal {
  code: string;
  office: string;
  satellite: string;
  over30: boolean;
  planned: Totals;
  actual: Totals;
  differs: boolean;
}

export interface PersonComparison {
  lines: CompareLine[];
  totals: ServiceTotal[];
  /** lines that are not 'match' */
  differences: number;
}

/** 福祉用具貸与 (17) and 介護予防福祉用具貸与 (67): billed per month, whatever day the file names. */
const isMonthlyKind = (code: string) => code.charCodeAt(1) === 55 /* 7 */ && (code[0] === '1' || code[0] === '6');

const itemKey = (r: UsageRow) => `${r.code}|${r.office}|${r.satellite}|${r.serial}`;

// A 月次チェック compares hundreds of people at once (bench/monthly-check.bench.ts): the common
// paths below allocate little (no key strings per row where a comparison will do).
export function comparePerson(planned: readonly UsageRow[], actual: readonly UsageRow[]): PersonComparison {
  const monthlyKeys = new Set<string>();
  for (const list of [planned, actual]) for (const r of list) if (r.day === 0 || isMonthlyKind(r.code)) monthlyKeys.add(itemKey(r));
  let lines: CompareLine[];
  if (monthlyKeys.size === 0) lines = compareDaily(planned, actual);
  else {
    const isMonthly = (r: UsageRow) => monthlyKeys.has(itemKey(r));
    lines = [
      ...compareDaily(planned.filter((r) => !isMonthly(r)), actual.filter((r) => !isMonthly(r))),
      ...compareMonthly(planned.filter(isMonthly), actual.filter(isMonthly)),
    ];
  }
  lines.sort(lineOrder);
  let differences = 0;
  for (const l of lines) if (l.status !== 'match') differences++;
  return { lines, totals: totalsOf(planned, actual), differences };
}

/** Every field of a row, day and time first: equal rows compare 0. */
function rowOrder(a: UsageRow, b: UsageRow): number {
  return a.day - b.day || byCode(a.start, b.start) || byCode(a.code, b.code) || byCode(a.end, b.end) || a.count - b.count ||
    byCode(a.office, b.office) || byCode(a.satellite, b.satellite) || byCode(a.serial, b.serial) || Number(a.over30) - Number(b.over30);
}

/** Per day, then 月額 at the end; within a day by time, then code. */
function lineOrder(a: CompareLine, b: CompareLine): number {
  const ra = (a.planned ?? a.actual)!;
  const rb = (b.planned ?? b.actual)!;
  return Number(a.monthly) - Number(b.monthly) || a.day - b.day || byCode(ra.start, rb.start) || byCode(ra.code, rb.code);
}

function changesOf(p: UsageRow, a: UsageRow, monthly: boolean): Change[] {
  const changes: Change[] = [];
  if (p.code !== a.code) changes.push('code');
  if (!monthly && (p.start !== a.start || p.end !== a.end)) changes.push('time');
  if (p.count !== a.count) changes.push('count');
  if (p.over30 !== a.over30) changes.push('over30');
  return changes;
}

function line(day: number, monthly: boolean, planned: UsageRow | null, actual: UsageRow | null): CompareLine {
  if (!planned) return { day, monthly, status: 'actual-only', changes: [], planned, actual };
  if (!actual) return { day, monthly, status: 'plan-only', changes: [], planned, actual };
  const changes = changesOf(planned, actual, monthly);
  return { day, monthly, status: changes.length === 0 ? 'match' : 'changed', changes, planned, actual };
}

/**
 * One pairing stage: every (plan, actual) pair the stage allows, best score first, each row
 * paired at most once. Rows paired leave `plans` and `actuals`.
 */
function pairStage(plans: UsageRow[], actuals: UsageRow[], score: (p: UsageRow, a: UsageRow) => number | null): [UsageRow, UsageRow][] {
  const candidates: { p: number; a: number; s: number }[] = [];
  plans.forEach((p, i) => actuals.forEach((a, j) => {
    const s = score(p, a);
    if (s !== null) candidates.push({ p: i, a: j, s });
  }));
  candidates.sort((x, y) => x.s - y.s || x.p - y.p || x.a - y.a);
  const usedP = new Set<number>();
  const usedA = new Set<number>();
  const pairs: [UsageRow, UsageRow][] = [];
  for (const c of candidates) {
    if (usedP.has(c.p) || usedA.has(c.a)) continue;
    usedP.add(c.p);
    usedA.add(c.a);
    pairs.push([plans[c.p]!, actuals[c.a]!]);
  }
  const keep = <T>(list: T[], used: Set<number>) => list.filter((_, i) => !used.has(i));
  plans.splice(0, plans.length, ...keep(plans, usedP));
  actuals.splice(0, actuals.length, ...keep(actuals, usedA));
  return pairs;
}

/** Minutes since midnight, or null for 9999 (no time) and anything unreadable. */
function minutes(hhmm: string): number | null {
  if (!/^\d{4}$/.test(hhmm) || hhmm === '9999') return null;
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2));
}

/** How far apart two rows' times are (0 when both have none); null when only one has a time. */
function timeDistance(p: UsageRow, a: UsageRow): number | null {
  const [ps, pe, as, ae] = [minutes(p.start), minutes(p.end), minutes(a.start), minutes(a.end)];
  if (ps === null && as === null) return 0;
  if (ps === null || as === null) return null;
  return Math.abs(ps - as) + Math.abs((pe ?? ps) - (ae ?? as));
}

function overlaps(p: UsageRow, a: UsageRow): boolean {
  const [ps, as] = [minutes(p.start), minutes(a.start)];
  if (ps === null || as === null) return ps === as;
  // an end before the start runs past midnight
  const end = (start: number, hhmm: string) => {
    const e = minutes(hhmm) ?? start;
    return e <= start ? e + 24 * 60 : e;
  };
  return ps === as || (ps < end(as, a.end) && as < end(ps, p.end));
}

const commonPrefix = (x: string, y: string) => {
  let n = 0;
  while (n < x.length && x[n] === y[n]) n++;
  return n;
};

const sameItem = (p: UsageRow, a: UsageRow) => p.code === a.code && p.serial === a.serial;
const sameTime = (p: UsageRow, a: UsageRow) => p.start === a.start && p.end === a.end;

/**
 * Per day and place (事業所 + サテライト枝番): exact pairs first, then the same service at the
 * same time (回数 or ３０日超区分 changed), the same service at another time, and last another
 * code of the same サービス種類 at an overlapping time (a changed サービスコード). What is left
 * was planned only or delivered only.
 */
function compareDaily(planned: readonly UsageRow[], actual: readonly UsageRow[]): CompareLine[] {
  const lines: CompareLine[] = [];
  // most visits happen as planned: both sides in one total order, walked together, pair those at once
  const plans = [...planned].sort(rowOrder);
  const actuals = [...actual].sort(rowOrder);
  const plansLeft: UsageRow[] = [];
  const actualsLeft: UsageRow[] = [];
  let i = 0;
  let j = 0;
  while (i < plans.length && j < actuals.length) {
    const order = rowOrder(plans[i]!, actuals[j]!);
    if (order === 0) lines.push(line(plans[i]!.day, false, plans[i++]!, actuals[j++]!));
    else if (order < 0) plansLeft.push(plans[i++]!);
    else actualsLeft.push(actuals[j++]!);
  }
  while (i < plans.length) plansLeft.push(plans[i++]!);
  while (j < actuals.length) actualsLeft.push(actuals[j++]!);
  if (plansLeft.length === 0 && actualsLeft.length === 0) return lines;
  const groups = new Map<string, { day: number; plans: UsageRow[]; actuals: UsageRow[] }>();
  const groupOf = (r: UsageRow) => {
    const key = `${r.day}|${r.office}|${r.satellite}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { day: r.day, plans: [], actuals: [] }));
    return g;
  };
  for (const r of plansLeft) groupOf(r).plans.push(r);
  for (const r of actualsLeft) groupOf(r).actuals.push(r);
  for (const { day, plans, actuals } of groups.values()) {
    const stages: ((p: UsageRow, a: UsageRow) => number | null)[] = [
      (p, a) => (sameItem(p, a) && sameTime(p, a) ? 0 : null),
      (p, a) => (sameItem(p, a) ? timeDistance(p, a) ?? 24 * 60 * 2 : null),
      (p, a) => (serviceKindOf(p.code) === serviceKindOf(a.code) && overlaps(p, a)
        ? -commonPrefix(p.code, a.code) * 10_000 + (timeDistance(p, a) ?? 0) : null),
    ];
    for (const stage of stages) for (const [p, a] of pairStage(plans, actuals, stage)) lines.push(line(day, false, p, a));
    for (const p of plans) lines.push(line(day, false, p, null));
    for (const a of actuals) lines.push(line(day, false, null, a));
  }
  return lines;
}

/** The month's rows of one item summed into one: 回数 and 単位数 added up, day 0. */
function summed(rows: UsageRow[]): UsageRow {
  const first = rows[0]!;
  const carried = rows.filter((r) => r.units !== null);
  return {
    ...first,
    day: 0,
    count: rows.reduce((n, r) => n + r.count, 0),
    units: carried.length > 0 ? carried.reduce((n, r) => n + r.units!, 0) : null,
    over30: rows.some((r) => r.over30),
  };
}

/** 月額 items: one line per item over the month; an item planned under one code and delivered under another of its kind is a changed code. */
function compareMonthly(planned: UsageRow[], actual: UsageRow[]): CompareLine[] {
  const byItem = (rows: UsageRow[]) => {
    const map = new Map<string, UsageRow[]>();
    for (const r of rows) {
      const list = map.get(itemKey(r));
      if (list) list.push(r);
      else map.set(itemKey(r), [r]);
    }
    return [...map.values()].map(summed);
  };
  const plans = byItem(planned);
  const actuals = byItem(actual);
  const lines: CompareLine[] = [];
  const place = (r: UsageRow) => `${r.office}|${r.satellite}|${r.serial}`;
  const stages: ((p: UsageRow, a: UsageRow) => number | null)[] = [
    (p, a) => (p.code === a.code && place(p) === place(a) ? 0 : null),
    (p, a) => (place(p) === place(a) && serviceKindOf(p.code) === serviceKindOf(a.code) ? -commonPrefix(p.code, a.code) : null),
  ];
  for (const stage of stages) for (const [p, a] of pairStage(plans, actuals, stage)) lines.push(line(0, true, p, a));
  for (const p of plans) lines.push(line(0, true, p, null));
  for (const a of actuals) lines.push(line(0, true, null, a));
  return lines;
}

/** Per サービスコード, 事業所 and ３０日超区分: 回数 and 単位数 planned and delivered. */
function totalsOf(planned: readonly UsageRow[], actual: readonly UsageRow[]): ServiceTotal[] {
  // by code, then a short list: a person has a handful of services
  const byCodeMap = new Map<string, ServiceTotal[]>();
  const list: ServiceTotal[] = [];
  const empty = (): Totals => ({ count: 0, units: null, rows: 0 });
  const add = (side: 'planned' | 'actual', r: UsageRow) => {
    let same = byCodeMap.get(r.code);
    if (!same) byCodeMap.set(r.code, (same = []));
    let t = same.find((x) => x.office === r.office && x.satellite === r.satellite && x.over30 === r.over30);
    if (!t) {
      t = { code: r.code, office: r.office, satellite: r.satellite, over30: r.over30, planned: empty(), actual: empty(), differs: false };
      same.push(t);
      list.push(t);
    }
    const s = t[side];
    s.count += r.count;
    s.rows += 1;
    if (r.units !== null) s.units = (s.units ?? 0) + r.units;
  };
  for (const r of planned) add('planned', r);
  for (const r of actual) add('actual', r);
  for (const t of list) {
    const unitsDiffer = t.planned.units !== null && t.actual.units !== null && t.planned.units !== t.actual.units;
    t.differs = t.planned.count !== t.actual.count || unitsDiffer;
  }
  return list.sort((a, b) => byCode(a.office, b.office) || byCode(a.code, b.code) || Number(a.over30) - Number(b.over30));
}
