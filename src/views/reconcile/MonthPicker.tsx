// 対象年月 of 月次チェック in Japanese whatever the browser's own language: ◀ 前月 / 2026年10月 /
// 翌月 ▶ and a 年・月 select pair. The native month field spoke the browser's language
// (「October 2026」 in an English Chromium). The month lives in the address (#/monthly?month=YYYYMM).
import { navigate } from '../app/router';
import { to } from '../app/routes';

/** YYYYMM ± n months */
export function shiftMonth(month: string, by: number): string {
  const d = new Date(Number(month.slice(0, 4)), Number(month.slice(4, 6)) - 1 + by, 1);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The years offered: the last five and the next, and always the one shown. */
function yearsAround(shown: number, thisYear: number): number[] {
  const years = new Set<number>([shown]);
  for (let y = thisYear - 5; y <= thisYear + 1; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

const label = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(4, 6))}月`;

export function MonthPicker({ month }: { month: string }) {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(4, 6));
  const go = (y: number, m: number) => navigate(to.monthly(`${y}${String(m).padStart(2, '0')}`));
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  return (
    <div class="month-picker no-print" role="group" aria-labelledby="month-picker-title">
      <span id="month-picker-title" class="month-picker-title">対象年月</span>
      <div class="month-picker-row">
        <a class="button" href={to.monthly(previous)} aria-label={`前月(${label(previous)})`}>◀ 前月</a>
        <strong class="month-picker-current" aria-live="polite">{label(month)}</strong>
        <a class="button" href={to.monthly(next)} aria-label={`翌月(${label(next)})`}>翌月 ▶</a>
      </div>
      <div class="month-picker-row">
        <label class="month-select">
          <select aria-label="年" value={String(year)} onChange={(e) => go(Number(e.currentTarget.value), monthNumber)}>
            {yearsAround(year, new Date().getFullYear()).map((y) => <option key={y} value={String(y)}>{y}</option>)}
          </select>
          <span>年</span>
        </label>
        <label class="month-select">
          <select aria-label="月" value={String(monthNumber)} onChange={(e) => go(year, Number(e.currentTarget.value))}>
            {MONTHS.map((m) => <option key={m} value={String(m)}>{m}</option>)}
          </select>
          <span>月</span>
        </label>
      </div>
    </div>
  );
}
