// 送信確認: what will be sent, asked once more before it goes to the outbox.
import { findSameSend, SAME_SEND_ADVICE, sameSendWarning } from '../../domain/same-send';
import { Dialog } from '../common/Dialog';
import { FileNameList } from '../common/FileName';
import { useAsync } from '../common/use-async';
import { earlierSends } from '../common/earlier-sends';
import type { PickedFile } from './picked-files';

interface ConfirmDialogProps {
  destination: string;
  destinationName: string | null;
  files: PickedFile[];
  message: string;
  busy: boolean;
  onCancel: () => void;
  onOk: () => void;
}

export function ConfirmDialog({ destination, destinationName, files, message, busy, onCancel, onOk }: ConfirmDialogProps) {
  const csv = files.filter((file) => file.category !== 'PDF等');
  const others = files.filter((file) => file.category === 'PDF等');
  // a warning, never a block: an unreadable store just shows none
  const earlier = useAsync(() => earlierSends().catch(() => []), []);
  const same = earlier.value ? findSameSend(destination, files.map((file) => file.name), earlier.value) : null;
  return (
    <Dialog title="送信確認" onCancel={onCancel}>
      <dl class="detail-list">
        <dt>相手先事業所番号</dt>
        <dd>{destination}{destinationName ? ` ${destinationName}` : ''}</dd>
        <dt>添付ファイル(CSV)</dt>
        <dd>{csv.length ? <FileNameList names={csv.map((file) => file.name)} /> : 'なし'}</dd>
        <dt>添付ファイル(PDF等)</dt>
        <dd>{others.length ? <FileNameList names={others.map((file) => file.name)} /> : 'なし'}</dd>
        <dt>メッセージ</dt>
        <dd class="message-text">{message || 'なし'}</dd>
      </dl>
      {same && <p class="alert alert-warning same-send" role="alert">{sameSendWarning(same)}。{SAME_SEND_ADVICE}</p>}
      <p class="confirm-question">以上の内容で送信してよろしいですか?</p>
      <div class="actions">
        <button type="button" onClick={onCancel} disabled={busy}>キャンセル</button>
        <button type="button" class="primary" onClick={onOk} disabled={busy}>OK</button>
      </div>
    </Dialog>
  );
}
