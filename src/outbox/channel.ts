// Every tab and the service worker hear about outbox changes on one BroadcastChannel, so the
// 送信待ち badge stays right whoever changed the outbox.
export const OUTBOX_CHANNEL = 'renkei-outbox';
/** The Background Sync tag the service worker flushes on. */
export const SYNC_TAG = 'renkei-outbox';
export type OutboxEvent = { type: 'outbox-changed' };

export function notifyOutboxChanged(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  // A channel never hears its own posts, so a short-lived sender also reaches this context's listeners.
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.postMessage({ type: 'outbox-changed' } satisfies OutboxEvent);
  channel.close();
}

/** Returns the unsubscribe function. */
export function onOutboxChanged(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<OutboxEvent> | null;
    if (data?.type === 'outbox-changed') listener();
  };
  return () => channel.close();
}
