// 一括送信 rows and the CSV spec checks of their files: what a row keeps of a file's check
// (first lines and counts) and the lines it shows. The checks themselves are validateCsv's.
import { isListed, problemCount, type CsvProblem, type CsvSeverity } from './csv/types';

/** A CSV's check results, cut to what a table row can show: the first few lines and the counts. */
export interface ContentCheck {
  errorCount: number;
  errors: string[];
  warningCount: number;
  warnings: string[];
}

/** Lines of a file's problems a row shows before saying "ほかにN件". */
export const CONTENT_LINES_SHOWN = 3;

export function contentCheckOf(problems: readonly Pick<CsvProblem, 'severity' | 'message' | 'omitted'>[]): ContentCheck {
  // a file cut short ends with its own 「ほかに…件」 line: the row says the count of the rest itself
  const lines = (severity: CsvSeverity) => problems.filter((p) => p.severity === severity && isListed(p)).map((p) => p.message);
  return {
    errorCount: problemCount(problems, 'error'),
    errors: lines('error').slice(0, CONTENT_LINES_SHOWN),
    warningCount: problemCount(problems, 'warning'),
    warnings: lines('warning').slice(0, CONTENT_LINES_SHOWN),
  };
}

/**
 * A file's content problems as row lines: the first few, and how many more. Only a file with more
 * than the row shows gets a heading with the count: over one or two lines listed in full it would
 * only say their number again (each line names its file).
 */
export function contentLines(file: { name: string; contentCheck?: ContentCheck }, which: 'errors' | 'warnings'): string[] {
  const c = file.contentCheck;
  const count = which === 'errors' ? c?.errorCount ?? 0 : c?.warningCount ?? 0;
  if (!c || count === 0) return [];
  const shown = c[which];
  if (count <= shown.length) return [...shown];
  const what = which === 'errors' ? 'CSVの内容に誤りが' : '確認が必要な点が';
  const lines = [`${file.name}: ${what}${count}件あります`, ...shown];
  lines.push(`${file.name}: ほかに${count - shown.length}件あります(「編集」で全件とプレビューを確認できます)`);
  return lines;
}

/**
 * What a warning is about, when two checks can say the same thing in other words: the check digit
 * of one office number is checked on the file name and again in every file's records.
 */
function subjectOf(line: string): string | null {
  const digit = /事業所番号 (\d{10}) のチェックデジット/.exec(line);
  return digit ? `check-digit:${digit[1]}` : null;
}

/**
 * A row's warnings: those of the names (checkSend), then each file's content warnings, without
 * the ones that repeat a warning already given — a bad check digit of the destination is one
 * warning, not one for the name and one more for each of the unit's files.
 */
export function rowWarningLines(nameWarnings: readonly string[], files: readonly { name: string; contentCheck?: ContentCheck }[]): string[] {
  const said = new Set(nameWarnings.map(subjectOf).filter((s): s is string => s !== null));
  const lines = [...nameWarnings];
  for (const file of files) {
    const c = file.contentCheck;
    if (!c || c.warningCount === 0) continue;
    const fresh = c.warnings.filter((w) => {
      const subject = subjectOf(w);
      if (subject === null) return true;
      if (said.has(subject)) return false;
      said.add(subject);
      return true;
    });
    const dropped = c.warnings.length - fresh.length;
    const count = c.warningCount - dropped;
    if (count === 0) continue;
    lines.push(...contentLines({ name: file.name, contentCheck: { ...c, warnings: fresh, warningCount: count } }, 'warnings'));
  }
  return [...new Set(lines)];
}
