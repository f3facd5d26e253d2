// What the 一括送信 screen does to the stored list (src/db/batch.ts): refresh it, look office
// names up, send through the outbox, delete. Each returns what to show next.
import { ApiFailure, lookupOffices } from '../../api/client';
import { applyOfficeNames, deleteBatchRows, keptFilesOf, queueBatchRows, refreshBatch, type BatchSnapshot, type StoredBatchRow } from '../../db/batch';
import { destinationsToLookUp, type BatchSender, type DirectoryAnswer } from '../../domain/batch';
import { requestFlush } from '../../outbox/triggers';
import { keepQueuedSend } from '../reconcile/keep';

export type Refreshed = BatchSnapshot;

/** Re-checks every row against the office now logged in and drops the rows sent successfully. */
export function refreshRows(sender: BatchSender): Promise<BatchSnapshot> {
  return refreshBatch(sender);
}

/**
 * Puts the directory's names (and kinds) on rows not looked up yet. Offline or on a server error
 * the names stay unknown (shown as 未確認) and the server still refuses an unknown office at send.
 */
export async function lookUpNames(rows: StoredBatchRow[], sender: BatchSender): Promise<StoredBatchRow[]> {
  const directory = await lookUpDirectory(destinationsToLookUp(rows));
  return directory ? applyOfficeNames(directory, sender) : rows;
}

/**
 * The directory's answer for these office numbers (null: not listed), or null when it cannot be
 * asked now (offline, a server error).
 */
export async function lookUpDirectory(numbers: readonly string[]): Promise<Map<string, DirectoryAnswer> | null> {
  if (numbers.length === 0) return null;
  // one drop may name more offices than the relay answers a request: lookupOffices asks in parts
  let offices;
  try {
    offices = await lookupOffices(numbers);
  } catch (error) {
    if (error instanceof ApiFailure) return null;
    throw error;
  }
  const directory = new Map<string, DirectoryAnswer>(numbers.map((n) => [n, null]));
  for (const office of offices) directory.set(office.number, { name: office.name, kind: office.kind });
  return directory;
}

/** Queues the rows in the outbox (src/db/batch.ts), asks for one flush, and keeps their 予定 / 実績 for 予定 ⇄ 実績. */
export async function sendRows(rows: readonly StoredBatchRow[], office: BatchSender): Promise<StoredBatchRow[]> {
  const queued = await queueBatchRows(rows.map((row) => row.id), office);
  if (queued.length > 0) requestFlush();
  for (const row of queued) if (row.outboxId !== undefined) await keepQueuedSend(row.outboxId, keptFilesOf(row));
  return queued;
}

export async function deleteRows(ids: readonly string[]): Promise<void> {
  await deleteBatchRows(ids);
}
