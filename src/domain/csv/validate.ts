// Checks one CSV file against the standard spec before it is sent (errors block the send,
// warnings do not). File-name errors themselves are reported by checkSend (attachments.ts);
// here the name only tells the kind and month, and a name that cannot be read leaves the
// content checks that need no layout.
import { csvNotText } from '../attachments';
import { parseFileName, type FileKind, type ParsedFileName } from '../filename';
import type { CompiledLayout } from './compile';
import { encodingRefusal, readCp932, strictReading } from './decode';
import { layoutFor } from './layouts';
import { parseCsvText } from './parse';
import { ProblemList } from './problems';
import { recordChecks, reportFaults, type RecordChecks } from './records';
import type { CsvReport } from './types';
import { checkVersions, versionMixer } from './version-check';

/** What the checks across the files of a send need of a file (send.ts), kept while reading. */
export interface RecordKeys {
  /** 被保険者番号 (column 3) of every record */
  people: Set<string>;
  /** 保険者番号, 被保険者番号 and the date key by record row: the kinds of DATE_KEYS only */
  keys: Map<number, [string, string, string]>;
  /** the date key's column, when the kind links to its parent by one */
  dateKey: { index: number; no: number; item: string } | null;
}

export interface CheckedCsv {
  report: CsvReport;
  name: ParsedFileName | null;
  /** null when the bytes are not CP932 text */
  keys: RecordKeys | null;
}

const PLAN_DATE = '居宅サービス計画作成（変更）日';

/**
 * The kinds linked to a parent file by 保険者番号 + 被保険者番号 + a date (body 2.3, 3.3), and the
 * 項目名 of that date: the 介護予防 別表 to their parent, and 第2表, 第3表 and the 補足 of unit 1 to
 * the 第1表. The date sits at the same place in every version of these layouts.
 */
const DATE_KEYS: Partial<Record<FileKind, string>> = {
  UPKIHON: '相談日', UPKIHON_SUB1: '相談日', UPKIHON_SUB2: '相談日', UPYOBO: '計画作成(変更)日', UPYOBO_SUB: '計画作成(変更)日',
  UP1KYO: PLAN_DATE, UP2KYO: PLAN_DATE, UP3KYO: PLAN_DATE, UPHOSOKU: PLAN_DATE,
};

function dateKeyOf(name: ParsedFileName | null): RecordKeys['dateKey'] {
  const item = name ? DATE_KEYS[name.kind] : undefined;
  // a 補足 with a month goes with 第6・7表, and links by 対象年月 (its date is 00000000)
  if (!name || !item || (name.kind === 'UPHOSOKU' && name.targetMonth !== '000000')) return null;
  const column = layoutFor(name.kind, 'v4')!.columns.find((c) => c.name === item)!;
  return { index: column.index, no: column.no, item };
}

export function validateCsv(fileName: string, bytes: Uint8Array): CsvReport {
  return checkCsv(fileName, bytes).report;
}

export function checkCsv(fileName: string, bytes: Uint8Array): CheckedCsv {
  const parsedName = parseFileName(fileName);
  const name = parsedName.ok ? parsedName.value : null;
  const kind: FileKind | null = name?.kind ?? null;
  const problems = new ProblemList(fileName);

  if (bytes.length === 0) {
    problems.error('ファイルが空です');
    return checked(name, problems, null, null);
  }
  // a picture or a program named .csv: its bytes read as garbage on every row, so stop at the one reason
  const cp932 = strictReading(bytes);
  const refusal = encodingRefusal(bytes, cp932) ?? csvNotText(bytes);
  if (refusal) {
    problems.error(refusal);
    return checked(name, problems, null, null);
  }
  // a fault of the bytes is reported where it is, and the rest of the file is still checked
  const { text, faults, trailingEof } = readCp932(bytes, cp932);
  if (trailingEof) problems.warning('ファイル末尾のEOF記号(0x1A、Ctrl+Z)は無視しました(古い介護ソフトが付ける記号です。送信はできます)');
  const stream = new RecordStream(kind, name, problems);
  // records are checked as they are read and not kept, in one array filled again for each (see
  // parseCsvText): what the checks keep of a record are its strings, never the array
  const parsed = parseCsvText(text, (record, row) => stream.add(record, row), false);
  for (const q of parsed.quoteErrors) {
    const item = stream.layout?.layout.columns[q.column - 1]?.name;
    problems.error(q.message, { row: q.row, column: q.column, ...(item ? { item } : {}) });
  }
  stream.finish();
  if (faults.length > 0) reportFaults(text, faults, stream.layout?.layout ?? null, problems);
  return checked(name, problems, stream.version, stream.keys);
}

function checked(name: ParsedFileName | null, problems: ProblemList, version: string | null, keys: RecordKeys | null): CheckedCsv {
  return { report: { kind: name?.kind ?? null, version, problems: problems.finish() }, name, keys };
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
  private lastPerson: string | undefined = undefined;
  readonly keys: RecordKeys;
  private readonly keyIndex: number;

  constructor(
    private readonly kind: FileKind | null,
    private readonly name: ParsedFileName | null,
    private readonly problems: ProblemList,
  ) {
    const dateKey = dateKeyOf(name);
    this.keys = { people: new Set(), keys: new Map(), dateKey };
    this.keyIndex = dateKey ? dateKey.index : -1;
  }

  add(record: string[], row: number): void {
    if (record.length === 1 && record[0]!.trim() === '') {
      this.blanks.push(row);
      return;
    }
    if (this.blanks.length > 0) {
      for (const blank of this.blanks) this.problems.error('空の行があります', { row: blank });
      this.blanks.length = 0;
    }
    // neighbouring records are mostly of one person: a Set add only when the person changes
    const person = record[2];
    if (person && person !== this.lastPerson) {
      this.keys.people.add(person);
      this.lastPerson = person;
    }
    if (this.keyIndex >= 0 && record.length > this.keyIndex) this.keys.keys.set(row, [record[1]!, record[2]!, record[this.keyIndex]!]);
    if (this.mixed === null) this.start(record);
    if (this.checks) this.checks.record(record, row);
    else this.mixed!(record, row);
  }

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
