// Deletes messages (rows, then blobs) once their retention has passed, and expired sessions.
import type { BlobStore } from './blobs';
import type { Store } from './db/types';

export interface SweepResult {
  messages: number;
  sessions: number;
}

export async function sweepExpired(store: Store, blobs: BlobStore, now: Date): Promise<SweepResult> {
  const nowIso = now.toISOString();
  const ids = await store.messages.expiredIds(nowIso);
  // rows first: a crash before the blobs go leaves orphan folders, which the next start removes
  const deleted = ids.length > 0 ? await store.messages.deleteMany(ids) : 0;
  for (const id of ids) await blobs.remove(id);
  if (deleted > 0) {
    await store.audit.add({ action: 'delete', actor: 'retention', detail: `${deleted} expired messages` });
  }
  const sessions = await store.sessions.deleteExpired(nowIso);
  return { messages: deleted, sessions };
}

/** Blob folders whose message row never landed (a crash between rename and insert) or was deleted. */
export async function removeOrphanBlobs(store: Store, blobs: BlobStore): Promise<number> {
  const onDisk = await blobs.messageIds();
  const known = await store.messages.existingIds(onDisk);
  const orphans = onDisk.filter((id) => !known.has(id));
  for (const id of orphans) await blobs.remove(id);
  return orphans.length;
}
