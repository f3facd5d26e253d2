// Checks one CSV file against the standard spec before it is sent (errors block the send,
// warnings do not). File-name errors themselves are reported by checkSend (attachments.ts);
// here the name only tells the kind and month, and a name that cannot be read leaves the
// content checks that need no layout.
import { parseFileName, type FileKind, type ParsedFileName } from '../filename';
import { hasValidCheckDigit } from '../office-number';
import { decodeCp932, decodeCp932Lenient, isUtf8Text, UNDECODABLE_MESSAGE, UTF8_MESSAGE } from './decode';
import { displayValue, fieldChecker } from './fields';
import { CSV_VERSIONS, LAYOUTS, SM, type Layout } from './layouts';
import { parseCsvText } from './parse';
import { ProblemList } from './problems';
import type { CsvReport } from './types';

export interface CheckedCsv {
  report: CsvReport;
  name: ParsedFileName | null;
  /** null when the bytes could not be decoded */
  records: string[][] | null;
}

export function validateCsv(fileName: string, bytes: Uint8Array): CsvReport {
  return checkCsv(fileName, bytes).report;
}

export function checkCsv(fileName: string, bytes: Uint8Array): CheckedCsv {
  const parsedName = parseFileName(fileName);
  const name = parsedName.ok ? parsedName.value : null;
  const kind: FileKind | null = name?.kind ?? null;
  const problems = new ProblemList(fileName);
  const done = (version: string | null, records: string[][] | null): CheckedCsv =>
    ({ report: { kind, version, problems: problems.finish() }, name, records });

  if (bytes.length === 0) {
    problems.error('ファイルが空です');
    return done(null, null);
  }
  if (isUtf8Text(bytes)) {
    problems.error(UTF8_MESSAGE);
    return done(null, null);
  }
  const decoded = decodeCp932(bytes);
  if (!decoded.ok) {
    problems.error(`${UNDECODABLE_MESSAGE}(${firstBadLine(bytes)}行目付近)`);
    return done(null, null);
  }
  const parsed = parseCsvText(decoded.text);
  if (parsed.records.every(isBlankRecord)) {
    problems.error('ファイルが空です(レコードがありません)');
    return done(null, parsed.records);
  }
  for (const q of parsed.quoteErrors) problems.error(q.message, q.row);
  // Blank lines after the last record are common from hand edits and harmless to a record
  // reader, so they only warn; a blank line between records stays an error.
  const records = withoutTrailingBlanks(parsed.records);
  const trailing = parsed.records.length - records.length;
  if (trailing > 0) {
    problems.warning(`末尾に空の行が${trailing}行あります(送信はできます)`, records.length + 1);
  }

  const version = checkVersions(records, kind, problems);
  const layout = kind ? LAYOUTS[kind] : undefined;
  if (layout) checkRecords(records, layout, name, problems);
  return done(version, records);
}

/** An empty line, or one of spaces only (an editor's leftover): no record at all. */
function withoutTrailingBlanks(records: string[][]): string[][] {
  let end = records.length;
  while (end > 0 && isBlankRecord(records[end - 1]!)) end--;
  return end === records.length ? records : records.slice(0, end);
}

function isBlankRecord(record: string[]): boolean {
  return record.length === 1 && record[0]!.trim() === '';
}

/** Physical line of the first byte CP932 cannot read, to help find it in an editor. */
function firstBadLine(bytes: Uint8Array): number {
  const text = decodeCp932Lenient(bytes);
  const at = text.indexOf('\uFFFD');
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function checkVersions(records: string[][], kind: FileKind | null, problems: ProblemList): string | null {
  const version = records[0]?.[0] ?? null;
  if (version === null) return null;
  const known: readonly string[] = CSV_VERSIONS;
  if (!known.includes(version)) {
    problems.error(`「${version}」は対応していないCSVバージョンです(${known.join(', ')})`, 1, 'CSVバージョン');
  } else if (kind && LAYOUTS[kind] && !LAYOUTS[kind].versions.includes(version)) {
    problems.error(`${kind} はCSVバージョン ${LAYOUTS[kind].versions.join(', ')} のみです(${version} にはありません)`, 1, 'CSVバージョン');
  }
  for (let i = 1; i < records.length; i++) {
    const other = records[i]?.[0];
    if (other !== version && !isBlankRecord(records[i]!)) {
      problems.error(`CSVバージョンが混在しています(1行目は ${version}、${i + 1}行目は ${other ?? ''})`, i + 1, 'CSVバージョン');
      break;
    }
  }
  return version;
}

function checkRecords(records: string[][], layout: Layout, name: ParsedFileName | null, problems: ProblemList): void {
  const { columns } = layout;
  const checked = columns.flatMap((c, i) =>
    c.type === 'text' && !c.required ? [] : [{ i, column: c, check: fieldChecker(c.type) }]);
  const offices = columns.flatMap((c, i) => (c.type === 'office' ? [i] : []));
  const nameMonth = name?.targetMonth && name.targetMonth !== '000000' ? name.targetMonth : null;
  const isServiceMonth = layout.kind === 'UPPLAN' || layout.kind === 'UPJSK';
  // each office number is checked (and warned about) once per file, not once per row
  const officeSeen = new Set<string>();

  for (let r = 0; r < records.length; r++) {
    const record = records[r] ?? [];
    const row = r + 1;
    if (record.length !== columns.length) {
      problems.error(isBlankRecord(record) ? '空の行があります' : `項目数が${columns.length}ではなく${record.length}です`, row);
      continue;
    }
    for (const { i, column, check } of checked) {
      const value = record[i]!;
      if (value === '') {
        if (column.required) problems.error('値がありません', row, column.name);
        continue;
      }
      const tail = check(value);
      if (tail !== null) problems.error(`${displayValue(column.type, value)} ${tail}`, row, column.name);
    }
    if (nameMonth && layout.monthColumn !== null) {
      const month = record[layout.monthColumn]!;
      if (month !== '' && month !== nameMonth) {
        problems.error(`${month} がファイル名の対象年月 ${nameMonth} と異なります`, row, columns[layout.monthColumn]!.name);
      }
    }
    if (isServiceMonth) checkServiceDay(record, row, problems);
    for (const i of offices) {
      const number = record[i]!;
      if (number.length !== 10 || officeSeen.has(number)) continue;
      const valid = number === '9999999999' || hasValidCheckDigit(number);
      officeSeen.add(number);
      if (!valid) {
        problems.warning(`事業所番号 ${number} のチェックデジットが合いません(番号を確認してください。送信はできます)`, row, columns[i]!.name);
      }
    }
  }
}

/** 第6表 / 実績: a service day belongs to the record's own 対象年月 (one file = one month). */
function checkServiceDay(record: string[], row: number, problems: ProblemList): void {
  const day = record[SM.date]!;
  const month = record[SM.month]!;
  if (day.length === 8 && month.length === 6 && !day.startsWith(month)) {
    problems.error(`${displayValue('date', day)} は対象年月 ${month} の日付ではありません`, row, 'サービス利用日');
  }
}
