// 一括送信の進行と結果: each office with 送信待ち → 送信中... → 成功 / 失敗, then the counts with OK.
import type { BatchSnapshot, StoredBatchRow } from '../../db/batch';
import type { BatchStatus } from '../../domain/batch';
import { Dialog } from '../common/Dialog';
import { rowLabel } from './BatchTable';
import { isSettled, statusLabel } from './status-label';

export const OFFLINE_WAIT_MESSAGE = 'オフラインのため送信待ちです。接続が戻ると自動で送信します';

/** One office of the run, as the progress view shows it. */
export interface RunEntry {
  id: string;
  label: string;
  status: BatchStatus;
  reason: string | null;
}

/** A row sent in this run, named as it was when the run began. */
export interface RunRow {
  id: string;
  label: string;
}

export function runRowOf(row: StoredBatchRow): RunRow {
  return { id: row.id, label: rowLabel(row) };
}

/**
 * Where each row of the run stands: the list's row, or — once confirmed and gone from the list —
 * the outbox's confirmation. The status is never kept here, only read.
 */
export function runEntries(run: readonly RunRow[], snapshot: Pick<BatchSnapshot, 'rows' | 'sentByRow'>): RunEntry[] {
  return run.flatMap(({ id, label }): RunEntry[] => {
    const row = snapshot.rows.find((r) => r.id === id);
    if (row) return [{ id, label, status: row.status, reason: row.reason }];
    return snapshot.sentByRow.has(id) ? [{ id, label, status: '成功', reason: null }] : [];
  });
}

interface BatchSendDialogProps {
  rows: RunEntry[];
  online: boolean;
  onClose: () => void;
}

export function BatchSendDialog({ rows, online, onClose }: BatchSendDialogProps) {
  const done = rows.every((row) => isSettled(row.status));
  const succeeded = rows.filter((row) => row.status === '成功').length;
  const failed = rows.filter((row) => row.status === '失敗').length;
  return (
    <Dialog title="一括送信" onCancel={onClose}>
      {done ? (
        <>
          <h3>送信結果</h3>
          <p class="batch-counts" role="status">
            成功 {succeeded} 件 / 失敗 {failed} 件
          </p>
          {failed > 0 && <p>失敗した行は一覧に残っています。理由を確かめて、もう一度送信できます。</p>}
        </>
      ) : (
        <p role="status" aria-live="polite">
          {online ? `送信しています(${succeeded + failed} / ${rows.length} 件 完了)` : OFFLINE_WAIT_MESSAGE}
        </p>
      )}
      <div class="table-scroll batch-progress">
        <table>
          <thead>
            <tr>
              <th scope="col">送信先</th>
              <th scope="col">状態</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-status={row.status}>
                <td>{row.label}</td>
                <td>
                  <span class="nowrap">{statusLabel(row)}</span>
                  {row.status === '失敗' && row.reason ? `(${row.reason})` : ''}
                  {row.status !== '失敗' && row.reason ? <small class="batch-reason"> {row.reason}</small> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="actions">
        {done ? (
          <button type="button" class="primary" onClick={onClose}>OK</button>
        ) : (
          <button type="button" onClick={onClose}>閉じる(送信は続きます)</button>
        )}
      </div>
    </Dialog>
  );
}
