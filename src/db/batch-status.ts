// Where a 一括送信 row stands, read from the outbox every time: the outbox is the one truth about
// a send, so a row's status is never kept, only derived (by batchRowId, and the row's outboxId:
// the send it made last, which the row forgets when it changes).
import type { BatchRow, BatchStatus } from '../domain/batch';
import type { OutboxItem, SentRecord } from '../outbox/types';

export interface OutboxSnapshot {
  items: readonly Pick<OutboxItem, 'id' | 'status' | 'lastError' | 'batchRowId'>[];
  sent: readonly Pick<SentRecord, 'id' | 'batchRowId'>[];
}

export const INTERRUPTED_REASON = '送信が中断されました(送信トレイから取り消されました)。もう一度送信できます。';
const FAILED_REASON = '送信できませんでした。';

/** The row with the status the outbox gives it. */
export function withStatus<P>(record: Omit<BatchRow<P>, 'status' | 'reason'>, outbox: OutboxSnapshot): BatchRow<P> {
  const { status, reason, outboxId } = statusOf(record, outbox);
  const row: BatchRow<P> = { ...record, status, reason };
  if (outboxId !== undefined) row.outboxId = outboxId;
  return row;
}

function statusOf(
  record: Pick<BatchRow<unknown>, 'id' | 'outboxId'>,
  outbox: OutboxSnapshot,
): { status: BatchStatus; reason: string | null; outboxId?: string } {
  const items = outbox.items.filter((item) => item.batchRowId === record.id);
  const active = items.find((item) => item.status !== 'failed');
  if (active) {
    if (active.status === 'sending') return { status: '送信中', reason: null, outboxId: active.id };
    if (active.status === 'needs-login') {
      return { status: '送信待ち', reason: `ログインし直すと送信します。${active.lastError ?? ''}`.trim(), outboxId: active.id };
    }
    // a waiting item with an error is backing off after a network or server error
    return { status: '送信待ち', reason: active.lastError ? `再送を待っています: ${active.lastError}` : null, outboxId: active.id };
  }
  const confirmed = outbox.sent.find((sent) => sent.batchRowId === record.id);
  if (confirmed) return { status: '成功', reason: null, outboxId: confirmed.id };
  if (record.outboxId === undefined) return { status: '未送信', reason: null };
  const failed = items.find((item) => item.id === record.outboxId);
  if (failed) return { status: '失敗', reason: failed.lastError ?? FAILED_REASON, outboxId: failed.id };
  // its send left the outbox unconfirmed (removed from the 送信トレイ)
  return { status: '失敗', reason: INTERRUPTED_REASON, outboxId: record.outboxId };
}

/** Outbox items of this row that failed: removed before the row is sent again, so nothing goes twice. */
export function failedItemsOf(rowId: string, outbox: OutboxSnapshot): string[] {
  return outbox.items.filter((item) => item.batchRowId === rowId && item.status === 'failed').map((item) => item.id);
}
