// 送信取消: the sender withdraws a message nobody has downloaded yet. Asked once more in a dialog;
// the relay refuses (with its reason, shown as is) once any file was downloaded.
import { useState } from 'preact/hooks';
import { ApiFailure, withdrawMessage } from '../../api/client';
import type { MessageSummary } from '../../domain/contract';
import { online } from '../app/online';
import { ErrorList } from '../common/Alert';
import { Dialog } from '../common/Dialog';

export function canWithdraw(message: MessageSummary): boolean {
  return message.withdrawnAt === null && message.files.every((f) => f.downloadedAt === null);
}

/** `onDone(refusal)`: the message changed; `refusal` is the relay's reason when it said no (the button then goes). */
export function WithdrawButton({ message, onDone }: { message: MessageSummary; onDone: (refusal: string | null) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setFailure(null);
    try {
      await withdrawMessage(message.id);
      setAsking(false);
      onDone(null);
    } catch (error) {
      // refused because it was downloaded meanwhile: the screen shows the reason and the new status
      if (error instanceof ApiFailure && error.code === 'already-downloaded') {
        setAsking(false);
        onDone(error.message);
        return;
      }
      setFailure(error instanceof ApiFailure ? error.message : '送信を取り消せませんでした');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="withdraw">
      <button type="button" class="danger" disabled={!online.value} onClick={() => { setFailure(null); setAsking(true); }}>
        送信取消
      </button>
      <p class="field-note">
        {online.value ? '相手先がまだダウンロードしていないため、この送信を取り消せます。' : 'オフラインのため取り消せません。'}
      </p>
      {!asking && <ErrorList errors={failure ? [failure] : []} />}
      {asking && (
        <Dialog title="送信取消の確認" onCancel={() => setAsking(false)}>
          <p>このメッセージの送信を取り消します。相手先はメッセージとファイルを見られなくなり、一覧には「取消」と表示されます。</p>
          <p class="confirm-question">送信を取り消してよろしいですか?</p>
          <ErrorList errors={failure ? [failure] : []} />
          <div class="actions">
            <button type="button" onClick={() => setAsking(false)} disabled={busy}>キャンセル</button>
            <button type="button" class="primary" onClick={() => void confirm()} disabled={busy}>送信を取り消す</button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
