// What the 一括送信 screen does to the stored list: refresh from the outbox, look up office
// names, send through the outbox, delete. Each returns the rows to show next.
import { ApiFailure, lookupOffices } from '../../api/client';
import { requestFlush } from '../../outbox/triggers';
import { applyDirectory, destinationsToLookUp, isSendable, senderNumberOf, validateRow, type BatchSender, type DirectoryAnswer } from '../../domain/batch';
import { deleteBatchRows, keptFilesOf, listBatchRows, putBatchRows, type StoredBatchRow } from '../../db/batch';
import { enqueueSend, listOutbox, listSentRecords, removeOutboxItem } from '../../outbox/store';
import { failedItemsOf, reconcileRow, type OutboxSnapshot } from './batch-status';

export interface Refreshed {
  /** rows still in the list */
  rows: StoredBatchRow[];
  /** rows that succeeded in this refresh and left the list (the progress view still shows them) */
  succeeded: StoredBatchRow[];
}

export async function readOutbox(): Promise<OutboxSnapshot> {
  const [items, sent] = await Promise.all([listOutbox(), listSentRecords()]);
  return { items, sent };
}

/**
 * Reads the list, re-checks every row against the office now logged in, takes each row's
 * status from the outbox, and removes the rows that were sent successfully.
 */
export async function refreshRows(sender: BatchSender): Promise<Refreshed> {
  const [stored, outbox] = await Promise.all([listBatchRows(), readOutbox()]);
  const next = stored.map((row) => reconcileRow(validateRow(row, sender), outbox));
  const changed = next.filter((row, i) => row !== stored[i] && !sameRow(row, stored[i]));
  const succeeded = next.filter((row) => row.status === '成功');
  await putBatchRows(changed.filter((row) => row.status !== '成功'));
  if (succeeded.length > 0) await deleteBatchRows(succeeded.map((row) => row.id));
  return { rows: next.filter((row) => row.status !== '成功'), succeeded };
}

/**
 * Puts the directory's names on rows not looked up yet. Offline or on a server error the
 * names stay unknown (shown as 未確認) and the server still refuses an unknown office at send.
 */
export async function lookUpNames(rows: StoredBatchRow[], sender: BatchSender): Promise<StoredBatchRow[]> {
  const numbers = destinationsToLookUp(rows);
  if (numbers.length === 0) return rows;
  let offices;
  try {
    offices = await lookupOffices(numbers);
  } catch (error) {
    if (error instanceof ApiFailure) return rows;
    throw error;
  }
  const directory = new Map<string, DirectoryAnswer>(numbers.map((n) => [n, null]));
  for (const office of offices) directory.set(office.number, { name: office.name, kind: office.kind });
  const next = applyDirectory(rows, directory, sender);
  await putBatchRows(next.filter((row, i) => row !== rows[i]));
  return next;
}

/**
 * Sends the rows through the outbox: each becomes one outbox item (its own idempotency key),
 * then one flush is asked for. A failed item left from an earlier try is removed first, so a
 * row is never delivered twice.
 */
export async function sendRows(rows: readonly StoredBatchRow[], office: BatchSender): Promise<StoredBatchRow[]> {
  const sender = senderNumberOf(office);
  const outbox = await readOutbox();
  const queued: StoredBatchRow[] = [];
  for (const row of rows) {
    if (!isSendable(row) || row.destination === null) continue;
    for (const id of failedItemsOf(row.id, outbox)) await removeOutboxItem(id);
    const item = await enqueueSend({
      ...(sender ? { sender } : {}),
      destination: row.destination,
      message: row.message,
      files: keptFilesOf(row),
      batchRowId: row.id,
    });
    const next: StoredBatchRow = { ...row, status: '送信待ち', reason: null, outboxId: item.id };
    await putBatchRows([next]);
    queued.push(next);
  }
  if (queued.length > 0) requestFlush();
  return queued;
}

export async function deleteRows(ids: readonly string[]): Promise<void> {
  await deleteBatchRows(ids);
}

function sameRow(a: StoredBatchRow, b: StoredBatchRow | undefined): boolean {
  if (!b) return false;
  return (
    a.status === b.status &&
    a.reason === b.reason &&
    a.outboxId === b.outboxId &&
    a.sequenceDisplay === b.sequenceDisplay &&
    a.problems.join('\n') === b.problems.join('\n') &&
    a.warnings.join('\n') === b.warnings.join('\n') &&
    a.categories.join() === b.categories.join()
  );
}
