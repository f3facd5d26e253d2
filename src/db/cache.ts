// Last fetched 送信一覧/受信一覧, so the app can show them when it opens offline.
import type { Box, MessageSummary } from '../domain/contract';
import { openRenkeiDb } from './db';

export async function putCachedList(box: Box, messages: MessageSummary[], fetchedAt: number): Promise<void> {
  await (await openRenkeiDb()).put('cache', { box, messages, fetchedAt });
}

export async function getCachedList(box: Box): Promise<{ messages: MessageSummary[]; fetchedAt: number } | undefined> {
  const entry = await (await openRenkeiDb()).get('cache', box);
  return entry ? { messages: entry.messages, fetchedAt: entry.fetchedAt } : undefined;
}

/** On logout the next person on this tablet must not see the last office's lists. */
export async function clearCachedLists(): Promise<void> {
  await (await openRenkeiDb()).clear('cache');
}
