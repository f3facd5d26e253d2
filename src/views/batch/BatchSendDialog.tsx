// 一括送信の進行と結果: each office with 送信待ち → 送信中... → 成功 / 失敗, then the counts with OK.
import { Dialog } from '../common/Dialog';
import type { StoredBatchRow } from '../../db/batch';
import { isSettled, statusLabel } from './batch-status';
import { rowLabel } from './BatchTable';

export const OFFLINE_WAIT_MESSAGE = 'オフラインのため送信待ちです。接続が戻ると自動で送信します';

interface BatchSendDialogProps {
  rows: StoredBatchRow[];
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
                <td>{rowLabel(row)}</td>
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
