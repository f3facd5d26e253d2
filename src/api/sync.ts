// STUB signatures: the offline helper implements. The page side of outbox syncing.
/** Registers the page's flush triggers (start, online, visibility, backoff timer) and Background Sync. Call once. */
export function startPageSync(): void {
  throw new Error('not implemented');
}
/** Ask for a flush now (after enqueueing); safe to call often. */
export function requestFlush(): void {
  throw new Error('not implemented');
}
