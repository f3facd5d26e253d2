// 下書き: a compose screen saved to finish later, files kept as Blobs byte for byte. A draft is
// its owner's (src/db/owner.ts): nobody else lists, opens, overwrites or deletes it.
import { openRenkeiDb } from './db';
import { currentOwner, isOwnedBy, listOwned, requireOwner } from './owner';
import { newId } from './ids';
import type { Draft, KeptFile } from './types';

/** `now`: when it is saved (the clock unless a caller, such as a test, says otherwise). */
export async function saveDraft(
  input: { id?: string; destination: string; message: string; files: KeptFile[] },
  now: () => number = Date.now,
): Promise<Draft> {
  const owner = await requireOwner();
  const draft: Draft = {
    id: input.id ?? newId(),
    owner,
    destination: input.destination,
    message: input.message,
    files: input.files.map((f) => ({ name: f.name, type: f.type, blob: f.blob })),
    savedAt: now(),
  };
  const tx = (await openRenkeiDb()).transaction('drafts', 'readwrite');
  const existing = await tx.store.get(draft.id);
  // an id is never taken over: someone else's draft of that id stays theirs, this one gets its own
  if (existing && !isOwnedBy(existing, owner)) draft.id = newId();
  await tx.store.put(draft);
  await tx.done;
  return draft;
}

export async function getDraft(id: string): Promise<Draft | undefined> {
  const [owner, draft] = await Promise.all([currentOwner(), openRenkeiDb().then((db) => db.get('drafts', id))]);
  return draft && isOwnedBy(draft, owner) ? draft : undefined;
}

/** Newest first, as a user looks for the one they just saved. */
export const listDrafts = (): Promise<Draft[]> => listOwned('drafts', (a, b) => b.savedAt - a.savedAt);

export async function deleteDraft(id: string): Promise<void> {
  const owner = await currentOwner();
  const tx = (await openRenkeiDb()).transaction('drafts', 'readwrite');
  const draft = await tx.store.get(id);
  if (draft && isOwnedBy(draft, owner)) await tx.store.delete(id);
  await tx.done;
}
