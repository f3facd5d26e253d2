// 一括送信の一覧 in IndexedDB: the rows with their files as Blobs, so a reload or a closed tab
// loses nothing. The rules live in src/domain/batch.ts. Every read gives each row the status its
// outbox item says (src/db/batch-status.ts); every change reads, applies the rules and writes in
// one transaction, so a second tab's change is never written over with an older copy.
import { MAGIC_HEAD_BYTES } from '../domain/attachments';
import {
  addFilesToBatch,
  applyDirectory,
  compareRows,
  isSendable,
  rebuildRow,
  validateRow,
  type AddFilesResult,
  type BatchContext,
  type BatchFileInput,
  type BatchRow,
  senderNumberOf,
  type BatchSender,
  type ContentCheck,
  type DirectoryAnswer,
} from '../domain/batch';
import { notifyOutboxChanged } from '../outbox/channel';
import { newOutboxItem } from '../outbox/store';
import type { SentRecord } from '../outbox/types';
import { failedItemsOf, withStatus, type OutboxSnapshot } from './batch-status';
import { openRenkeiDb } from './db';
import { currentOwner, ownerKey, requireOwner, type Owner } from './owner';
import { newId } from './ids';
import type { BatchRecord } from './schema';
import type { KeptFile } from './types';

export type StoredBatchRow = BatchRow<KeptFile>;
export type BatchInputFile = BatchFileInput & { payload: KeptFile };

export interface BatchSnapshot {
  /** rows still in the list, by destination and ファイル出力日時 (compareRows) */
  rows: StoredBatchRow[];
  /** rows whose send was confirmed in this refresh: they left the list */
  succeeded: StoredBatchRow[];
  /** the confirmations of 一括送信 rows, by row id (a progress view finds its 成功 rows here) */
  sentByRow: ReadonlyMap<string, SentRecord>;
}

/**
 * A transaction over the owner's rows and the outbox they take their status from. Nobody signed
 * in: no rows (and `owner` null, so nothing can be written).
 */
async function batchTransaction<Mode extends 'readonly' | 'readwrite'>(mode: Mode, signedIn?: Owner) {
  const owner = signedIn ?? (await currentOwner());
  const tx = (await openRenkeiDb()).transaction(['batch', 'outbox', 'sent'], mode);
  const key = owner ? ownerKey(owner) : null;
  const [records, items, sent] = key
    ? await Promise.all([
        tx.objectStore('batch').index('owner').getAll(key),
        tx.objectStore('outbox').index('owner').getAll(key),
        tx.objectStore('sent').index('owner').getAll(key),
      ])
    : [[], [], []];
  const outbox: OutboxSnapshot = { items, sent };
  const rows = records.map((record) => withStatus(record, outbox)).sort(compareRows);
  return { tx, rows, outbox, sent, owner };
}

/** What a row keeps: all but its status, and its owner; a row the rules set back to 未送信 forgets its last send. */
function toRecord(row: StoredBatchRow, owner: Owner): BatchRecord {
  const { status, reason: _derived, outboxId, ...rest } = row;
  return status === '未送信' || outboxId === undefined ? { ...rest, owner } : { ...rest, outboxId, owner };
}

/** By destination, then ファイル出力日時 (compareRows). */
export async function listBatchRows(): Promise<StoredBatchRow[]> {
  const { tx, rows } = await batchTransaction('readonly');
  await tx.done;
  return rows;
}

export async function getBatchRow(id: string): Promise<StoredBatchRow | undefined> {
  return (await listBatchRows()).find((row) => row.id === id);
}

/**
 * Re-checks every row against the office now logged in and removes the rows whose send was
 * confirmed, in one transaction.
 */
export async function refreshBatch(sender: BatchSender): Promise<BatchSnapshot> {
  const { tx, rows, sent, owner } = await batchTransaction('readwrite');
  const store = tx.objectStore('batch');
  const kept: StoredBatchRow[] = [];
  const succeeded: StoredBatchRow[] = [];
  const writes: Promise<unknown>[] = [];
  for (const row of rows) {
    if (row.status === '成功') {
      succeeded.push(row);
      writes.push(store.delete(row.id));
      continue;
    }
    const checked = validateRow(row, sender);
    if (owner && !sameChecks(checked, row)) writes.push(store.put(toRecord(checked, owner)));
    kept.push(checked);
  }
  await Promise.all([...writes, tx.done]);
  const sentByRow = new Map(sent.flatMap((record) => (record.batchRowId !== undefined ? [[record.batchRowId, record] as const] : [])));
  return { rows: kept, succeeded, sentByRow };
}

export async function deleteBatchRows(ids: readonly string[]): Promise<void> {
  const { tx, rows } = await batchTransaction('readwrite');
  const mine = new Set(rows.map((row) => row.id));
  for (const id of ids) if (mine.has(id)) await tx.objectStore('batch').delete(id);
  await tx.done;
}

/**
 * What the rules need from each dropped file: name, size, and the first bytes for the magic check
 * (`heads`: those already read, by file).
 */
export async function toBatchInputs(files: readonly File[], heads?: ReadonlyMap<Blob, Uint8Array>): Promise<BatchInputFile[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      size: file.size,
      head: heads?.get(file) ?? (await headOf(file)),
      payload: { name: file.name, type: file.type, blob: file },
    })),
  );
}

/**
 * Adds dropped files to the stored list: read, group and write in one transaction so that
 * two drops in quick succession (or two tabs) never lose each other's rows.
 */
