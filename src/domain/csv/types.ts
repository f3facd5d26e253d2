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
