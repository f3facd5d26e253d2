// Loads 送信一覧 / 受信一覧 a page at a time: from the relay (keeping what it answers for offline),
// or, offline or when the relay cannot be reached, from what this device kept, with the relay's
// own filter and order (src/domain/mailbox.ts) so a filter means the same either way.
import { ApiFailure, listMessages } from '../../api/client';
import { keepMessages, keptMessages, type Owner } from '../../db/cache';
import type { Box, MessageSummary } from '../../domain/contract';
import { compareForSort, LIST_PAGE_SIZE, matchesFilter, MAX_LIST_PAGE_SIZE, type ListFilter, type ListSort } from '../../domain/mailbox';

export interface PageRequest {
  owner: Owner | null;
  box: Box;
  filter: ListFilter;
  sort: ListSort;
  /** null for the first page; else the `next` of the page before */
  cursor: string | null;
  isOnline: boolean;
  /** the relay's page size when not the usual 50 */
  limit?: number;
}

export interface LoadedPage {
  messages: MessageSummary[];
  /** continues the list (もっと見る); null on the last page */
  next: string | null;
  /** set when the page comes from this device's copy */
  offline: { kept: number; matching: number; fetchedAt: number | null } | null;
  /** why the relay's copy could not be had */
  error: string | null;
}

/** A cursor into this device's copy: pages of the kept list continue from where they stopped. */
const LOCAL = 'local:';

export async function loadPage(req: PageRequest): Promise<LoadedPage> {
  const localOffset = req.cursor?.startsWith(LOCAL) ? Number(req.cursor.slice(LOCAL.length)) : null;
  if (req.isOnline && localOffset === null) {
    try {
      const { messages, next } = await listMessages({
        box: req.box,
        sort: req.sort,
        ...req.filter,
        ...(req.cursor ? { cursor: req.cursor } : {}),
        ...(req.limit ? { limit: req.limit } : {}),
      });
      if (req.owner) await keepMessages(req.owner, req.box, messages).catch(() => undefined);
      return { messages, next, offline: null, error: null };
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      // 401/403 are handled by the session watcher; the cache must not hide them
      if (error.status === 401 || error.status === 403) return { messages: [], next: null, offline: null, error: error.message };
      // a bad filter is the user's to fix, not a reason to go offline
      if (error.status === 400) return { messages: [], next: null, offline: null, error: error.message };
      return fromDevice(req, 0, error.message);
    }
  }
  return fromDevice(req, localOffset ?? 0, null);
}

/**
 * Every message of a box the filter matches, newest first, from the relay (at most `max`); when
 * the relay cannot be reached, `offline` and nothing (a partial copy is not every message).
 */
export async function loadAll(
  req: Pick<PageRequest, 'owner' | 'box' | 'filter'>,
  max = 2000,
): Promise<{ messages: MessageSummary[]; offline: boolean; error: string | null }> {
  const messages: MessageSummary[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: LoadedPage = await loadPage({ ...req, sort: 'newest', cursor, isOnline: true, limit: MAX_LIST_PAGE_SIZE });
    if (page.offline) return { messages: [], offline: true, error: page.error };
    messages.push(...page.messages);
    if (page.error || !page.next || messages.length >= max) return { messages, offline: false, error: page.error };
    cursor = page.next;
  }
}

async function fromDevice(req: PageRequest, offset: number, error: string | null): Promise<LoadedPage> {
  const kept = req.owner ? await keptMessages(req.owner, req.box).catch(() => null) : null;
  if (!kept || kept.messages.length === 0) {
    return { messages: [], next: null, offline: { kept: 0, matching: 0, fetchedAt: null }, error: error ?? 'オフラインのため一覧を取得できません' };
  }
  const matching = kept.messages.filter((m) => matchesFilter(m, req.box, req.filter)).sort(compareForSort(req.sort, req.box));
  const end = offset + LIST_PAGE_SIZE;
  return {
    messages: matching.slice(offset, end),
    next: end < matching.length ? `${LOCAL}${end}` : null,
    offline: { kept: kept.messages.length, matching: matching.length, fetchedAt: kept.fetchedAt },
    error,
  };
}
