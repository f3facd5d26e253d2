// For the unit tests of the client's IndexedDB modules (src/db, src/outbox): a fresh fake
// IndexedDB for every test, and kept files and contract values to put in it.
import { IDBFactory } from 'fake-indexeddb';
import { closeRenkeiDb, ownUpgrades } from '../../src/db/db';
import type { Owner } from '../../src/db/owner';
import { recordSignedIn } from '../../src/db/sign-in';
import type { KeptFile } from '../../src/db/types';
import type { MessageSummary } from '../../src/domain/contract';

// the tests open the database as the page does, which upgrades it (the service worker does not)
ownUpgrades(() => import('../../src/db/upgrades'));

/** The person and office the unit tests work as, unless a test signs someone else in. */
export const TEST_OWNER: Owner = { userId: 'cm01', office: '3300000001' };

/** No database at all yet (an upgrade test writes an old version first). */
export async function emptyDatabase(): Promise<void> {
  await closeRenkeiDb();
  globalThis.indexedDB = new IDBFactory();
}

/** A fresh database with TEST_OWNER signed in (every record this app keeps has an owner). */
export async function freshDatabase(): Promise<void> {
  await emptyDatabase();
  await recordSignedIn(TEST_OWNER);
}

/** Signs `owner` in on the device (null: nobody), as the page does at login and logout. */
export const signIn = (owner: Owner | null) => recordSignedIn(owner);

/** A Shift_JIS-like CSV: bytes above 0x7f must come back exactly. */
export function csvFile(name: string, bytes: number[] = [0x82, 0xa0, 0x2c, 0x31, 0x0d, 0x0a]): KeptFile {
  return { name, type: 'text/csv', blob: new Blob([new Uint8Array(bytes)], { type: 'text/csv' }) };
}

/** A file as the outbox keeps it, from bytes made by tests/support/agent.ts (planCsv, pdf). */
export function keptFile(file: { name: string; bytes: Uint8Array }, type = 'application/octet-stream'): KeptFile {
  return { name: file.name, type, blob: new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type }) };
}

export async function bytesOf(blob: Blob): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer())];
}

export function summary(id: string, destination = '3310000017'): MessageSummary {
  return {
    id,
    sentAt: '2025-01-01T03:00:00.000Z',
    sender: { number: '3300000001', name: 'れんけい居宅介護支援センター', kind: '居宅介護支援' },
    destination: { number: destination, name: 'さくら訪問介護ステーション', kind: '訪問介護' },
    message: '',
    files: [],
    downloadStatus: '未',
    downloadedAt: null,
    // far ahead: the kept lists drop what retention has ended (src/db/cache.ts)
    expiresAt: '2999-02-01T03:00:00.000Z',
    withdrawnAt: null,
  };
}
