// A drop on 一括送信, from files to listed rows: the office names are asked (from the file names)
// while each row's CSVs are checked as one send in the worker pool; then
// the rows are grouped and written once, with their names when the directory answered in time.
// Each step is a performance measure batch:<step>, so `npm run bench` says where the time goes.
import { addFilesToStoredBatch, applyOfficeNames, listBatchRows, toBatchInputs, type StoredBatchRow } from '../../db/batch';
import { newDestinationsOf, type AddFilesResult, type BatchSender, type DirectoryAnswer } from '../../domain/batch';
import type { KeptFile } from '../../db/types';
import { lookUpDirectory } from './batch-actions';
import { contentChecksOf, withChecks } from './content-checks';

/**
 * Adds the files to the stored list and gives `show` the rows once grouped. When the directory
 * has not answered by then, the rows are shown without their names (a slow directory never holds
 * them back) and the answer is returned as a follow-up to queue: it puts the names on the rows
 * and shows them again. The screen takes the next drop meanwhile.
 */
export async function addDrop(
  files: readonly File[],
  sender: () => BatchSender,
  show: (rows: StoredBatchRow[], added?: AddFilesResult<KeptFile>) => void,
): Promise<(() => Promise<void>) | null> {
  const listed = await timed('list', () => listBatchRows());
  let directory: Map<string, DirectoryAnswer> | null | undefined;
  const names = timed('names', () => lookUpDirectory(newDestinationsOf(files.map((f) => f.name), listed))).then(
    (answer) => (directory = answer),
    () => (directory = null), // the names stay 未確認; the screen asks again when it opens
  );
  // the workers read each CSV once: its checks and its first bytes (only other files are read here)
  const checks = await timed('check', () => contentChecksOf(files, listed));
  const inputs = withChecks(await toBatchInputs(files, checks.heads), checks.byFile);
  const answered = directory;
  const added = await timed('group', () => addFilesToStoredBatch(inputs, { sender: sender(), rechecked: checks.rechecked, directory: answered }));
  show(added.rows, added);
  if (answered !== undefined) return null;
  return async () => {
    const late = await names;
    if (late) show(await applyOfficeNames(late, sender()));
  };
}

/** Runs one step of a drop under a performance measure named batch:<step>. */
async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`batch:${step}`, { start, end: performance.now() });
  }
}
