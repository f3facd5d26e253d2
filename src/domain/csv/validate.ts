// Checks one CSV file against the standard spec before it is sent (errors block the send,
// warnings do not). File-name errors themselves are reported by checkSend (attachments.ts);
// here the name only tells the kind and month, and a name that cannot be read leaves the
// content checks that need no layout.
import { parseFileName, type FileKind, type ParsedFileName } from '../filename';
import type { CompiledLayout } from './compile';
import { decodeCp932, decodeCp932Lenient, encodingRefusal, FORBIDDEN_CHAR } from './decode';
import { parseCsvText } from './parse';
import { ProblemList } from './problems';
import { recordChecks, reportForbidden, type RecordChecks } from './records';
import type { CsvReport } from './types';
import { checkVersions, versionMixer } from './version-check';

/** What the checks across the files of a send need of a file (send.ts), kept while reading. */
export interface RecordKeys {
  /** 被保険者番号 (column 3) of every record */
  people: Set<string>;
  /** 保険者番号, 被保険者番号 and the date key (columns 2–4) by record row: 介護予防 kinds only */
  keys: Map<number, [string, string, string]>;
}

export interface CheckedCsv {
  report: CsvReport;
  name: ParsedFileName | null;
  /** null when the bytes are not CP932 text */
  keys: RecordKeys | null;
}

/** The 介護予防 kinds whose 別表 repeat their parent's keys (layout notes of SUB1, SUB2, UPYOBO_SUB). */
const KEYED: ReadonlySet<FileKind> = new Set(['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPYOBO', 'UPYOBO_SUB']);

export function validateCsv(fileName: string, bytes: Uint8Array): CsvReport {
  return checkCsv(fileName, bytes).report;
}

export function checkCsv(fileName: string, bytes: Uint8Array): CheckedCsv {
  const parsedName = parseFileName(fileName);
  const name = parsedName.ok ? parsedName.value : null;
  const kind: FileKind | null = name?.kind ?? null;
  const problems = new ProblemList(fileName);
  const done = (version: string | null, keys: RecordKeys | null): CheckedCsv =>
    ({ report: { kind, version, problems: problems.finish() }, name, keys });

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
  const stream = new RecordStream(kind, name, problems);
  // records are checked as they are read and not kept (see parseCsvText)
  const parsed = parseCsvText(text, stream.add, false);
  for (const q of parsed.quoteErrors) {
    const item = stream.layout?.layout.columns[q.column - 1]?.name;
    problems.error(q.message, { row: q.row, column: q.column, ...(item ? { item } : {}) });
  }
  stream.finish();
  if (!decoded.ok || FORBIDDEN_CHAR.test(text)) reportForbidden(text, stream.layout?.layout ?? null, problems);
  return done(stream.version, stream.keys);
}

/** An empty line, or one of spaces only (an editor's leftover): no record at all. */
export function isBlankRecord(record: string[]): boolean {
  return record.length === 1 && record[0]!.trim() === '';
}

/**
 * The records as the reader hands them over: the first one sets the version and the layout,
 * each is checked while it is fresh, and blank lines wait to see whether a record follows
 * (a blank line between records is an error; blank lines at the end, common from hand edits
 * and harmless to a record reader, only warn).
 */
class RecordStream {
  version: string | null = null;
  layout: CompiledLayout | null = null;
  private checks: RecordChecks | null = null;
  private mixed: ((record: string[], row: number) => void) | null = null;
  private blanks: number[] = [];
  readonly keys: RecordKeys = { people: new Set(), keys: new Map() };
  private readonly keyed: boolean;

  constructor(
    private readonly kind: FileKind | null,
    private readonly name: ParsedFileName | null,
    private readonly problems: ProblemList,
  ) {
    this.keyed = kind !== null && KEYED.has(kind);
  }

  readonly add = (record: string[], row: number): void => {
    if (record.length === 1 && record[0]!.trim() === '') {
      this.blanks.push(row);
      return;
    }
    for (const blank of this.blanks) this.problems.error('空の行があります', { row: blank });
    this.blanks.length = 0;
    const person = record[2];
    if (person) this.keys.people.add(person);
    if (this.keyed && record.length >= 4) this.keys.keys.set(row, [record[1]!, record[2]!, record[3]!]);
    if (this.mixed === null) this.start(record);
    if (this.checks) this.checks.record(record, row);
    else this.mixed!(record, row);
  };

  private start(first: string[]): void {
    const { version, layout } = checkVersions(first, this.kind, this.name, this.problems);
    this.version = version;
    this.layout = layout;
    this.mixed = versionMixer(version, this.problems);
    if (layout) this.checks = recordChecks(layout, this.name, this.problems, this.mixed);
  }

  finish(): void {
    if (this.mixed === null) {
      this.problems.error('ファイルが空です(レコードがありません)');
      return;
    }
    this.checks?.finish();
    const count = this.blanks.length;
    if (count > 0) this.problems.warning(`末尾に空の行が${count}行あります(送信はできます)`, { row: this.blanks[0]! });
  }
}
