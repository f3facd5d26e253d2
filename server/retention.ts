// Deletes messages (rows, then blobs) once their retention has passed, and expired sessions and
// rate counts. With several processes on one PostgreSQL database one sweep runs at a time (an
// advisory lock, Store.runAlone): the others skip their turn instead of deleting the same rows.
import { LONGEST_WINDOW_MS } from './auth/throttle';
import type { BlobStore } from './blobs/types';
import type { Store } from './db/types';

export interface SweepResult {
  messages: number;
  sessions: number;
  /** another process (or this one) was sweeping: nothing was done */
  skipped: boolean;
}

/**
 * Messages deleted per transaction: the month's first days all expire together a month later.
 * Small, and the event loop is let go between transactions: in SQLite a small send's bytes live in
 * renkei.db, and freeing them reads every page they took (up to 1 MiB a message), on the thread
 * that answers everyone else.
 */
export const DELETE_BATCH = 50;

export async function sweepExpired(store: Store, blobs: BlobStore, now: Date): Promise<SweepResult> {
  const done = await store.runAlone('retention', async () => {
    const nowIso = now.toISOString();
    const ids = await store.messages.expiredIds(nowIso);
    let deleted = 0;
    for (let at = 0; at < ids.length; at += DELETE_BATCH) {
      const batch = ids.slice(at, at + DELETE_BATCH);
      // rows first: a crash before the blobs go leaves orphan folders, which the next start removes
      deleted += await store.messages.deleteMany(batch);
      for (const id of batch) await blobs.remove(id);
      // the SQLite store answers at once (synchronous): without this the whole sweep is one task
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (deleted > 0) {
      await store.audit.add({ action: 'delete', actor: 'retention', detail: `${deleted} expired messages` });
    }
    const sessions = await store.sessions.deleteExpired(nowIso);
    await store.limits.prune(new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString());
    return { messages: deleted, sessions, skipped: false };
  });
  return done ?? { messages: 0, sessions: 0, skipped: true };
}
