// この端末のデータを消去: for a tablet handed on, or a person leaving the office. Says what goes
// (counted over everyone who used the device) before anything is erased.
import { useState } from 'preact/hooks';
import { countDeviceData, type DeviceData } from '../../db/erase';
import { eraseThisDevice } from '../app/auth';
import { ErrorList } from '../common/Alert';
import { Dialog } from '../common/Dialog';

export function EraseDevice() {
  const [counts, setCounts] = useState<DeviceData | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function ask() {
    setFailure(null);
    setDone(false);
    try {
      setCounts(await countDeviceData());
    } catch {
      setFailure('この端末のデータを読み込めませんでした');
    }
  }

  async function erase() {
    setBusy(true);
    try {
      await eraseThisDevice();
      // on the login screen this stays on screen: say it is done
      setCounts(null);
      setDone(true);
    } catch {
      setFailure('消去できませんでした。もう一度お試しください');
    }
    setBusy(false);
  }

  return (
    <div class="erase-device">
      <button type="button" class="danger" onClick={() => void ask()}>この端末のデータを消去</button>
      {done && <p role="status">この端末のデータを消去しました。</p>}
      {!counts && <ErrorList errors={failure ? [failure] : []} />}
      {counts && (
        <Dialog title="この端末のデータを消去" onCancel={() => setCounts(null)}>
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
            <button type="button" onClick={() => setCounts(null)} disabled={busy}>キャンセル</button>
            <button type="button" class="danger" onClick={() => void erase()} disabled={busy}>消去する</button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
