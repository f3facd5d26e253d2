// Deletes messages (rows, then blobs) once their retention has passed, and expired sessions.
import { LONGEST_WINDOW_MS } from './auth/throttle';
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
  await store.limits.prune(new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString());
  return { messages: deleted, sessions };
}

/** Blob folders whose message row never landed (a crash between rename and insert) or was deleted. */
/** graceMs > 0 spares folders young enough to belong to another process's send in progress. */
export async function removeOrphanBlobs(store: Store, blobs: BlobStore, graceMs = 0): Promise<number> {
  const onDisk = await blobs.messageIds();
  const known = await store.messages.existingIds(onDisk);
  const cutoff = Date.now() - graceMs;
  let removed = 0;
  for (const id of onDisk.filter((candidate) => !known.has(candidate))) {
    if (graceMs > 0 && !(await blobs.messageDirOlderThan(id, cutoff))) continue;
    await blobs.remove(id);
    removed += 1;
  }
  return removed;
}
