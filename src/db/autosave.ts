// 新規作成's autosave (src/db/types.ts ComposeAutosave): one record per person, office and
// screen, read back only for that person and office. The text is written on every change; the
// files only when they change, in their own record, so typing never copies the files again.
import { openRenkeiDb } from './db';
import type { Owner } from './schema';
import type { ComposeAutosave, KeptFile } from './types';

export interface AutosaveKey {
  owner: Owner;
  /** 'new', 'draft:<id>' or 'batchRow:<id>' */
  source: string;
}

export interface SavedWork {
  destination: string;
  message: string;
  files: KeptFile[];
  savedAt: number;
}

const idOf = ({ owner, source }: AutosaveKey) => `${owner.userId}|${owner.office}|${source}`;
const sameOwner = (a: Owner, b: Owner) => a.userId === b.userId && a.office === b.office;

/** `files` only when they changed since the last write (undefined keeps the stored ones). */
export async function writeAutosave(
  key: AutosaveKey,
  work: { destination: string; message: string; files?: readonly KeptFile[] },
  now: () => number = Date.now,
): Promise<void> {
  const id = idOf(key);
  const db = await openRenkeiDb();
  const tx = db.transaction(['autosave', 'autosaveFiles'], 'readwrite');
  const record: ComposeAutosave = { id, owner: key.owner, source: key.source, destination: work.destination, message: work.message, savedAt: now() };
  await tx.objectStore('autosave').put(record);
  if (work.files) {
    const files = work.files.map((f) => ({ name: f.name, type: f.type, blob: f.blob }));
    await tx.objectStore('autosaveFiles').put({ id, owner: key.owner, files });
  }
  await tx.done;
}

/** The work kept for this person, office and screen; undefined when there is none. */
export async function readAutosave(key: AutosaveKey): Promise<SavedWork | undefined> {
  const id = idOf(key);
  const db = await openRenkeiDb();
  const tx = db.transaction(['autosave', 'autosaveFiles'], 'readonly');
  const [record, files] = await Promise.all([tx.objectStore('autosave').get(id), tx.objectStore('autosaveFiles').get(id)]);
  await tx.done;
  if (!record || !sameOwner(record.owner, key.owner)) return undefined;
  return { destination: record.destination, message: record.message, files: files?.files ?? [], savedAt: record.savedAt };
}

export async function clearAutosave(keys: readonly AutosaveKey[]): Promise<void> {
  const db = await openRenkeiDb();
  const tx = db.transaction(['autosave', 'autosaveFiles'], 'readwrite');
  for (const key of keys) {
    await tx.objectStore('autosave').delete(idOf(key));
    await tx.objectStore('autosaveFiles').delete(idOf(key));
  }
  await tx.done;
}
