// The outbox's records in IndexedDB: the items waiting for the relay's confirmation, and what a
// confirmed send left behind.
import type { Owner } from '../db/schema';
import type { KeptFile } from '../db/types';
import type { MessageSummary } from '../domain/contract';

export type OutboxStatus = 'waiting' | 'sending' | 'failed' | 'needs-login';

export interface OutboxItem {
  /** also the idempotency key sent to the server */
  id: string;
  /** who queued it: it leaves only under this person's and office's login (src/db/owner.ts) */
  owner: Owner;
  /** the office logged in when the send was queued; it goes out only under that office */
  sender?: string;
  destination: string;
  message: string;
  files: KeptFile[];
  createdAt: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  /** the server's (or the network's) reason, in Japanese */
  lastError?: string;
  /** set when the send came from a 一括送信 row */
  batchRowId?: string;
  /** the draft this send came from, deleted once the send is confirmed */
  draftId?: string;
  /** when a flush marked it 'sending'; a tab that died mid-send leaves it stale */
  sendingSince?: number;
}

/** What a confirmed send left behind, so screens can show 成功 after the item left the outbox. */
export interface SentRecord {
  id: string;
  owner: Owner;
  batchRowId?: string;
  result: MessageSummary;
  confirmedAt: number;
}
