// Checks one CSV file against the standard spec before it is sent (errors block the send,
// warnings do not). File-name errors themselves are reported by checkSend (attachments.ts);
// here the name only tells the kind and month, and a name that cannot be read leaves the
// content checks that need no layout.
import { parseFileName, type FileKind, type ParsedFileName } from '../filename';
import { decodeCp932, decodeCp932Lenient, encodingRefusal, FORBIDDEN_CHAR } from './decode';
import { checkRecords, reportForbidden } from './records';
import { parseCsvText } from './parse';
import { ProblemList } from './problems';
import type { CsvReport } from './types';
import { checkVersions } from './version-check';

export interface CheckedCsv {
  report: CsvReport;
  name: ParsedFileName | null;
  /** null when the bytes are not CP932 text */
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
  const refusal = encodingRefusal(bytes);
  if (refusal) {
    problems.error(refusal);
    return done(null, null);
  }
  const decoded = decodeCp932(bytes);
  // an unreadable byte is reported where it is, and the rest of the file is still checked
  const text = decoded.ok ? decoded.text : decodeCp932Lenient(bytes);
  const forbidden = !decoded.ok || FORBIDDEN_CHAR.test(text);
  const parsed = parseCsvText(text);
  if (parsed.records.every(isBlankRecord)) {
    problems.error('ファイルが空です(レコードがありません)');
    return done(null, parsed.records);
  }
  for (const q of parsed.quoteErrors) problems.error(q.message, { row: q.row });
  // Blank lines after the last record are common from hand edits and harmless to a record
  // reader, so they only warn; a blank line between records stays an error.
  const records = withoutTrailingBlanks(parsed.records);
  const trailing = parsed.records.length - records.length;
  if (trailing > 0) problems.warning(`末尾に空の行が${trailing}行あります(送信はできます)`, { row: records.length + 1 });

  const { version, layout } = checkVersions(records, kind, name, problems);
  if (forbidden) reportForbidden(text, layout?.layout ?? null, problems);
  if (layout) checkRecords(records, layout, name, problems);
  return done(version, records);
}

/** An empty line, or one of spaces only (an editor's leftover): no record at all. */
export function isBlankRecord(record: string[]): boolean {
  return record.length === 1 && record[0]!.trim() === '';
}

function withoutTrailingBlanks(records: string[][]): string[][] {
  let end = records.length;
  while (end > 0 && isBlankRecord(records[end - 1]!)) end--;
  return end === records.length ? records : records.slice(0, end);
}
