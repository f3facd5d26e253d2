// The one IndexedDB database of the client. Every store is created here so that the
// version number has one owner; other modules only read and write through openRenkeiDb().
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Box, MessageSummary } from '../domain/contract';
import type { OutboxItem, SentRecord } from '../outbox/types';
import type { Draft } from './types';

export const DB_NAME = 'renkei';
export const DB_VERSION = 1;

export interface CachedList {
  box: Box;
  messages: MessageSummary[];
  fetchedAt: number;
}

export interface RenkeiDb extends DBSchema {
  drafts: { key: string; value: Draft };
  outbox: { key: string; value: OutboxItem };
  sent: { key: string; value: SentRecord };
  cache: { key: Box; value: CachedList };
  /** free-form key/value pairs (out-of-line keys) */
  settings: { key: string; value: unknown };
  /** 一括送信 rows, owned by src/db/batch.ts; the value shape is that module's business */
  batch: { key: string; value: { id: string } & Record<string, unknown> };
}

let opening: Promise<IDBPDatabase<RenkeiDb>> | undefined;

export function openRenkeiDb(): Promise<IDBPDatabase<RenkeiDb>> {
  opening ??= openDB<RenkeiDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Each step upgrades from the version before it, so an old client catches up in order.
      if (oldVersion < 1) {
        db.createObjectStore('drafts', { keyPath: 'id' });
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('sent', { keyPath: 'id' });
        db.createObjectStore('cache', { keyPath: 'box' });
        db.createObjectStore('settings');
        db.createObjectStore('batch', { keyPath: 'id' });
      }
    },
    blocking() {
      // A newer tab or worker wants to upgrade: let it, and reopen on the next call.
      void opening?.then((db) => db.close());
      opening = undefined;
    },
    terminated() {
      opening = undefined;
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Tests delete the database between cases; the cached connection must go with it. */
export async function closeRenkeiDb(): Promise<void> {
  const current = opening;
  opening = undefined;
  if (current) (await current.catch(() => undefined))?.close();
}

export async function getSetting<T>(key: string): Promise<T | undefined> {
  return (await (await openRenkeiDb()).get('settings', key)) as T | undefined;
}

export async function putSetting(key: string, value: unknown): Promise<void> {
  await (await openRenkeiDb()).put('settings', value, key);
}
