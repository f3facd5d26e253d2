// すべての端末のログインを解除 (logout everywhere): for a tablet that was lost or left logged in somewhere.
import { useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client-core';
import { logoutEverywhereAndLeave } from '../app/auth';
import { online } from '../app/online';
import { ErrorList } from '../common/Alert';
import { Dialog } from '../common/Dialog';
import { to } from '../app/routes';
import { EraseDevice } from './EraseDevice';

export function LogoutEverywhere() {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setFailure(null);
    try {
      await logoutEverywhereAndLeave();
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error.message : 'ログアウトできませんでした。もう一度お試しください');
      setBusy(false);
    }
  }

  return (
    <section class="account" aria-labelledby="account-heading">
      <h2 id="account-heading">アカウント</h2>
      <p>
        <a href={to.password()}>パスワードを変更</a>
      </p>
      <p>端末をなくしたときや、ほかの端末でログインしたままのときに使います。</p>
      <button type="button" onClick={() => setAsking(true)} disabled={!online.value}>
        すべての端末のログインを解除
      </button>
      {!online.value && <p class="hint">オフラインのため使えません。</p>}
      <p>
        この端末をほかの人に渡すときや、使わなくなるときは、この端末に残っているデータ(すべての利用者の下書き・送信待ち・一覧の控え)を消去できます。
      </p>
      <EraseDevice />
      {asking && (
        <Dialog title="すべての端末のログインを解除" onCancel={() => setAsking(false)}>
          <p>このユーザIDでログインしているすべての端末(この端末を含む)のログインを解除します。よろしいですか?</p>
          <ErrorList errors={failure ? [failure] : []} />
          <div class="actions">
            <button type="button" onClick={() => setAsking(false)} disabled={busy}>キャンセル</button>
            <button type="button" class="primary" onClick={() => void confirm()} disabled={busy}>OK</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
