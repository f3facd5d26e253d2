// この端末のデータを消去's question: what goes (counted over everyone who used the device) before
// anything is erased. Loaded with the counts when the button is pressed (./EraseDevice.tsx): a
// rare step that the first screen does not download.
import { useState } from 'preact/hooks';
import type { DeviceData } from '../../db/erase';
import { eraseThisDevice } from '../app/auth';
import { ErrorList } from '../common/Alert';
import { Dialog } from '../common/Dialog';

export { countDeviceData } from '../../db/erase';

export function EraseDeviceDialog({ counts, onCancel, onErased }: { counts: DeviceData; onCancel: () => void; onErased: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function erase() {
    setBusy(true);
    try {
      await eraseThisDevice();
      onErased();
    } catch {
      setFailure('消去できませんでした。もう一度お試しください');
      setBusy(false);
    }
  }

  return (
    <Dialog title="この端末のデータを消去" onCancel={onCancel}>
      {counts.people === 0 ? (
        <p>この端末には下書きや送信待ちは保存されていません。一覧の控えとログインの記録を消去します。</p>
      ) : (
        <p>
          この端末に保存されている、すべての利用者({counts.people}人)の下書き {counts.drafts} 件、送信待ち {counts.outbox} 件、
          一括送信の一覧 {counts.batch} 行、予定 ⇄ 実績のために保存した予定・実績 {counts.usage} ファイル、
          {counts.autosave > 0 ? `新規作成の作成途中の内容 ${counts.autosave} 件、` : ''}受信・送信一覧の控えを削除し、ログアウトします。
        </p>
      )}
      {counts.outbox > 0 && <p class="alert alert-warning">送信待ちの {counts.outbox} 件は送信されなくなります。</p>}
      <p>元に戻せません。よろしいですか?</p>
      <ErrorList errors={failure ? [failure] : []} />
      <div class="actions">
        <button type="button" onClick={onCancel} disabled={busy}>キャンセル</button>
        <button type="button" class="danger" onClick={() => void erase()} disabled={busy}>消去する</button>
      </div>
    </Dialog>
  );
}
