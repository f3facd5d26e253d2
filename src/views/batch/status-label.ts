// 送信結果 as the table and the progress view say it.
import type { BatchRow, BatchStatus } from '../../domain/batch';

export function isSettled(status: BatchStatus): boolean {
  return status === '成功' || status === '失敗';
}

export function statusLabel(row: Pick<BatchRow<unknown>, 'status'>): string {
  return row.status === '送信中' ? '送信中...' : row.status;
}
