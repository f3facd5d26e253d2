// Reads each file's bytes and runs the spec checks; shared by the worker and the main-thread
// fallback, so both give the same answer.
import { validateCsv, validateSendCsvs } from '../domain/csv';
import type { CsvProblem } from '../domain/csv/types';
import type { CheckRequest, FileProblems } from './csv-check-protocol';

export async function checkFiles(
  request: Pick<CheckRequest, 'files' | 'asOneSend'>,
  onProgress: (done: number, total: number) => void,
): Promise<{ files: FileProblems[]; crossProblems: CsvProblem[] }> {
  const total = request.files.length;
  const read: { name: string; bytes: Uint8Array }[] = [];
  const files: FileProblems[] = [];
  for (const [i, file] of request.files.entries()) {
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    if (request.asOneSend) read.push({ name: file.name, bytes });
    else files.push({ name: file.name, problems: validateCsv(file.name, bytes).problems });
    onProgress(i + 1, total);
  }
  if (!request.asOneSend) return { files, crossProblems: [] };
  const report = validateSendCsvs(read);
  return { files: report.reports.map((r) => ({ name: r.name, problems: r.report.problems })), crossProblems: report.crossProblems };
}
