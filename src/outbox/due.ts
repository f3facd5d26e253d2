// When a flush may take an outbox item: the one rule the flush (claimNextDue) and the page's
// backoff timer (nextFlushDueAt) both follow.
import type { OutboxItem } from './types';

/** A 'sending' item older than this was left by a tab or worker that died mid-send. */
export const STALE_SENDING_MS = 60_000;

/**
 * A waiting item once its backoff has run out; a 'sending' item once it has turned stale;
 * never a failed item or one waiting for a login (undefined).
 */
export function dueAt(item: Pick<OutboxItem, 'status' | 'nextAttemptAt' | 'sendingSince'>): number | undefined {
  if (item.status === 'waiting') return item.nextAttemptAt;
  if (item.status === 'sending') return (item.sendingSince ?? 0) + STALE_SENDING_MS;
  return undefined;
}

/**
 * `ignoreBackoff`: the connection just came back or the user asked, so waiting items go now.
 * `holdsFlushLock`: only the holder of the flush lock sends, so a 'sending' item seen by the holder
 * was left by a page reloaded or a worker stopped mid-send: it goes again now (same idempotency
 * key), instead of showing 送信中 for a minute.
 */
export function isDue(item: Pick<OutboxItem, 'status' | 'nextAttemptAt' | 'sendingSince'>, now: number, ignoreBackoff: boolean, holdsFlushLock = false): boolean {
  if (ignoreBackoff && item.status === 'waiting') return true;
  if (holdsFlushLock && item.status === 'sending') return true;
  const at = dueAt(item);
  return at !== undefined && at <= now;
}
