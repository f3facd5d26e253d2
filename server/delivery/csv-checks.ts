// The standard spec's content checks on the CSVs of a send: the same code the client runs before
// sending (src/domain/csv), so a client that skipped or predates them cannot slip a file through.
import { extensionOf } from '../../src/domain/attachments';
import { isListed, problemCount, validateSendCsvs } from '../../src/domain/csv';
import type { Refusal } from './outcome';

/** Enough to fix the file from; a broken file can have a problem per cell. */
export const MAX_CSV_DETAILS = 100;

/** A 422 naming every error-severity problem (warnings never refuse), or null when there is none. */
export function csvContentRefusal(files: readonly { name: string; bytes: Uint8Array }[]): Refusal | null {
  const csvs = files.filter((f) => extensionOf(f.name) === 'csv');
  if (csvs.length === 0) return null;
  const report = validateSendCsvs(csvs.map((f) => ({ name: f.name, bytes: f.bytes })));
  if (report.ok) return null;
  const problems = [...report.reports.flatMap((r) => r.report.problems), ...report.crossProblems].filter((p) => p.severity === 'error');
  // a file past its own limit ends with a 「ほかに…件」 line: counted for what it stands for, not listed
  const errors = problems.filter(isListed).map((p) => p.message);
  const total = problemCount(problems, 'error');
  const shown = errors.slice(0, MAX_CSV_DETAILS);
  const details = shown.length < total ? [...shown, `ほかに${total - shown.length}件の誤りがあります`] : shown;
  return { status: 422, code: 'invalid-csv', message: errors[0]!, details };
}
