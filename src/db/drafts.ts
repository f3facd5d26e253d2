// 下書き: a compose screen saved to finish later, files kept as Blobs byte for byte.
import { allSorted, openRenkeiDb } from './db';
import type { Draft, KeptFile } from './types';

/** `now`: when it is saved (the clock unless a caller, such as a test, says otherwise). */
export async function saveDraft(
  input: { id?: string; destination: string; message: string; files: KeptFile[] },
  now: () => number = Date.now,
): Promise<Draft> {
  const draft: Draft = {
    id: input.id ?? crypto.randomUUID(),
    destination: input.destination,
    message: input.message,
    files: input.files.map((f) => ({ name: f.name, type: f.type, blob: f.blob })),
    savedAt: now(),
  };
  await (await openRenkeiDb()).put('drafts', draft);
  return draft;
}

export async function getDraft(id: string): Promise<Draft | undefined> {
  return (await openRenkeiDb()).get('drafts', id);
}

/** Newest first, as a user looks for the one they just saved. */
export const listDrafts = (): Promise<Draft[]> => allSorted('drafts', (a, b) => b.savedAt - a.savedAt);

export async function deleteDraft(id: string): Promise<void> {
  await (await openRenkeiDb()).delete('drafts', id);
}
