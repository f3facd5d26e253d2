// 下書きに戻す: a send the relay refused for good (失敗: an office not in the directory, a file it
// will not take) cannot be mended by 再送, and 削除 would lose its files and message. It goes back
// to 下書き as it was, in one transaction (never both a draft and a queued send, never neither), to
// be corrected in 新規作成 and sent again.
import { openRenkeiDb } from '../db/db';
import { newId } from '../db/ids';
import { currentOwner, isOwnedBy } from '../db/owner';
import type { Draft } from '../db/types';
import { notifyOutboxChanged } from './channel';

/** The draft made of the signed-in owner's item, or null (someone else's, gone, or being sent). */
export async function returnToDraft(id: string, now: () => number = Date.now): Promise<Draft | null> {
  const owner = await currentOwner();
  const tx = (await openRenkeiDb()).transaction(['outbox', 'drafts'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const drafts = tx.objectStore('drafts');
  const item = await outbox.get(id);
  if (!item || !isOwnedBy(item, owner) || item.status === 'sending') {
    await tx.done;
    return null;
  }
  // a send made from a draft keeps that draft until it is confirmed: the same one is written back
  const draft: Draft = { id: item.draftId ?? newId(), owner: item.owner, destination: item.destination, message: item.message, files: item.files, savedAt: now() };
  const existing = await drafts.get(draft.id);
  if (existing && !isOwnedBy(existing, owner)) draft.id = newId();
  await drafts.put(draft);
  await outbox.delete(id);
  await tx.done;
  notifyOutboxChanged();
  return draft;
}
