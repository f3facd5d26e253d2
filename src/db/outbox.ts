// STUB signatures: the offline helper implements (idb).
import type { KeptFile, OutboxItem } from './types';

export async function enqueueSend(_input: {
  destination: string;
  message: string;
  files: KeptFile[];
  batchRowId?: string;
  draftId?: string;
}): Promise<OutboxItem> {
  throw new Error('not implemented');
}
export async function listOutbox(): Promise<OutboxItem[]> {
  throw new Error('not implemented');
}
