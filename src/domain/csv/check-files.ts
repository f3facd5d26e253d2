// The check of a set of files as the check command reports it (README "Checking files"): the
// same domain code the app and the relay run, gathered per file. The files of a folder may
// belong to many sends: they are grouped into send units as 一括送信 groups them, not taken as
// one send to one destination. Without a login and a directory, two things stay with the app
// and the relay: the sender being the office logged in, and the direction rule on old-form
// names (it needs the directory's kind of each office; v4 names carry their kinds).
import { checkAttachment, isRoutedName, MAGIC_HEAD_BYTES } from '../attachments';
import { checkDirections } from '../direction';
import { parseFileName, type FileKind, type ParsedFileName } from '../filename';
import { hasValidCheckDigit } from '../office-number';
import { sendUnitProblems } from '../send-unit';
import { validateSendCsvs } from './send';
import type { CsvProblem } from './types';

export interface CheckEntry {
  /** 1-based record row, null for a problem of the whole file */
  row: number | null;
  /** 1-based column number (the spec's No.), null when no one column is at fault */
  column: number | null;
  /** the spec's 項目名 of that column */
  item: string | null;
  /** the whole sentence in Japanese, as the app shows it */
  message: string;
  /** only on a file's closing 「ほかに…件」 line: how many problems it stands for, none listed */
  omitted?: number;
}

export interface FileCheckReport {
  name: string;
  kind: FileKind | null;
  version: string | null;
  errors: CheckEntry[];
  warnings: CheckEntry[];
}

const entry = (message: string, p: Partial<CsvProblem> = {}): CheckEntry =>
  ({ row: p.row ?? null, column: p.column ?? null, item: p.item ?? null, message, ...(p.omitted !== undefined ? { omitted: p.omitted } : {}) });

/** How many problems the entries are, those past a file's limit included. */
export const entryCount = (entries: readonly CheckEntry[]): number => entries.reduce((n, e) => n + (e.omitted ?? 1), 0);

export function checkFiles(files: readonly { name: string; bytes: Uint8Array }[]): FileCheckReport[] {
  const all: FileCheckReport[] = [];
  const reports = new Map<string, FileCheckReport[]>();
  const parsed: ParsedFileName[] = [];
  for (const file of files) {
    const report: FileCheckReport = { name: file.name, kind: null, version: null, errors: [], warnings: [] };
    all.push(report);
    const same = reports.get(file.name);
    if (same) {
      // two folders may hold one name: a send could not carry both (checkSend says the same)
      for (const r of [...same, report]) r.errors.push(entry(`${file.name}: 同じ名前のファイルが複数あります`));
      same.push(report);
      continue;
    }
    reports.set(file.name, [report]);
    const problem = checkAttachment({ name: file.name, size: file.bytes.length, head: file.bytes.subarray(0, MAGIC_HEAD_BYTES) });
    if (problem) report.errors.push(entry(problem));
    if (!isRoutedName(file.name)) continue;
    const name = parseFileName(file.name);
    if (!name.ok) {
      report.errors.push(entry(name.error));
      continue;
    }
    report.kind = name.value.kind;
    parsed.push(name.value);
    for (const office of new Set([name.value.sender, name.value.destination])) {
      if (!hasValidCheckDigit(office)) {
        report.warnings.push(entry(`${file.name}: 事業所番号 ${office} のチェックデジットが一致しません。番号に誤りがないか確認してください`));
      }
    }
  }
  const add = (file: string, severity: 'error' | 'warning', e: CheckEntry) => {
    for (const report of reports.get(file) ?? []) {
      const list = severity === 'error' ? report.errors : report.warnings;
      // the content check stops on a file that is not text with the attachment check's own words: said once
      if (!list.some((said) => said.message === e.message)) list.push(e);
    }
  };
  for (const p of sendUnitProblems(parsed)) for (const file of p.files) add(file, p.severity, entry(p.message));
  for (const p of checkDirections(parsed)) add(p.file, p.severity, entry(p.message));

  // the content of each name once (a repeated name is an error above)
  const csvs = [...reports.keys()].filter((name) => /\.csv$/i.test(name));
  const bytesOf = new Map<string, Uint8Array>();
  for (const f of files) if (!bytesOf.has(f.name)) bytesOf.set(f.name, f.bytes);
  const content = validateSendCsvs(csvs.map((name) => ({ name, bytes: bytesOf.get(name)! })));
  for (const { name, report } of content.reports) {
    const target = reports.get(name)![0]!;
    target.kind = report.kind;
    target.version = report.version;
    for (const p of report.problems) add(name, p.severity, entry(p.message, p));
  }
  for (const p of content.crossProblems) add(p.file, p.severity, entry(p.message, p));
  return all;
}
