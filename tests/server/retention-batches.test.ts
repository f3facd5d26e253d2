// The retention sweep deletes in small transactions and lets other requests in between them: a
// month's sends expire together, and in SQLite their bytes are freed on the event loop.
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../server/blobs/types';
import type { Store } from '../../server/db/types';
import { DELETE_BATCH, sweepExpired } from '../../server/retention';

describe('sweepExpired', () => {
  it('deletes in batches of DELETE_BATCH and yields the event loop between them', async () => {
    const ids = Array.from({ length: DELETE_BATCH * 2 + 7 }, (_, i) => `m${i}`);
    const batches: number[] = [];
    let deletedWhenOthersRan = -1;
    let deleted = 0;
    const store = {
      runAlone: (_name: string, work: () => Promise<unknown>) => work(),
      messages: {
        expiredIds: async () => ids,
        // like better-sqlite3 behind the async store: done before the promise is even awaited
        deleteMany: async (batch: readonly string[]) => {
          batches.push(batch.length);
          deleted += batch.length;
          return batch.length;
        },
      },
      audit: { add: async () => undefined },
      sessions: { deleteExpired: async () => 0 },
      limits: { prune: async () => undefined },
    } as unknown as Store;
    const blobs = { remove: async () => undefined } as unknown as BlobStore;
    // another request's work, queued as the sweep starts
    setImmediate(() => (deletedWhenOthersRan = deleted));
    const result = await sweepExpired(store, blobs, new Date('2026-05-01T00:00:00Z'));
    expect(result.messages).toBe(ids.length);
    expect(batches).toEqual([DELETE_BATCH, DELETE_BATCH, 7]);
    expect(deletedWhenOthersRan).toBe(DELETE_BATCH);
  });
});
