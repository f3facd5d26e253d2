// 一括送信の一覧 in IndexedDB: the rows with their files as Blobs, so a reload or a closed tab
// loses nothing. The rules live in src/domain/batch.ts; this module only reads and writes.
import { MAGIC_HEAD_BYTES } from '../domain/attachments';
import {
  addFilesToBatch,
  rebuildRow,
  type AddFilesResult,
  type BatchFileInput,
  type BatchRow,
  type BatchSender,
  type ContentCheck,
} from '../domain/batch';
import { openRenkeiDb } from './db';
import type { KeptFile } from './types';

export type StoredBatchRow = BatchRow<KeptFile>;
export type BatchInputFile = BatchFileInput & { payload: KeptFile };

/** Oldest first: the order the files were dropped in. */
export async function listBatchRows(): Promise<StoredBatchRow[]> {
  const rows = (await (await openRenkeiDb()).getAll('batch')) as unknown as StoredBatchRow[];
  return rows.sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
}

export async function getBatchRow(id: string): Promise<StoredBatchRow | undefined> {
  return (await (await openRenkeiDb()).get('batch', id)) as unknown as StoredBatchRow | undefined;
}

/** Writes (inserts or replaces) the given rows in one transaction. */
export async function putBatchRows(rows: readonly StoredBatchRow[]): Promise<void> {
  const db = await openRenkeiDb();
  const tx = db.transaction('batch', 'readwrite');
  for (const row of rows) await tx.store.put(row as unknown as { id: string } & Record<string, unknown>);
  await tx.done;
}

export async function deleteBatchRows(ids: readonly string[]): Promise<void> {
  const db = await openRenkeiDb();
  const tx = db.transaction('batch', 'readwrite');
  for (const id of ids) await tx.store.delete(id);
  await tx.done;
}

/** Reads what the rules need from each dropped file: name, size, and the first bytes for the magic check. */
export async function toBatchInputs(files: readonly File[]): Promise<BatchInputFile[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      size: file.size,
      head: await headOf(file),
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
  ctx: { sender: BatchSender; now?: number },
): Promise<AddFilesResult<KeptFile>> {
  const db = await openRenkeiDb();
  const tx = db.transaction('batch', 'readwrite');
  const existing = (await tx.store.getAll()) as unknown as StoredBatchRow[];
  existing.sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
  const result = addFilesToBatch(existing, inputs, {
    sender: ctx.sender,
    now: ctx.now ?? Date.now(),
    newId: () => crypto.randomUUID(),
  });
  const before = new Map(existing.map((r) => [r.id, r]));
  for (const row of result.rows) {
    if (before.get(row.id) !== row) await tx.store.put(row as unknown as { id: string } & Record<string, unknown>);
  }
  await tx.done;
  return result;
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
  const db = await openRenkeiDb();
  const tx = db.transaction('batch', 'readwrite');
  const row = (await tx.store.get(id)) as unknown as StoredBatchRow | undefined;
  if (!row) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error('一括送信の行が見つかりません。削除されたか、送信済みです。');
  }
  const next = rebuildRow(row, inputs, change.message, sender);
  await tx.store.put(next as unknown as { id: string } & Record<string, unknown>);
  await tx.done;
  return next;
}

/** The row's files as the outbox keeps them. */
export function keptFilesOf(row: StoredBatchRow): KeptFile[] {
  return row.files.map((f) => f.payload);
}

async function headOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, MAGIC_HEAD_BYTES).arrayBuffer());
}
