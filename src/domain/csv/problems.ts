// Collects the problems of one file as full Japanese sentences. A broken 10 MB file could
// yield a problem per cell: past a limit per severity only the count is kept, so a flood of
// warnings never hides an error.
import type { CsvProblem, CsvSeverity } from './types';

export const MAX_PROBLEMS_PER_FILE = 200;

/** Where a problem is: record row, and column No. with its 項目名 when one column is at fault. */
export interface At {
  row?: number;
  column?: number;
  item?: string;
}

/** 「3行目 15列目(サービスコード)」: the place as the messages write it. */
export function placeText(at: At): string {
  const row = at.row !== undefined ? `${at.row}行目` : '';
  const column = at.column !== undefined ? `${at.column}列目${at.item ? `(${at.item})` : ''}` : '';
  return [row, column].filter(Boolean).join(' ');
}

export class ProblemList {
  readonly list: CsvProblem[] = [];
  private readonly kept = { error: 0, warning: 0 };
  private readonly omitted = { error: 0, warning: 0 };
  /** keys of the problems said once per file */
  private readonly said = new Set<string>();
  /** problems that cause others on their row (an unreadable character): listed first there */
  private readonly causes = new Set<CsvProblem>();

  constructor(private readonly file: string) {}

  add(severity: CsvSeverity, text: string, at: At = {}): void {
    if (this.kept[severity] >= MAX_PROBLEMS_PER_FILE) {
      this.omitted[severity]++;
      return;
    }
    this.kept[severity]++;
    const place = placeText(at);
    const problem: CsvProblem = { severity, file: this.file, message: `${this.file}${place ? ` ${place}` : ''}: ${text}` };
    if (at.row !== undefined) problem.row = at.row;
    if (at.column !== undefined) problem.column = at.column;
    if (at.item !== undefined) problem.item = at.item;
    this.list.push(problem);
  }

  error(text: string, at?: At): void {
    this.add('error', text, at);
  }

  /** An error that explains the others of its row (a character the file cannot hold). */
  cause(text: string, at: At): void {
    const before = this.list.length;
    this.add('error', text, at);
    if (this.list.length > before) this.causes.add(this.list[before]!);
  }

  warning(text: string, at?: At): void {
    this.add('warning', text, at);
  }

  /** A problem that would repeat on every record: said at its first place only. */
  once(key: string, severity: CsvSeverity, text: string, at?: At): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.add(severity, text, at);
  }

  get errorCount(): number {
    return this.kept.error + this.omitted.error;
  }

  /** The problems in file order: the whole file first, then by record row (stable). */
  finish(): CsvProblem[] {
    const causes = this.causes;
    this.list.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (causes.has(a) ? 0 : 1) - (causes.has(b) ? 0 : 1));
    for (const severity of ['error', 'warning'] as const) {
      const count = this.omitted[severity];
      if (count === 0) continue;
      const what = severity === 'error' ? '誤り' : '確認が必要な点';
      this.list.push({
        severity,
        file: this.file,
        message: `${this.file}: ほかに${what}が${count}件あります(先頭${MAX_PROBLEMS_PER_FILE}件を表示)`,
        omitted: count,
      });
    }
    return this.list;
  }
}
