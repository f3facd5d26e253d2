// Files picked for a send: kept as the original Blobs (never re-encoded), with the few leading
// bytes the attachment checks look at.
import { MAGIC_HEAD_BYTES, categoryOf, extensionOf } from '../../domain/attachments';
import { parseFileName } from '../../domain/filename';
import type { FileCategory } from '../../domain/contract';
import type { KeptFile } from '../../db/types';

export interface PickedFile {
  name: string;
  type: string;
  blob: Blob;
  size: number;
  head: Uint8Array;
  category: FileCategory;
}

export async function pick(file: { name: string; type: string; blob: Blob }): Promise<PickedFile> {
  const head = new Uint8Array(await file.blob.slice(0, MAGIC_HEAD_BYTES).arrayBuffer());
  return { name: file.name, type: file.type, blob: file.blob, size: file.blob.size, head, category: categoryOf(file.name) };
}

export function pickAll(files: Iterable<File>): Promise<PickedFile[]> {
  return Promise.all(Array.from(files, (file) => pick({ name: file.name, type: file.type, blob: file })));
}

/**
 * Adds files; a file picked again under the same name replaces the earlier one, also within one
 * drop (the table keys its rows and 削除 removes by name: two rows of one name cannot be told apart).
 */
export function merge(current: PickedFile[], added: PickedFile[]): PickedFile[] {
  const latest = new Map(added.map((file) => [file.name, file]));
  return [...current.filter((file) => !latest.has(file.name)), ...latest.values()];
}

export function toKept(files: PickedFile[]): KeptFile[] {
  return files.map((file) => ({ name: file.name, type: file.type, blob: file.blob }));
}

export function isCsv(file: { name: string }): boolean {
  return extensionOf(file.name) === 'csv';
}

/** The destination the CSV names agree on; null when there are no CSVs or they disagree or do not parse. */
export function destinationFromCsvNames(files: PickedFile[]): string | null {
  const destinations = new Set<string>();
  for (const file of files.filter(isCsv)) {
    const parsed = parseFileName(file.name);
    if (parsed.ok) destinations.add(parsed.value.destination);
  }
  return destinations.size === 1 ? [...destinations][0]! : null;
}
