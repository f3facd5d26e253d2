// 対象年月 in Japanese whatever the browser's own language: ◀ 前月 / 2026年10月 / 翌月 ▶ and a
// 年・月 select pair (the native month field spoke the browser's language, 「October 2026」 in an
// English Chromium, and is a small calendar on an iPad). Buttons, links and selects only, so the
// keyboard and touch work as everywhere else. 月次チェック always has a month and moves by links
// (the month is its address); a list filter may be 指定なし.
import './month-picker.css';

/** YYYYMM ± n months */
export function shiftMonth(month: string, by: number): string {
  const d = new Date(Number(month.slice(0, 4)), Number(month.slice(4, 6)) - 1 + by, 1);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The years offered: the last five and the next, and always the one shown. */
function yearsAround(shown: number | null, thisYear: number): number[] {
  const years = new Set<number>(shown === null ? [] : [shown]);
  for (let y = thisYear - 5; y <= thisYear + 1; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

export const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(4, 6))}月`;
const monthOf = (year: number, month: number) => `${year}${String(month).padStart(2, '0')}`;

interface MonthPickerProps {
  /** YYYYMM; null is 指定なし (only where `optional`) */
  month: string | null;
  onPick: (month: string | null) => void;
  /** the id of the group's title (one picker per screen names itself) */
  id: string;
  /** 前月・翌月 as links to these addresses (the month is the screen's address); else buttons */
  hrefOf?: (month: string) => string;
  /** 指定なし can be chosen (a list filter) */
  optional?: boolean;
  class?: string;
}

export function MonthPicker({ month, onPick, id, hrefOf, optional = false, class: extra }: MonthPickerProps) {
  const today = new Date();
  const year = month === null ? null : Number(month.slice(0, 4));
  const monthNumber = month === null ? null : Number(month.slice(4, 6));
  // from 指定なし, a year alone means this month of it, a month alone this year's
  const pickYear = (y: number) => onPick(monthOf(y, monthNumber ?? today.getMonth() + 1));
  const pickMonth = (m: number) => onPick(monthOf(year ?? today.getFullYear(), m));
  const titleId = `${id}-title`;
  return (
    <div class={`month-picker no-print${extra ? ` ${extra}` : ''}`} role="group" aria-labelledby={titleId}>
      <span id={titleId} class="month-picker-title">対象年月</span>
      <div class="month-picker-row">
        {month !== null && <Step id={`${id}-prev`} to={shiftMonth(month, -1)} text="◀ 前月" name="前月" hrefOf={hrefOf} onPick={onPick} />}
        <strong class="month-picker-current" aria-live="polite">{month === null ? '指定なし' : monthText(month)}</strong>
        {month !== null && <Step id={`${id}-next`} to={shiftMonth(month, 1)} text="翌月 ▶" name="翌月" hrefOf={hrefOf} onPick={onPick} />}
      </div>
      <div class="month-picker-row">
        <label class="month-select">
          <select id={`${id}-year`} aria-label="年" value={year === null ? '' : String(year)} onChange={(e) => pickYear(Number(e.currentTarget.value))}>
            {year === null && <option value="">----</option>}
            {yearsAround(year, today.getFullYear()).map((y) => <option key={y} value={String(y)}>{y}</option>)}
          </select>
          <span>年</span>
        </label>
        <label class="month-select">
          <select id={`${id}-month`} aria-label="月" value={monthNumber === null ? '' : String(monthNumber)} onChange={(e) => pickMonth(Number(e.currentTarget.value))}>
            {monthNumber === null && <option value="">--</option>}
            {MONTHS.map((m) => <option key={m} value={String(m)}>{m}</option>)}
          </select>
          <span>月</span>
        </label>
        {optional && month !== null && (
          <button type="button" id={`${id}-clear`} class="month-picker-clear" onClick={() => onPick(null)}>指定なしにする</button>
        )}
      </div>
    </div>
  );
}

interface StepProps {
  id: string;
  to: string;
  text: string;
  name: string;
  hrefOf: ((month: string) => string) | undefined;
  onPick: (month: string) => void;
}

/** ◀ 前月 or 翌月 ▶: a link where the month is an address, else a button. */
function Step({ id, to, text, name, hrefOf, onPick }: StepProps) {
  const label = `${name}(${monthText(to)})`;
  return hrefOf ? (
    <a id={id} class="button" href={hrefOf(to)} aria-label={label}>{text}</a>
  ) : (
    <button type="button" id={id} aria-label={label} onClick={() => onPick(to)}>{text}</button>
  );
}
