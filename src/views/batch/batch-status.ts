// Where a 一括送信 row stands, read from the outbox: the outbox is the one truth about a send in
// flight, so the row's status is derived from it (by batchRowId) rather than kept in step by hand.
import { isInFlight, type BatchRow, type BatchStatus } from '../../domain/batch';
import type { OutboxItem, SentRecord } from '../../outbox/types';

export interface OutboxSnapshot {
  items: readonly Pick<OutboxItem, 'id' | 'status' | 'lastError' | 'batchRowId'>[];
  sent: readonly Pick<SentRecord, 'id' | 'batchRowId'>[];
}

export const INTERRUPTED_REASON = '送信が中断されました(送信トレイから取り消されました)。もう一度送信できます。';
const FAILED_REASON = '送信できませんでした。';

/** The row with the status its outbox item (or confirmation) says; the same object when nothing changed. */
export function reconcileRow<P>(row: BatchRow<P>, outbox: OutboxSnapshot): BatchRow<P> {
  const items = outbox.items.filter((item) => item.batchRowId === row.id);
  const active = items.find((item) => item.status !== 'failed');
  if (active) {
    if (active.status === 'sending') return withStatus(row, '送信中', null, active.id);
    if (active.status === 'needs-login') {
      return withStatus(row, '送信待ち', `ログインし直すと送信します。${active.lastError ?? ''}`.trim(), active.id);
    }
    // a waiting item with an error is backing off after a network or server error
    return withStatus(row, '送信待ち', active.lastError ? `再送を待っています: ${active.lastError}` : null, active.id);
  }
  const confirmed = outbox.sent.find((record) => record.batchRowId === row.id);
  if (confirmed) return withStatus(row, '成功', null, confirmed.id);
  const failed = items.find((item) => item.status === 'failed');
  // a row changed after its failure (status back to 未送信) is no longer described by that failure
  if (failed && (isInFlight(row) || row.status === '失敗')) {
    return withStatus(row, '失敗', failed.lastError ?? FAILED_REASON, failed.id);
  }
  if (isInFlight(row)) return withStatus(row, '失敗', INTERRUPTED_REASON, row.outboxId);
  return row;
}

/** Outbox items of this row that failed: removed before the row is sent again, so nothing goes twice. */
export function failedItemsOf(rowId: string, outbox: OutboxSnapshot): string[] {
  return outbox.items.filter((item) => item.batchRowId === rowId && item.status === 'failed').map((item) => item.id);
}

export function isSettled(status: BatchStatus): boolean {
  return status === '成功' || status === '失敗';
}

/** 送信結果 as shown in the table and the progress view. */
export function statusLabel(row: Pick<BatchRow<unknown>, 'status'>): string {
  return row.status === '送信中' ? '送信中...' : row.status;
}

function withStatus<P>(row: BatchRow<P>, status: BatchStatus, reason: string | null, outboxId: string | undefined): BatchRow<P> {
  if (row.status === status && row.reason === reason && row.outboxId === outboxId) return row;
  const next: BatchRow<P> = { ...row, status, reason };
  if (outboxId !== undefined) next.outboxId = outboxId;
  return next;
}
