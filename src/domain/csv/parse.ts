// Records from CSV text: comma separated, "…" around free text with "" for a quote, commas and
// line breaks kept inside quotes, no header row (docs/csv-spec.md "Records").
//
// A reader of our own rather than papaparse, for two reasons the tests pin down:
// - the spec states no line ending and hand-edited files mix them; papaparse takes one line
//   ending per text, so a lone LF among CRLF records merges two records. Here CRLF, LF and CR
//   each end a record, record by record.
// - the checks of a 10 MB file must cost little beside reading it (bench/csv-validate.bench.ts):
//   this reader, with one job, reads about a third faster than papaparse.
// tests/unit/csv-parse.test.ts reads the same texts with papaparse (one line ending per text)
// and asserts the same records.

export interface ParsedCsv {
  records: string[][];
  /** Broken quoting, by 1-based record number and column. */
  quoteErrors: { row: number; column: number; message: string }[];
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

const UNCLOSED = '引用符(")が閉じられていません';
const STRAY = '引用符(")の使い方が正しくありません(項目内の " は "" と書きます)';

/**
 * `onRecord` sees each record as soon as it is read, while it is still in the processor's
 * cache: the checks of a large file run inside this one pass (bench/csv-validate.bench.ts).
 * With `keep` false the records are not collected: a record nobody keeps dies young, which
 * the garbage collector clears at almost no cost, where 10 MB of kept records cost it more
 * than the checks themselves. Nor is an array made per record then: the one array handed to
 * `onRecord` is filled again with the next record, so whatever it keeps of a record it copies
 * (its strings may be kept as they are). The relay reads every send's CSVs this way, and arrays
 * grown field by field were a third of what the checks of a send allocated (docs/speed-history.md).
 */
export function parseCsvText(text: string, onRecord?: (record: string[], row: number) => void, keep = true): ParsedCsv {
  const records: string[][] = [];
  let count = 0;
  const quoteErrors: ParsedCsv['quoteErrors'] = [];
  const n = text.length;
  let record: string[] = [];
  let field = 0;
  let i = 0;
  while (i < n) {
    let value: string;
    let ch: number;
    if (text.charCodeAt(i) === QUOTE) {
      // quoted: up to the quote that is not doubled
      let from = i + 1;
      value = '';
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          quoteErrors.push({ row: count + 1, column: field + 1, message: UNCLOSED });
          value += text.slice(from);
          i = n;
          break;
        }
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += text.slice(from, close);
        i = close + 1;
        break;
      }
      // blanks may sit between the closing quote and the comma or line end; anything else is a fault
      let j = i;
      while (j < n && ((ch = text.charCodeAt(j)) === SPACE || ch === TAB)) j++;
      ch = j < n ? text.charCodeAt(j) : -1;
      if (ch !== COMMA && ch !== CR && ch !== LF && ch !== -1) {
        quoteErrors.push({ row: count + 1, column: field + 1, message: STRAY });
        let k = j;
        while (k < n && (ch = text.charCodeAt(k)) !== COMMA && ch !== CR && ch !== LF) k++;
        value += text.slice(i, k);
        j = k;
        ch = k < n ? text.charCodeAt(k) : -1;
      }
      i = j;
    } else {
      let j = i;
      ch = -1;
      while (j < n) {
        ch = text.charCodeAt(j);
        // digits, letters and kana are all above the comma: one comparison for most characters
        if (ch <= COMMA && (ch === COMMA || ch === LF || ch === CR)) break;
        j++;
      }
      if (j === n) ch = -1;
      value = text.slice(i, j);
      i = j;
    }
    record[field++] = value;
    if (ch === COMMA) {
      i++;
      // a comma at the very end still opens one more (empty) field
      if (i === n) record[field++] = '';
      continue;
    }
    // an array filled again (keep false) may still hold fields of a longer record before
    if (field < record.length) record.length = field;
    count++;
    if (keep) records.push(record);
    onRecord?.(record, count);
    if (keep) record = [];
    field = 0;
    if (ch === CR) i++;
    if (ch !== -1 && text.charCodeAt(i) === LF) i++;
  }
  if (field > 0) {
    if (field < record.length) record.length = field;
    count++;
    if (keep) records.push(record);
    onRecord?.(record, count);
  }
  return { records, quoteErrors };
}

/**
 * Record row and column (both 1-based) of character offsets of the text (ascending), following
 * quotes and line ends as parseCsvText does. Used only to place the rare forbidden character,
 * so one plain walk is enough.
 */
export function placesOfOffsets(text: string, offsets: readonly number[]): { row: number; column: number }[] {
  const places: { row: number; column: number }[] = [];
  let row = 1;
  let column = 1;
  let quoted = false;
  let fieldStart = true;
  let next = 0;
  for (let i = 0; i < text.length && next < offsets.length; i++) {
    while (next < offsets.length && offsets[next] === i) {
      places.push({ row, column });
      next++;
    }
    const ch = text.charCodeAt(i);
    if (quoted) {
      if (ch === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === QUOTE && fieldStart) quoted = true;
    fieldStart = false;
    if (ch === COMMA) {
      column++;
      fieldStart = true;
    } else if (ch === LF || (ch === CR && text.charCodeAt(i + 1) !== LF)) {
      row++;
      column = 1;
      fieldStart = true;
    }
  }
  return places;
}
