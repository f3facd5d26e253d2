// The record loop: each record against its layout, column by column, then the rules of the
// kind. This is the hot path of a 10 MB file (bench/csv-validate.bench.ts): no allocation and
// no pattern building per cell, a problem object only when there is a problem.
import type { ParsedFileName } from '../filename';
import { hasValidCheckDigit } from '../office-number';
import type { ColumnCheck, CompiledLayout } from './compile';
import { FAULT_MARK, faultText, markFaults, type CharFault } from './decode';
import { displayValue, ZERO_DATE_VERDICT, ZERO_MONTH_VERDICT } from './formats';
import { eraWithColumnCount, type Layout } from './layouts';
import { placesOfOffsets, parseCsvText } from './parse';
import type { ProblemList } from './problems';
import { RULES } from './rules';
import type { KindRules, RuleContext } from './rules/types';
import { VERSION_TABLE } from './versions';

const ALL9 = '9999999999';
/** A number of the right shape; a wrong shape is the format's error already. */
const OFFICE_NUMBER = /^\d{2}[0-9A]\d{7}$/;

/** The checks of one record against its layout, and of the file once every record is seen. */
export interface RecordChecks {
  record: (record: string[], row: number) => void;
  finish: () => void;
}

export function recordChecks(
  compiled: CompiledLayout, name: ParsedFileName | null, problems: ProblemList,
  versionOf: (record: string[], row: number) => void,
): RecordChecks {
  return new LayoutChecks(compiled, name, problems, versionOf);
}

class LayoutChecks implements RecordChecks {
  private readonly layout: Layout;
  private readonly count: number;
  private readonly nameMonth: string | null;
  private readonly monthIndex: number | null;
  private readonly ctx: RuleContext;
  private readonly rules: KindRules;
  // each office number is looked at (and warned about) once per file, not once per row; the
  // number of the row before, in each column, is known to be looked at already (rows repeat them)
  private readonly officesSeen = new Set<string>();
  private readonly lastOffices: (string | undefined)[];

  constructor(
    private readonly compiled: CompiledLayout, name: ParsedFileName | null, private readonly problems: ProblemList,
    private readonly versionOf: (record: string[], row: number) => void,
  ) {
    const { layout, offices } = compiled;
    this.layout = layout;
    this.count = layout.columns.length;
    this.nameMonth = name?.targetMonth && name.targetMonth !== '000000' ? name.targetMonth : null;
    this.monthIndex = this.nameMonth !== null ? layout.monthIndex : null;
    this.ctx = { layout, problems, name };
    this.rules = RULES[layout.kind]?.(this.ctx) ?? {};
    this.lastOffices = offices.map((): string | undefined => undefined);
  }

  record(record: string[], row: number): void {
    const { layout, problems } = this;
    const { checks, offices } = this.compiled;
    this.versionOf(record, row);
    if (record.length !== this.count) {
      columnCountProblem(record, row, layout, problems);
      return;
    }
    for (let k = 0; k < checks.length; k++) {
      const c = checks[k]!;
      const value = record[c.index]!;
      let verdict: string | null;
      let long: string | null;
      // most cells repeat the row before: `last` is only ever a value checked (never empty)
      if (value === c.last) {
        verdict = c.lastVerdict;
        long = c.lastLength;
      } else if (value === '') {
        if (c.need === 'required') problems.error('値がありません(必須項目です)', { row, column: c.no, item: c.item });
        else if (c.need === 'uncertain') {
          problems.once(`need|${c.index}`, 'warning', '値がありません(仕様書では必須と読める項目です。送信はできます)',
            { row, column: c.no, item: c.item });
        }
        continue;
      } else {
        verdict = c.check === null ? null : c.check(value);
        long = c.length === null ? null : c.length(value);
        c.last = value;
        c.lastVerdict = verdict;
        c.lastLength = long;
      }
      if (verdict === null && long === null) continue;
      // a cell holding a fault of the bytes is named once, for that (reportFaults)
      if (value.includes(FAULT_MARK)) continue;
      if (verdict === null) {
        // only past its 項目長: a warning, once per column (field-length.ts); a value its format
        // refuses is named for that alone, below
        problems.once(`length|${c.index}`, 'warning', `${displayValue('text', value)} ${long}`, { row, column: c.no, item: c.item });
        continue;
      }
      const text = `${displayValue(c.format.shown, value)} ${verdict}${zeroAdvice(c, verdict)}`;
      if (c.format.severity === 'error') problems.error(text, { row, column: c.no, item: c.item });
      else problems.once(`format|${c.index}`, 'warning', `${text}(送信はできます)`, { row, column: c.no, item: c.item });
    }
    const { monthIndex, nameMonth } = this;
    if (monthIndex !== null) {
      const month = record[monthIndex]!;
      if (month !== '' && month !== nameMonth) {
        problems.error(`${month} がファイル名の対象年月 ${nameMonth} と異なります(1ファイルは1か月分です)`,
          { row, column: monthIndex + 1, item: layout.columns[monthIndex]!.name });
      }
    }
    const { lastOffices, officesSeen } = this;
    for (let k = 0; k < offices.length; k++) {
      const i = offices[k]!;
      const number = record[i]!;
      if (number === lastOffices[k]) continue;
      lastOffices[k] = number;
      if (!OFFICE_NUMBER.test(number) || number === ALL9 || officesSeen.has(number)) continue;
      officesSeen.add(number);
      if (!hasValidCheckDigit(number)) {
        problems.warning(`事業所番号 ${number} のチェックデジットが合いません(番号を確認してください。送信はできます)`,
          { row, column: i + 1, item: layout.columns[i]!.name });
      }
    }
    this.rules.row?.(record, row, this.ctx);
  }

