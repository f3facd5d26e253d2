// Reading whole mailboxes in tests, page by page through the Store (as the relay's list route does).
import type { Box } from '../../src/domain/contract';
import type { MessageRecord, PageRequest, Store } from '../../server/db/types';

/** A moment before any test message expires: the pages then leave none out for retention. */
export const BEFORE_ANY_EXPIRY = '2000-01-01T00:00:00.000Z';

/** Every message of the box, newest first (or as `request` sorts and filters). */
export async function allMessages(store: Store, box: Box, office: string, request: Partial<PageRequest> = {}): Promise<MessageRecord[]> {
  const all: MessageRecord[] = [];
  let after: PageRequest['after'] = null;
  for (;;) {
    const sort = request.sort ?? 'newest';
    const page = await store.messages.page({ box, office, nowIso: BEFORE_ANY_EXPIRY, filter: {}, sort, limit: 100, ...request, after });
    all.push(...page.records);
    const last = page.records.at(-1);
    if (!page.more || !last) return all;
    after = { sentAt: last.sentAt, id: last.id, ...(sort === 'office' ? { office: box === 'sent' ? last.destination : last.sender } : {}) };
  }
}
