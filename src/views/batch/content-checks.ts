// The CSV spec checks of dropped files, each file alone (rows are regrouped as files arrive,
// so a row's files are only known after grouping). Run before the files join the list, so a
// row is never listed as sendable before its content was looked at.
import { extensionOf } from '../../domain/attachments';
import { contentCheckOf } from '../../domain/batch';
import type { BatchInputFile } from '../../db/batch';
import { checkCsvBlobs } from '../../workers/csv-check';

export async function withContentChecks(inputs: BatchInputFile[]): Promise<BatchInputFile[]> {
  const csv = inputs.filter((input) => extensionOf(input.name) === 'csv');
  const result = await checkCsvBlobs(csv.map((input) => ({ name: input.name, blob: input.payload.blob })), { asOneSend: false });
  // the answer lists the files in the order asked
  const checks = new Map(csv.map((input, i) => [input, contentCheckOf(result.files[i]?.problems ?? [])]));
  return inputs.map((input) => {
    const contentCheck = checks.get(input);
    return contentCheck ? { ...input, contentCheck } : input;
  });
}