  finish(): void {
    this.rules.file?.(this.ctx);
  }
}

/**
 * After a date or month of zeros the column does not take: the spec writes an absent value as
 * 「Null（空）」, but an empty required column is refused in its turn, so that one asks for the date.
 */
function zeroAdvice(c: ColumnCheck, verdict: string): string {
  if (verdict !== ZERO_DATE_VERDICT && verdict !== ZERO_MONTH_VERDICT) return '';
  if (c.need === 'optional') return '。値のない項目は空(Null)にします';
  const what = verdict === ZERO_DATE_VERDICT ? '日付' : '年月';
  return c.need === 'uncertain' ? `。${what}を入れてください(仕様書では必須と読める項目です)` : `。${what}を入れてください(必須項目です)`;
}

/** A record of the wrong length: where it parts from the layout, and which version it would fit. */
function columnCountProblem(record: string[], row: number, layout: Layout, problems: ProblemList): void {
  if (record.length === 1 && record[0]!.trim() === '') {
    problems.error('空の行があります', { row });
    return;
  }
  const count = layout.columns.length;
  const other = eraWithColumnCount(layout.kind, record.length);
  const versions = VERSION_TABLE.filter((v) => v.era === other).map((v) => v.value).join('・');
  const hint = other && other !== layout.era
    ? `。${record.length}項目はCSVバージョン ${versions} の形式です。CSVバージョンの値と項目の並びを合わせてください`
    : '';
  const text = `項目数が${count}ではなく${record.length}です${hint}`;
  if (record.length < count) {
    const missing = layout.columns[record.length]!;
    problems.error(`${text}(${missing.no}列目の${missing.name}から後がありません)`, { row, column: missing.no, item: missing.name });
  } else {
    // the place named is the last column the layout has: the surplus ones have no 項目名
    const last = layout.columns[count - 1]!;
    problems.error(`${text}(${last.no}列目の${last.name}で終わるはずの行に、あと${record.length - count}項目あります)`,
      { row, column: last.no, item: last.name });
  }
}

/**
 * Every cell holding a fault of the bytes (an unreadable byte, 0x80, a 外字, a stray EOF mark),
 * with its place and 項目名: the k-th U+FFFD of the text stands for the k-th fault.
 */
export function reportFaults(text: string, faults: readonly CharFault[], layout: Layout | null, problems: ProblemList): void {
  const offsets: number[] = [];
  for (let at = text.indexOf(FAULT_MARK); at >= 0 && offsets.length < 1000; at = text.indexOf(FAULT_MARK, at + 1)) offsets.push(at);
  const places = placesOfOffsets(text, offsets);
  const records = parseCsvText(text).records;
  const said = new Set<string>();
  places.forEach(({ row, column }, i) => {
    const fault = faults[i]!;
    const key = `${row}|${column}|${fault.kind === 'gaiji' ? 'gaiji' : fault.bytes}`;
    if (said.has(key)) return;
    said.add(key);
    const value = records[row - 1]?.[column - 1] ?? '';
    const item = layout?.columns[column - 1]?.name;
    problems.cause(`${faultText(fault)}(${displayValue('text', markFaults(value))})`,
      { row, column, ...(item ? { item } : {}) });
  });
}