export async function addFilesToStoredBatch(
  inputs: readonly BatchInputFile[],
  ctx: {
    sender: BatchSender;
    now?: number;
    /** new checks of files already listed (BatchContext.rechecked) */
    rechecked?: BatchContext['rechecked'];
    /** the directory's answers already at hand: the new rows get their names in the same write */
    directory?: ReadonlyMap<string, DirectoryAnswer> | null;
  },
): Promise<AddFilesResult<KeptFile>> {
  const owner = await requireOwner();
  const { tx, rows } = await batchTransaction('readwrite', owner);
  const added = addFilesToBatch(rows, inputs, {
    sender: ctx.sender,
    now: ctx.now ?? Date.now(),
    newId,
    ...(ctx.rechecked ? { rechecked: ctx.rechecked } : {}),
  });
  const result = ctx.directory ? { ...added, rows: applyDirectory(added.rows, ctx.directory, ctx.sender) } : added;
  // untouched rows come back as the very objects passed in
  const before = new Set<StoredBatchRow>(rows);
  const store = tx.objectStore('batch');
  // every write asked at once: the database takes them in order, without a round trip between each
  await Promise.all([...result.rows.flatMap((row) => (before.has(row) ? [] : [store.put(toRecord(row, owner))])), tx.done]);
  // new rows take their place in the list's order at once, not at the end until the next read
  return { ...result, rows: [...result.rows].sort(compareRows) };
}

/**
 * The compose screen's 更新 for #/compose?batchRow=<id>: replaces the row's files (CSV and
 * PDF等) and message, and re-runs the checks. `sender` is the office logged in, when known;
 * the 一括送信 screen re-checks every row against it anyway when it opens. `contentChecks`:
 * the CSV spec checks the compose screen made of these files, by file name.
 */
export async function updateBatchRow(
  id: string,
  change: { files: KeptFile[]; message: string; contentChecks?: ReadonlyMap<string, ContentCheck> },
  sender: BatchSender = null,
): Promise<StoredBatchRow> {
  const inputs = await Promise.all(
    change.files.map(async (f) => {
      const input: BatchInputFile = { name: f.name, size: f.blob.size, head: await headOf(f.blob), payload: f };
      const contentCheck = change.contentChecks?.get(f.name);
      if (contentCheck) input.contentCheck = contentCheck;
      return input;
    }),
  );
  const { tx, rows, owner } = await batchTransaction('readwrite');
  const row = rows.find((candidate) => candidate.id === id);
  if (!row || !owner) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error('一括送信の行が見つかりません。削除されたか、送信済みです。');
  }
  const next = rebuildRow(row, inputs, change.message, sender);
  await tx.objectStore('batch').put(toRecord(next, owner));
  await tx.done;
  return next;
}

/** Puts the directory's answer (number → name and kind, null when unknown) on the rows, in one transaction. */
export async function applyOfficeNames(directory: ReadonlyMap<string, DirectoryAnswer>, sender: BatchSender): Promise<StoredBatchRow[]> {
  const { tx, rows, owner } = await batchTransaction('readwrite');
  const next = applyDirectory(rows, directory, sender);
  const store = tx.objectStore('batch');
  await Promise.all([...next.flatMap((row, i) => (owner && row !== rows[i] ? [store.put(toRecord(row, owner))] : [])), tx.done]);
  return next;
}

/**
 * Sends the rows through the outbox, in one transaction: each sendable row gets one outbox item
 * (its own idempotency key) and remembers it; a failed item left from an earlier try is removed
 * first, so a row is never delivered twice. Returns the rows queued.
 */
export async function queueBatchRows(ids: readonly string[], office: BatchSender): Promise<StoredBatchRow[]> {
  const sender = senderNumberOf(office);
  const owner = await requireOwner();
  const { tx, rows, outbox } = await batchTransaction('readwrite', owner);
  const wanted = new Set(ids);
  const queued: StoredBatchRow[] = [];
  for (const row of rows) {
    if (!wanted.has(row.id) || !isSendable(row) || row.destination === null) continue;
    for (const id of failedItemsOf(row.id, outbox)) await tx.objectStore('outbox').delete(id);
    const item = newOutboxItem(owner, {
      ...(sender ? { sender } : {}),
      destination: row.destination,
      message: row.message,
      files: keptFilesOf(row),
      batchRowId: row.id,
    });
    await tx.objectStore('outbox').add(item);
    await tx.objectStore('batch').put({ ...toRecord(row, owner), outboxId: item.id });
    queued.push({ ...row, status: '送信待ち', reason: null, outboxId: item.id });
  }
  await tx.done;
  if (queued.length > 0) notifyOutboxChanged();
  return queued;
}

/** The row's files as the outbox keeps them. */
export function keptFilesOf(row: StoredBatchRow): KeptFile[] {
  return row.files.map((f) => f.payload);
}

/** Whether the checks' results are unchanged (so the row need not be written). */
function sameChecks(a: StoredBatchRow, b: StoredBatchRow): boolean {
  return (
    a.sequenceDisplay === b.sequenceDisplay &&
    a.problems.join('\n') === b.problems.join('\n') &&
    a.warnings.join('\n') === b.warnings.join('\n') &&
    a.categories.join() === b.categories.join()
  );
}

async function headOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, MAGIC_HEAD_BYTES).arrayBuffer());
}
