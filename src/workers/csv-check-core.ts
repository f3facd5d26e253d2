// Reads each file's bytes and runs the spec checks; shared by the worker and the main-thread
// fallback, so both give the same answer.
import { MAGIC_HEAD_BYTES } from '../domain/attachments';
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
  const heads: Uint8Array[] = [];
  for (const [i, file] of request.files.entries()) {
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    heads.push(bytes.slice(0, MAGIC_HEAD_BYTES));
    if (request.asOneSend) read.push({ name: file.name, bytes });
    else files.push({ name: file.name, problems: validateCsv(file.name, bytes).problems, head: heads[i]! });
    onProgress(i + 1, total);
  }
  if (!request.asOneSend) return { files, crossProblems: [] };
  const report = validateSendCsvs(read);
  // the reports come in the order given
  return { files: report.reports.map((r, i) => ({ name: r.name, problems: r.report.problems, head: heads[i]! })), crossProblems: report.crossProblems };
}
