// Collects the problems of one file as full Japanese sentences. A broken 10 MB file could
// yield a problem per cell; past a limit only the count is kept.
import type { CsvProblem, CsvSeverity } from './types';

export const MAX_PROBLEMS_PER_FILE = 200;

export class ProblemList {
  readonly list: CsvProblem[] = [];
  private omitted = { error: 0, warning: 0 };

  constructor(private readonly file: string) {}

  add(severity: CsvSeverity, text: string, row?: number, column?: string): void {
    if (this.list.length >= MAX_PROBLEMS_PER_FILE) {
      this.omitted[severity]++;
      return;
    }
    const where = [this.file, row !== undefined ? `${row}行目` : ''].filter(Boolean).join(' ');
    const message = column !== undefined ? `${where} ${column}: ${text}` : `${where}: ${text}`;
    const problem: CsvProblem = { severity, file: this.file, message };
    if (row !== undefined) problem.row = row;
    if (column !== undefined) problem.column = column;
    this.list.push(problem);
  }

  error(text: string, row?: number, column?: string): void {
    this.add('error', text, row, column);
  }

  warning(text: string, row?: number, column?: string): void {
    this.add('warning', text, row, column);
  }

  finish(): CsvProblem[] {
    const { error, warning } = this.omitted;
    if (error + warning > 0) {
      this.list.push({
        severity: error > 0 ? 'error' : 'warning',
        file: this.file,
        message: `${this.file}: ほかに${error + warning}件の問題があります(先頭${MAX_PROBLEMS_PER_FILE}件を表示)`,
      });
    }
    return this.list;
  }
}
