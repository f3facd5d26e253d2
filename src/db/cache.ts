// Last fetched 送信一覧/受信一覧 per owner (src/db/owner.ts), so the app can show them when it
// opens offline. Nobody else sees them; a logout drops the owner's.
import type { Box, MessageSummary } from '../domain/contract';
import { openRenkeiDb } from './db';
import { currentOwner, type Owner } from './owner';

export async function putCachedList(box: Box, messages: MessageSummary[], fetchedAt: number): Promise<void> {
  const owner = await currentOwner();
  if (owner) await (await openRenkeiDb()).put('cache', { owner, box, messages, fetchedAt });
}

export async function getCachedList(box: Box): Promise<{ messages: MessageSummary[]; fetchedAt: number } | undefined> {
  const owner = await currentOwner();
  if (!owner) return undefined;
  const entry = await (await openRenkeiDb()).get('cache', [owner.userId, owner.office, box]);
  return entry ? { messages: entry.messages, fetchedAt: entry.fetchedAt } : undefined;
}

/** After a logout the lists are of no more use: the next login fetches them again. */
export async function clearCachedLists(owner: Owner): Promise<void> {
  const db = await openRenkeiDb();
  await Promise.all((['sent', 'received'] as const).map((box) => db.delete('cache', [owner.userId, owner.office, box])));
}
