// 一括送信の確認: how many rows go to how many offices, the rows that cannot go, and — as
// 新規作成's 送信確認 does, in the same words — the rows whose send unit already went from this
// device (a warning, never a block; those rows can be left out with one button).
import { countDestinations } from '../../domain/batch';
import { findSameSends, SAME_SEND_ADVICE, sameSendWarning } from '../../domain/same-send';
import type { StoredBatchRow } from '../../db/batch';
import { Dialog } from '../common/Dialog';
import { earlierSends } from '../common/earlier-sends';
import { useAsync } from '../common/use-async';
import { rowLabel } from './BatchTable';

interface BatchConfirmDialogProps {
  rows: StoredBatchRow[];
  /** selected rows that cannot go */
  skipped: number;
  onCancel: () => void;
  onOk: (rows: StoredBatchRow[]) => void;
}

export function BatchConfirmDialog({ rows, skipped, onCancel, onOk }: BatchConfirmDialogProps) {
  // an unreadable store just shows no warning
  const earlier = useAsync(() => earlierSends().catch(() => []), []);
  const going = rows.flatMap((row) => (row.destination === null ? [] : [{ stored: row, id: row.id, destination: row.destination, fileNames: row.files.map((f) => f.name) }]));
  const same = earlier.value ? findSameSends(going, earlier.value).map(({ row, send }) => ({ row: row.stored, send })) : [];
  const repeated = new Set(same.map(({ row }) => row.id));
  const fresh = rows.filter((row) => !repeated.has(row.id));
  return (
    <Dialog title="一括送信の確認" onCancel={onCancel}>
      <p>選択した {rows.length} 件(送信先 {countDestinations(rows)} 事業所)を送信します。</p>
      {/* 「以上の内容」 must be on screen: the rows that go, by office and ファイル出力日時 */}
      <ul class="batch-confirm-rows" aria-label="送信する行">
        {rows.map((row) => <li key={row.id}>{rowLabel(row)}</li>)}
      </ul>
      <p>以上の内容で送信してよろしいですか?</p>
      {skipped > 0 && <p class="batch-skip-note">選択したうち送信できない {skipped} 件は送信しません(一覧に残ります)。</p>}
      {same.length > 0 && (
        <div class="alert alert-warning same-send" role="alert">
          <p>同じファイルを送ったことがある行が {same.length} 件あります。</p>
          <ul class="same-send-rows">
            {same.map(({ row, send }) => (
              <li key={row.id}>
                <span class="same-send-row">{rowLabel(row)}</span>: {sameSendWarning(send)}
              </li>
            ))}
          </ul>
          <p>{SAME_SEND_ADVICE}</p>
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={onCancel}>キャンセル</button>
        {same.length > 0 && fresh.length > 0 && (
          <button type="button" onClick={() => onOk(fresh)}>この {same.length} 件を除いて送信</button>
        )}
        <button type="button" class="primary" onClick={() => onOk(rows)}>OK</button>
      </div>
    </Dialog>
  );
}
