// STUB signatures: the offline helper implements (idb). Last fetched 送信一覧/受信一覧 for offline start.
import type { Box, MessageSummary } from '../domain/contract';

export async function putCachedList(_box: Box, _messages: MessageSummary[], _fetchedAt: number): Promise<void> {
  throw new Error('not implemented');
}
export async function getCachedList(_box: Box): Promise<{ messages: MessageSummary[]; fetchedAt: number } | undefined> {
  throw new Error('not implemented');
}
