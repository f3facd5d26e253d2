// 送信一覧 / 受信一覧 as last seen from the relay, one record per message, owned by the person and
// office that saw it (src/db/owner.ts: a shared tablet shows nobody else's): the lists open,
// filter and page over it offline. Kept to the newest MAX_KEPT of each box; what the relay has
// deleted by retention goes; a logout drops the owner's.
import type { Box, MessageSummary } from '../domain/contract';
import { openRenkeiDb } from './db';
import { currentOwner, ownerKey, type Owner } from './owner';
import type { CachedMessage } from './schema';

export type { Owner } from './owner';

export const MAX_KEPT = 2000;

const ownerBoxOf = (owner: Owner, box: Box) => `${owner.userId}|${owner.office}|${box}`;

/** Keeps the messages the relay just answered with (replacing older copies of them). */
export async function keepMessages(owner: Owner, box: Box, messages: readonly MessageSummary[], now = Date.now()): Promise<void> {
  if (messages.length === 0) return;
  const ownerBox = ownerBoxOf(owner, box);
  const tx = (await openRenkeiDb()).transaction('lists', 'readwrite');
  for (const message of messages) {
    await tx.store.put({ key: `${ownerBox}|${message.id}`, ownerBox, owner, box, message, seenAt: now });
  }
  // past retention the relay no longer has them; past MAX_KEPT the oldest go
  const kept = await tx.store.index('byOwnerBox').getAll(ownerBox);
  const stale = kept
    .sort((a, b) => (a.message.sentAt < b.message.sentAt ? 1 : -1))
    .filter((record, i) => i >= MAX_KEPT || Date.parse(record.message.expiresAt) <= now);
  for (const record of stale) await tx.store.delete(record.key);
  await tx.done;
}

export interface KeptList {
  messages: MessageSummary[];
  /** when the newest of them was last answered by the relay; null when none is kept */
  fetchedAt: number | null;
}

export async function keptMessages(owner: Owner, box: Box, now = Date.now()): Promise<KeptList> {
  const records: CachedMessage[] = await (await openRenkeiDb()).getAllFromIndex('lists', 'byOwnerBox', ownerBoxOf(owner, box));
  const live = records.filter((r) => Date.parse(r.message.expiresAt) > now);
  return {
    messages: live.map((r) => r.message),
    fetchedAt: live.length > 0 ? Math.max(...live.map((r) => r.seenAt)) : null,
  };
}

export async function keptMessage(owner: Owner, box: Box, id: string): Promise<MessageSummary | undefined> {
  return (await (await openRenkeiDb()).get('lists', `${ownerBoxOf(owner, box)}|${id}`))?.message;
}

/**
 * The office names this owner's kept lists know (both boxes, both ends of each message, the
 * newest message's name winning): what the device can say about a number while offline.
 */
export async function keptOfficeNames(owner: Owner, now = Date.now()): Promise<Map<string, string>> {
  const [sent, received] = await Promise.all([keptMessages(owner, 'sent', now), keptMessages(owner, 'received', now)]);
  const names = new Map<string, string>();
  const oldestFirst = [...sent.messages, ...received.messages].sort((a, b) => (a.sentAt < b.sentAt ? -1 : 1));
  for (const m of oldestFirst) {
    for (const office of [m.sender, m.destination]) if (office.name) names.set(office.number, office.name);
  }
  return names;
}

/** The signed-in owner's copy of a box (null owner: nothing), as the rest of the app reads it. */
export async function putCachedList(box: Box, messages: MessageSummary[], fetchedAt: number): Promise<void> {
  const owner = await currentOwner();
  if (owner) await keepMessages(owner, box, messages, fetchedAt);
}

export async function getCachedList(box: Box): Promise<KeptList | undefined> {
  const owner = await currentOwner();
  if (!owner) return undefined;
  const kept = await keptMessages(owner, box);
  return kept.fetchedAt === null ? undefined : kept;
}

/** After a logout the lists are of no more use: the next login fetches them again. */
export async function clearCachedLists(owner: Owner): Promise<void> {
  const tx = (await openRenkeiDb()).transaction('lists', 'readwrite');
  for (const key of await tx.store.index('owner').getAllKeys(ownerKey(owner))) await tx.store.delete(key);
  await tx.done;
}
