// Loads 送信一覧/受信一覧 from the server, keeping a copy for offline; falls back to the copy
// when offline or when the server cannot be reached.
import { ApiFailure, listMessages } from '../../api/client';
import { getCachedList, putCachedList } from '../../db/cache';
import type { Box, MessageSummary } from '../../domain/contract';

export interface LoadedList {
  messages: MessageSummary[];
  /** set when the list shown is the cached copy: when it was fetched */
  cachedAt: number | null;
  /** why the server copy could not be had (network or server error) */
  error: string | null;
}

export async function loadList(box: Box, isOnline: boolean): Promise<LoadedList> {
  if (isOnline) {
    try {
      const messages = await listMessages(box);
      await putCachedList(box, messages, Date.now()).catch(() => undefined);
      return { messages, cachedAt: null, error: null };
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      // 401/403 are handled by the session watcher; the cache must not hide them
      if (error.status === 401 || error.status === 403) return { messages: [], cachedAt: null, error: error.message };
      return fromCache(box, error.message);
    }
  }
  return fromCache(box, null);
}

async function fromCache(box: Box, error: string | null): Promise<LoadedList> {
  const cached = await getCachedList(box).catch(() => undefined);
  if (!cached) return { messages: [], cachedAt: null, error: error ?? 'オフラインのため一覧を取得できません' };
  return { messages: cached.messages, cachedAt: cached.fetchedAt, error };
}
