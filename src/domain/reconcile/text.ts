// How the comparison reads to a person: the words of the screens and of the CSV export.
import { timeRange, weekdayOf, WEEKDAYS } from '../csv/labels';
import type { Change, CompareLine, LineStatus } from './match';
import type { UsageRow } from './rows';

export const LINE_LABELS: Record<LineStatus, string> = {
  match: '一致',
  'plan-only': '予定のみ',
  'actual-only': '実績のみ',
  changed: '変更',
};

/** 09:00–10:00, or 時間なし (9999). */
export const timeText = (r: UsageRow): string => timeRange(r.start, r.end) || '時間なし';

/** 5日(土) for a day of YYYYMM; 月額 for day 0. */
export function dayText(day: number, month: string): string {
  if (day === 0) return '月額';
  const weekday = /^\d{6}$/.test(month) ? WEEKDAYS[((weekdayOf(month, day) + 6) % 7) + 1] : '';
  return weekday ? `${day}日(${weekday})` : `${day}日`;
}

const over30Text = (on: boolean) => (on ? '該当' : '非該当');

/** One phrase per change: 「サービスコード 111111 → 111211」. */
export function changeTexts(line: CompareLine): string[] {
  const { planned: p, actual: a } = line;
  if (!p || !a) return [];
  const texts: Record<Change, () => string> = {
    code: () => `サービスコード ${p.code} → ${a.code}`,
    time: () => `時間 ${timeText(p)} → ${timeText(a)}`,
    count: () => `回数 ${p.count} → ${a.count}`,
    over30: () => `30日超区分 ${over30Text(p.over30)} → ${over30Text(a.over30)}`,
  };
  return line.changes.map((c) => texts[c]());
}

/** What a row was: 「111211 09:00–10:00 1回」 (月額: the month's 回数). */
export function rowText(r: UsageRow, monthly: boolean): string {
  const parts = [r.code, monthly ? '' : timeText(r), `${r.count}回`];
  if (r.over30) parts.push('30日超');
  return parts.filter(Boolean).join(' ');
}

/** 202504 → 2025年4月分 */
export function monthLabel(month: string): string {
  return /^\d{6}$/.test(month) ? `${month.slice(0, 4)}年${Number(month.slice(4, 6))}月分` : month;
}

/** 20250510 → 2025年5月10日 */
export function dateLabel(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}年${Number(yyyymmdd.slice(4, 6))}月${Number(yyyymmdd.slice(6, 8))}日`;
}

/** 20250325103000 → 2025/03/25 10:30:00 */
export function sequenceText(sequence: string): string {
  if (!/^\d{14}$/.test(sequence)) return sequence;
  const s = sequence;
  return `${s.slice(0, 4)}/${s.slice(4, 6)}/${s.slice(6, 8)} ${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}`;
}
