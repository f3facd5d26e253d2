// The outbox's side of 予定 ⇄ 実績 (src/db/usage.ts): when the relay confirms a send from this
// device, the 予定 / 実績 records kept from it become sent. Apart from usage.ts so the service
// worker's flush does not carry the CSV reader.
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { MessageSummary } from '../domain/contract';
import type { RenkeiDb } from './schema';

/** Inside the confirmation's transaction, so a record is never left unconfirmed by a crash between the two. */
export async function settleUsage<S extends ArrayLike<StoreNames<RenkeiDb>>>(
  store: IDBPObjectStore<RenkeiDb, S, 'usage', 'readwrite'>,
  outboxId: string,
  result: MessageSummary,
): Promise<void> {
  for (const r of await store.index('byOutbox').getAll(outboxId)) {
    if (r.sentAt === null) await store.put({ ...r, sentAt: result.sentAt, messageId: result.id });
  }
}

