// The CSV spec checks of dropped files, each file alone (rows are regrouped as files arrive,
// so a row's files are only known after grouping). Run before the files join the list, so a
// row is never listed as sendable before its content was looked at.
import { extensionOf } from '../../domain/attachments';
import { contentCheckOf, type ContentCheck } from '../../domain/batch';
import type { BatchInputFile } from '../../db/batch';
import { checkCsvBlobs } from '../../workers/csv-check';

/** The checks of the dropped CSVs, by file (PDF等 and other files have none). */
export async function contentChecksOf(files: readonly File[]): Promise<Map<File, ContentCheck>> {
  const csv = files.filter((file) => extensionOf(file.name) === 'csv');
  const result = await checkCsvBlobs(csv.map((file) => ({ name: file.name, blob: file })), { asOneSend: false });
  // the answer lists the files in the order asked
  return new Map(csv.map((file, i) => [file, contentCheckOf(result.files[i]?.problems ?? [])]));
}

/** The inputs with their file's check, where it has one. */
export function withChecks(inputs: readonly BatchInputFile[], checks: ReadonlyMap<Blob, ContentCheck>): BatchInputFile[] {
  return inputs.map((input) => {
    const contentCheck = checks.get(input.payload.blob);
    return contentCheck ? { ...input, contentCheck } : input;
  });
}
