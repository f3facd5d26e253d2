// The navigation bar on every screen, with who is logged in, the outbox count and offline state.
import { useState } from 'preact/hooks';
import { Dialog } from '../common/Dialog';
import { outboxCount, outboxFailed, outboxWaitingCount } from '../../outbox/signals';
import { counts } from './counts';
import '../messages/messages.css';
import { logoutAndLeave } from './auth';
import { online } from './online';
import { route } from './router';
import { boxOf, MENU, SCREENS, screenOf, to } from './routes';
import { session } from './session';

export function Nav() {
  const current = screenOf(route.value);
  // a message's detail belongs to the list it was opened from; a person's 予定 ⇄ 実績 to 月次チェック;
  // 一括送信の編集 (新規作成 for one row) to 一括送信
  const editsBatchRow = current === 'compose' && route.value.params.get('batchRow') !== null;
  const active = current === 'messages' ? boxOf(route.value) : current === 'compare' ? 'monthly' : editsBatchRow ? 'batch' : current;
  const who = session.value;
  const kept = outboxCount.value;
  const waiting = outboxWaitingCount.value;
  const failed = outboxFailed.value;
  // a failed 一括送信 row is mended and sent again from 一括送信; any other failure from the 送信トレイ
  const failedHref = failed.length > 0 && failed.every((item) => item.batchRowId !== undefined) ? to.batch() : to.list('sent');
  const [confirmingLogout, setConfirmingLogout] = useState(false);
  const unread = who?.office ? (counts.value?.unread ?? 0) : 0;
  // queued sends stay on the device; say so before the person leaves a shared tablet
  const askLogout = () => (kept > 0 ? setConfirmingLogout(true) : void logoutAndLeave());
  return (
    <header class="app-header">
      <div class="header-top">
        <span class="brand">Renkei</span>
        <div class="who">
          {who && <span class="person">{who.user.name}</span>}
          {who?.office && <span class="office">{who.office.name}({who.office.number})</span>}
        </div>
        {!online.value && <span class="offline-badge" role="status">オフライン</span>}
        {waiting > 0 && (
          <a class="outbox-badge" href={to.list('sent')} aria-label={`送信待ち ${waiting}件`}>
            送信待ち <span class="count">{waiting}</span>
          </a>
        )}
        {failed.length > 0 && (
          <a class="outbox-badge outbox-badge-failed" href={failedHref} aria-label={`送信できなかったもの ${failed.length}件`}>
            送信失敗 <span class="count">{failed.length}</span>
          </a>
        )}
        <button type="button" class="logout" onClick={askLogout}>ログアウト</button>
      </div>
      {confirmingLogout && (
        <Dialog title="ログアウトの確認" onCancel={() => setConfirmingLogout(false)}>
          <p>
            {[waiting > 0 && `送信待ちが${waiting}件`, failed.length > 0 && `送信できなかったものが${failed.length}件`].filter(Boolean).join('、')}あります。ログアウトしてもこの端末に残り、
            あなたが同じ事業所で再びログインすると送信されます。ほかの人がログインしても送信されず、表示もされません。
          </p>
          <div class="actions">
            <button type="button" onClick={() => setConfirmingLogout(false)}>キャンセル</button>
            <button type="button" class="primary" onClick={() => void logoutAndLeave()}>ログアウト</button>
          </div>
        </Dialog>
      )}
      <nav aria-label="メインメニュー">
        <ul>
          {MENU.map((screen) => (
            <li key={screen}>
              {/* the count stays out of the link's name (受信一覧), told as its description */}
              <a
                href={to.screen(screen)}
                aria-current={active === screen ? 'page' : undefined}
                aria-describedby={screen === 'received' && unread > 0 ? 'nav-unread' : undefined}
              >
                {SCREENS[screen].label}
                {screen === 'received' && unread > 0 && <span class="nav-count" aria-hidden="true">{unread > 999 ? '999+' : unread}</span>}
              </a>
              {screen === 'received' && unread > 0 && <span id="nav-unread" class="visually-hidden">未ダウンロード {unread}件</span>}
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
