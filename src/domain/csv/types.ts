// Shapes shared by the CSV checks, previews and diffs (docs/csv-spec.md).
import type { FileKind } from '../filename';

export type CsvSeverity = 'error' | 'warning';

export interface CsvProblem {
  /** 'error' blocks sending; 'warning' is shown but the user may send. */
  severity: CsvSeverity;
  file: string;
  /** 1-based record number (a quoted newline does not start a new 行, as in Excel) */
  row?: number;
  /** 1-based column number (the spec's No.) */
  column?: number;
  /** the spec's 項目名 of that column */
  item?: string;
  /** The whole sentence in Japanese, file, row and column included, ready to show as is. */
  message: string;
  /**
   * Set on the closing line of a file cut short (「ほかに誤りが50件あります」): how many problems
   * of its severity the line stands for, none of them listed. Count with problemCount, never with
   * the list's length: the line itself is not a problem.
   */
  omitted?: number;
}

export interface CsvReport {
  /** null when the file name is not a routed name (then only the content is checked) */
  kind: FileKind | null;
  /** the CSVバージョン of the first record, null when there is none */
  version: string | null;
  problems: CsvProblem[];
}

export const hasErrors = (report: { problems: CsvProblem[] }): boolean =>
  report.problems.some((p) => p.severity === 'error');

/** How many problems of one severity a list holds, those past a file's limit included. */
export function problemCount(problems: readonly Pick<CsvProblem, 'severity' | 'omitted'>[], severity: CsvSeverity): number {
  let count = 0;
  for (const p of problems) if (p.severity === severity) count += p.omitted ?? 1;
  return count;
}

/** The problems that are listed one by one (not a file's 「ほかに…件」 line). */
export const isListed = (p: Pick<CsvProblem, 'omitted'>): boolean => p.omitted === undefined;
