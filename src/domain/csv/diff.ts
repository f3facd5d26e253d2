// What changed between two 第6表 / 実績 files of the same people and month: services added,
// removed, moved to another day, with other times, or with another 回数. Lines in Japanese.
import { readCp932 } from './decode';
import { formatMonthValue, timeRange } from './labels';
import { parseCsvText } from './parse';
import { readServiceEntries, type ServiceEntry } from './service-month';

export type DiffKind = 'added' | 'removed' | 'moved' | 'time' | 'count' | 'month';
export interface DiffLine { kind: DiffKind; text: string }

interface Visit { day: number; start: string; end: string; count: number }
interface Service { person: string; label: string; visits: Visit[] }

export function diffServiceMonth(oldBytes: Uint8Array, newBytes: Uint8Array): string[] {
  return diffServiceMonthLines(oldBytes, newBytes).map((line) => line.text);
}

/** Who and which month a service row is about: 保険者番号|被保険者番号|対象年月. */
export const personMonthKey = (e: Pick<ServiceEntry, 'insurer' | 'insured' | 'month'>): string =>
  `${e.insurer}|${e.insured}|${e.month}`;

/** The people and months a 第6表 / 実績 file covers (see personMonthKey). */
export function personMonthKeys(bytes: Uint8Array): Set<string> {
  return new Set(entriesOf(bytes).map(personMonthKey));
}

/**
 * `only`: compare just these people and months (personMonthKey). A file that updates one
 * person must not read as "everyone else's services were removed".
 */
export function diffServiceMonthLines(oldBytes: Uint8Array, newBytes: Uint8Array, only?: ReadonlySet<string>): DiffLine[] {
  const keep = (list: ServiceEntry[]) => (only ? list.filter((e) => only.has(personMonthKey(e))) : list);
  const before = keep(entriesOf(oldBytes));
  const after = keep(entriesOf(newBytes));
  const lines: DiffLine[] = [];
  const months = (list: ServiceEntry[]) => [...new Set(list.map((e) => e.month))].sort().join(', ');
  if (before.length && after.length && months(before) !== months(after)) {
    lines.push({ kind: 'month', text: `対象年月が異なります(${formatMonthValue(months(before))} → ${formatMonthValue(months(after))})` });
  }
  const oldServices = group(before);
  const newServices = group(after);
  const keys = [...new Set([...oldServices.keys(), ...newServices.keys()])].sort();
  for (const key of keys) {
    const o = oldServices.get(key);
    const n = newServices.get(key);
    const service = (n ?? o)!;
    lines.push(...compare(service, o?.visits ?? [], n?.visits ?? []));
  }
  return lines;
}

function entriesOf(bytes: Uint8Array): ServiceEntry[] {
  return readServiceEntries(parseCsvText(readCp932(bytes).text).records);
}

function group(entries: ServiceEntry[]): Map<string, Service> {
  const services = new Map<string, Service>();
  for (const e of entries) {
    const key = `${e.insured}|${e.serviceCode}|${e.office}`;
    let s = services.get(key);
    if (!s) {
      s = { person: `被保険者番号 ${e.insured}`, label: `${e.serviceCode}(${e.officeName || e.office})`, visits: [] };
      services.set(key, s);
    }
    s.visits.push({ day: e.day, start: e.start, end: e.end, count: e.count });
  }
  return services;
}

const byDayAndTime = (a: Visit, b: Visit) => a.day - b.day || a.start.localeCompare(b.start);
const dayText = (day: number) => (day > 0 ? `${day}日` : '日付なし');
const timeText = (v: Visit) => timeRange(v.start, v.end) || '時刻なし';

/** Pairs and removes visits of `olds` and `news` that `match` (first come, first paired). */
function pairOff(olds: Visit[], news: Visit[], match: (o: Visit, n: Visit) => boolean): [Visit, Visit][] {
  const pairs: [Visit, Visit][] = [];
  for (let i = 0; i < olds.length; i++) {
    const j = news.findIndex((n) => match(olds[i]!, n));
    if (j < 0) continue;
    pairs.push([olds[i]!, news[j]!]);
    olds.splice(i--, 1);
    news.splice(j, 1);
  }
  return pairs;
}

function compare(service: Service, oldVisits: Visit[], newVisits: Visit[]): DiffLine[] {
  const olds = [...oldVisits].sort(byDayAndTime);
  const news = [...newVisits].sort(byDayAndTime);
  const sameTime = (o: Visit, n: Visit) => o.start === n.start && o.end === n.end;
  pairOff(olds, news, (o, n) => o.day === n.day && sameTime(o, n) && o.count === n.count);
  const head = `${service.person} ${service.label}`;
  const lines: DiffLine[] = [];
  for (const [o, n] of pairOff(olds, news, (o, n) => o.day === n.day && sameTime(o, n))) {
    lines.push({ kind: 'count', text: `${head}: ${dayText(o.day)} ${timeText(o)} の回数を変更 ${o.count} → ${n.count}` });
  }
  for (const [o, n] of pairOff(olds, news, (o, n) => o.day === n.day)) {
    lines.push({ kind: 'time', text: `${head}: ${dayText(o.day)} の時間を変更 ${timeText(o)} → ${timeText(n)}` });
  }
  for (const [o, n] of pairOff(olds, news, (o, n) => sameTime(o, n) && o.count === n.count)) {
    lines.push({ kind: 'moved', text: `${head}: ${timeText(o)} を ${dayText(o.day)} から ${dayText(n.day)} へ移動` });
  }
  lines.push(...summarise(head, 'added', news), ...summarise(head, 'removed', olds));
  return lines;
}

/** One line per time slot: "…: 追加 09:00–10:00 3日, 10日(各2回)". */
function summarise(head: string, kind: 'added' | 'removed', visits: Visit[]): DiffLine[] {
  const verb = kind === 'added' ? '追加' : '削除';
  const slots = new Map<string, Visit[]>();
  for (const v of visits) {
    const key = `${timeText(v)}|${v.count}`;
    const list = slots.get(key);
    if (list) list.push(v);
    else slots.set(key, [v]);
  }
  return [...slots.values()].map((list) => {
    const first = list[0]!;
    const count = first.count === 1 ? '' : `(各${first.count}回)`;
    return { kind, text: `${head}: ${verb} ${timeText(first)} ${list.map((v) => dayText(v.day)).join(', ')}${count}` };
  });
}
