// The relay's retention on chosen messages, on a data folder a running relay uses (SQLite in WAL
// mode takes a second connection, as the admin CLI does): rows first, then blobs, as
// sweepExpired (server/retention.ts) deletes expired messages. For the tests that need the
// relay's copies gone without waiting 30 days or touching other tests' messages.
import { DiskBlobStore } from '../../server/blobs/disk';
import { openStore } from '../../server/db';

export async function deleteAsRetention(dataDir: string, messageIds: readonly string[]): Promise<number> {
  const store = await openStore({ dataDir, databaseUrl: null, databasePoolSize: 1 });
  try {
    const deleted = await store.messages.deleteMany(messageIds);
    const blobs = new DiskBlobStore(dataDir, { diskReserveBytes: 0 });
    for (const id of messageIds) await blobs.remove(id);
    return deleted;
  } finally {
    await store.close();
  }
}
