// Shared by the db-* unit tests: a fresh fake IndexedDB for every test.
import { IDBFactory } from 'fake-indexeddb';
import { closeRenkeiDb } from '../../src/db/db';
import type { KeptFile } from '../../src/db/types';

export async function freshDatabase(): Promise<void> {
  await closeRenkeiDb();
  globalThis.indexedDB = new IDBFactory();
}

/** A Shift_JIS-like CSV: bytes above 0x7f must come back exactly. */
export function csvFile(name: string, bytes: number[] = [0x82, 0xa0, 0x2c, 0x31, 0x0d, 0x0a]): KeptFile {
  return { name, type: 'text/csv', blob: new Blob([new Uint8Array(bytes)], { type: 'text/csv' }) };
}

export async function bytesOf(blob: Blob): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer())];
}
