// 送信トレイ: sends waiting for the server's confirmation. An item leaves only when the server
// has confirmed it; its id is the idempotency key, so however often it is retried it is
// delivered once. Items and confirmations are their owner's (src/db/owner.ts): a flush takes only
// the items of the person and office signed in now, and nobody else sees or touches them.
import type { MessageSummary } from '../domain/contract';
import { openRenkeiDb } from '../db/db';
import { currentOwner, isOwnedBy, listOwned, ownerKey, ownerOf, requireOwner, type Owner } from '../db/owner';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../db/schema';
import { newId } from '../db/ids';
import { readSettings, updateSettings } from '../db/settings';
import { settleUsage } from '../db/usage-settle';
import { notifyOutboxChanged } from './channel';
import { dueAt, isDue } from './due';
import type { KeptFile } from '../db/types';
import type { OutboxItem, SentRecord } from './types';

/** Confirmations are kept this long for screens (一括送信's 成功) that look for them later. */
const SENT_RECORD_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

let lastCreatedAt = 0;
/** Strictly increasing within this context, so items enqueued in one loop (一括送信) keep their order. */
function nextCreatedAt(): number {
  lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1);
  return lastCreatedAt;
}

export interface NewSend {
  /** the office logged in when the send was queued (the owner's office); it goes out only under that office */
  sender?: string;
  destination: string;
  message: string;
  files: KeptFile[];
  batchRowId?: string;
  draftId?: string;
}

/** A fresh item for `add`: waiting, due now, with a new idempotency key. Callers that queue in their own transaction (一括送信) call notifyOutboxChanged() once it commits. */
export function newOutboxItem(owner: Owner, input: NewSend): OutboxItem {
  return {
    id: newId(),
    owner,
    // the owner's office: a send never leaves under another office's login
    sender: owner.office,
    destination: input.destination,
    message: input.message,
    files: input.files.map((f) => ({ name: f.name, type: f.type, blob: f.blob })),
    createdAt: nextCreatedAt(),
    status: 'waiting',
    attempts: 0,
    // the clock, not createdAt: that one may run a few ms ahead to keep a burst of sends in order
    nextAttemptAt: Date.now(),
    ...(input.batchRowId !== undefined ? { batchRowId: input.batchRowId } : {}),
    ...(input.draftId !== undefined ? { draftId: input.draftId } : {}),
  };
}

export async function enqueueSend(input: NewSend): Promise<OutboxItem> {
  const item = newOutboxItem(await requireOwner(), input);
  await (await openRenkeiDb()).add('outbox', item);
  notifyOutboxChanged();
  return item;
}

/** The owner's items, oldest first: the order they will be sent in. */
export const listOutbox = (): Promise<OutboxItem[]> => listOwned('outbox', (a, b) => a.createdAt - b.createdAt);

export async function getOutboxItem(id: string): Promise<OutboxItem | undefined> {
  const [owner, item] = await Promise.all([currentOwner(), openRenkeiDb().then((db) => db.get('outbox', id))]);
  return item && isOwnedBy(item, owner) ? item : undefined;
}

/** The owner's confirmations, newest first. */
export const listSentRecords = (): Promise<SentRecord[]> => listOwned('sent', (a, b) => b.confirmedAt - a.confirmedAt);

/** 再送: send it at the next flush, whatever stopped it before. Keeps the same idempotency key. */
export async function retryOutboxItem(id: string): Promise<void> {
  const owner = await currentOwner();
  const changed = await updateItem(id, (item) => {
    if (item.status === 'sending' || !isOwnedBy(item, owner)) return undefined;
    const { lastError: _dropped, ...rest } = item;
    return { ...rest, status: 'waiting', attempts: 0, nextAttemptAt: Date.now() };
  });
  if (changed) notifyOutboxChanged();
}

export async function removeOutboxItem(id: string): Promise<void> {
  const owner = await currentOwner();
  const tx = (await openRenkeiDb()).transaction('outbox', 'readwrite');
  const item = await tx.store.get(id);
  if (item && isOwnedBy(item, owner)) await tx.store.delete(id);
  await tx.done;
  notifyOutboxChanged();
}

/** Set by a flush that met 401/403: no item is sent until the user has logged in again. */
export async function isPausedForLogin(): Promise<boolean> {
  return (await readSettings()).outboxPausedForLogin;
}

export async function pauseForLogin(): Promise<void> {
  await updateSettings({ outboxPausedForLogin: true });
}

