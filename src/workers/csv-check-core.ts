// Reads each file's bytes and runs the spec checks; shared by the worker and the main-thread
// fallback, so both give the same answer.
import { MAGIC_HEAD_BYTES } from '../domain/attachments';
import { validateCsv, validateSendCsvs } from '../domain/csv';
import type { CheckResult, FilesRequest, FileProblems, SendsRequest } from './csv-check-protocol';

interface ReadFile {
  name: string;
  bytes: Uint8Array;
}

/** The checks of files already read: as one send (the checks across files too), or each alone. */
function checkRead(read: ReadFile[], asOneSend: boolean): CheckResult {
  const head = (bytes: Uint8Array) => bytes.slice(0, MAGIC_HEAD_BYTES);
  if (!asOneSend) {
    const files: FileProblems[] = read.map((f) => ({ name: f.name, problems: validateCsv(f.name, f.bytes).problems, head: head(f.bytes) }));
    return { files, crossProblems: [] };
  }
  const report = validateSendCsvs(read);
  // the reports come in the order given
  return { files: report.reports.map((r, i) => ({ name: r.name, problems: r.report.problems, head: head(read[i]!.bytes) })), crossProblems: report.crossProblems };
}

export async function checkFiles(
  request: Pick<FilesRequest, 'files' | 'asOneSend'>,
  onProgress: (done: number, total: number) => void,
): Promise<CheckResult> {
  const total = request.files.length;
  const read: ReadFile[] = [];
  for (const [i, file] of request.files.entries()) {
    read.push({ name: file.name, bytes: new Uint8Array(await file.blob.arrayBuffer()) });
    onProgress(i + 1, total);
  }
  return checkRead(read, request.asOneSend);
}

/** Each send's checks, as one send each, from one read of all their bytes. */
export async function checkSends(request: Pick<SendsRequest, 'blob' | 'sends'>): Promise<CheckResult[]> {
  const all = new Uint8Array(await request.blob.arrayBuffer());
  let at = 0;
  return request.sends.map((send) =>
    checkRead(
      send.map((file) => {
        const bytes = all.subarray(at, at + file.size);
        at += file.size;
        return { name: file.name, bytes };
      }),
      true,
    ),
  );
}
