// CSV exports of the comparison, for a spreadsheet: one header row, one row per line. Written as
// text; the screen saves it as UTF-8 with a BOM, which Excel opens as Japanese (these are
// documents for people, not 連携 files: those stay CP932 and are never rewritten).
import { toCsv } from '../spreadsheet-csv';
import type { PersonComparison } from './match';
import type { CheckRow, Role } from './monthly';
import { statusLabel } from './monthly';
import { changeTexts, dayText, LINE_LABELS, timeText } from './text';
import type { Pair } from './versions';

const PERSON_HEADER = [
  '対象年月', '保険者番号', '被保険者番号', '氏名', 'サービス事業所', '日', '区分', '変更内容',
  '予定サービスコード', '予定時間', '予定回数', '予定単位数', '実績サービスコード', '実績時間', '実績回数', '実績単位数',
];

/** The person's comparison: each line, then the totals per service (区分 合計). */
export function comparisonCsv(pair: Pair, comparison: PersonComparison): string {
  const { key } = pair;
  const who = [key.month, key.insurer, key.insured, pair.name];
  const rows: (string | number | null)[][] = [PERSON_HEADER];
  for (const line of comparison.lines) {
    const { planned: p, actual: a } = line;
    const office = (p ?? a)!.office;
    rows.push([
      ...who, office, dayText(line.day, key.month), LINE_LABELS[line.status], changeTexts(line).join(' / '),
      p?.code ?? '', p ? (line.monthly ? '' : timeText(p)) : '', p?.count ?? '', p?.units ?? '',
      a?.code ?? '', a ? (line.monthly ? '' : timeText(a)) : '', a?.count ?? '', a?.units ?? '',
    ]);
  }
  for (const t of comparison.totals) {
    const code = t.over30 ? `${t.code}(30日超)` : t.code;
    rows.push([
      ...who, t.office, '', '合計', t.differs ? '差異あり' : '',
      code, '', t.planned.count, t.planned.units, code, '', t.actual.count, t.actual.units,
    ]);
  }
  return toCsv(rows);
}

/** The 月次チェック list of one role. `time` formats an ISO time for people (local time). */
export function monthlyCsv(rows: readonly CheckRow[], role: Role, time: (iso: string) => string): string {
  const header = role === 'care'
    ? ['対象年月', 'サービス事業所', '保険者番号', '被保険者番号', '氏名', '予定送信日時', '予定連番', '実績受信日時', '差異件数', '状態']
    : ['対象年月', '居宅介護支援事業所', '保険者番号', '被保険者番号', '氏名', '予定受信日時', '予定連番', '実績送信日時', '差異件数', '状態'];
  const lines: (string | number | null)[][] = [header];
  for (const r of rows) {
    const { key, plan, actuals, name } = r.pair;
    const latestActual = actuals[actuals.length - 1];
    lines.push([
      key.month, role === 'care' ? key.provider : key.care, key.insurer, key.insured, name,
      plan?.sentAt ? time(plan.sentAt) : '', plan?.sequence ?? '', latestActual?.sentAt ? time(latestActual.sentAt) : '',
      r.comparison ? r.comparison.differences : '', statusLabel(r.status, role),
    ]);
  }
  return toCsv(lines);
}