/** After a new login: lift the pause, and the owner's items that met a 401/403 may go again. Returns how many moved. */
export async function releaseNeedsLogin(): Promise<number> {
  await updateSettings({ outboxPausedForLogin: false });
  const owner = await currentOwner();
  if (!owner) return 0;
  const db = await openRenkeiDb();
  const tx = db.transaction('outbox', 'readwrite');
  let moved = 0;
  for (const item of await tx.store.index('owner').getAll(ownerKey(owner))) {
    if (item.status !== 'needs-login') continue;
    await tx.store.put({ ...item, status: 'waiting', nextAttemptAt: Date.now() });
    moved++;
  }
  await tx.done;
  notifyOutboxChanged();
  return moved;
}

/**
 * When a flush next has something to do (see dueAt). Undefined when nothing is pending or
 * sending waits for a new login.
 */
export async function nextFlushDueAt(): Promise<number | undefined> {
  // (listOutbox: the owner's items only; nobody signed in, nothing due)
  if (await isPausedForLogin()) return undefined;
  const due = (await listOutbox()).map(dueAt).filter((at) => at !== undefined);
  return due.length > 0 ? Math.min(...due) : undefined;
}

/**
 * Takes the oldest due item of the owner signed in now, not in `skip`, and marks it 'sending', in
 * one transaction with the read of who is signed in: two flushers without a Web Lock still never
 * take the same item, and a logout (or another person's login) in between never sends an item
 * under someone else.
 */
export async function claimNextDue(now: number, options: { ignoreBackoff: boolean; skip: ReadonlySet<string>; holdsFlushLock?: boolean }): Promise<OutboxItem | undefined> {
  const db = await openRenkeiDb();
  const tx = db.transaction(['outbox', 'settings'], 'readwrite');
  const owner = ownerOf((await tx.objectStore('settings').get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS);
  const store = tx.objectStore('outbox');
  const items = owner ? (await store.index('owner').getAll(ownerKey(owner))).sort((a, b) => a.createdAt - b.createdAt) : [];
  const next = items.find((item) => !options.skip.has(item.id) && isDue(item, now, options.ignoreBackoff, options.holdsFlushLock));
  let claimed: OutboxItem | undefined;
  if (next) {
    claimed = { ...next, status: 'sending', sendingSince: now, attempts: next.attempts + 1 };
    await store.put(claimed);
  }
  await tx.done;
  if (claimed) notifyOutboxChanged();
  return claimed;
}

/** The server confirmed it: record the result, and drop the item and the draft it came from, together. */
export async function confirmSent(item: OutboxItem, result: MessageSummary, now: number): Promise<SentRecord> {
  const record: SentRecord = {
    id: item.id,
    owner: item.owner,
    result,
    confirmedAt: now,
    ...(item.batchRowId !== undefined ? { batchRowId: item.batchRowId } : {}),
  };
  const db = await openRenkeiDb();
  const tx = db.transaction(['outbox', 'sent', 'drafts', 'usage'], 'readwrite');
  await tx.objectStore('sent').put(record);
  await tx.objectStore('outbox').delete(item.id);
  await settleUsage(tx.objectStore('usage'), item.id, result);
  if (item.draftId !== undefined) await tx.objectStore('drafts').delete(item.draftId);
  const sent = tx.objectStore('sent');
  // everyone's old confirmations go, the owner's or not: they are kept for a while, not for ever
  for (const old of await sent.getAll()) {
    if (old.confirmedAt < now - SENT_RECORD_KEEP_MS) await sent.delete(old.id);
  }
  await tx.done;
  notifyOutboxChanged();
  return record;
}

export async function markFailed(id: string, message: string): Promise<void> {
  await settle(id, (item) => ({ ...item, status: 'failed', lastError: message }));
}

export async function markNeedsLogin(id: string, message: string): Promise<void> {
  await settle(id, (item) => ({ ...item, status: 'needs-login', lastError: message }));
}

export async function markRetryLater(id: string, message: string, nextAttemptAt: number): Promise<void> {
  await settle(id, (item) => ({ ...item, status: 'waiting', lastError: message, nextAttemptAt }));
}

/** Ends a 'sending' state; an item the user removed meanwhile stays removed. */
async function settle(id: string, change: (item: OutboxItem) => OutboxItem): Promise<void> {
  const changed = await updateItem(id, (item) => {
    const { sendingSince: _done, ...rest } = item;
    return change(rest);
  });
  if (changed) notifyOutboxChanged();
}

async function updateItem(id: string, change: (item: OutboxItem) => OutboxItem | undefined): Promise<boolean> {
  const db = await openRenkeiDb();
  const tx = db.transaction('outbox', 'readwrite');
  const item = await tx.store.get(id);
  const next = item ? change(item) : undefined;
  if (next) await tx.store.put(next);
  await tx.done;
  return next !== undefined;
}
