// The navigation bar on every screen, with who is logged in, the outbox count and offline state.
import { useState } from 'preact/hooks';
import { Dialog } from '../common/Dialog';
import { outboxCount } from '../../outbox/signals';
import { logoutAndLeave } from './auth';
import { online } from './online';
import { route } from './router';
import { session } from './session';

const LINKS = [
  { screen: 'top', label: 'トップ' },
  { screen: 'received', label: '受信一覧' },
  { screen: 'sent', label: '送信一覧' },
  { screen: 'compose', label: '新規作成' },
  { screen: 'drafts', label: '下書き一覧' },
  { screen: 'batch', label: '一括送信' },
] as const;

export function Nav() {
  const current = route.value.segments[0] ?? 'top';
  const active = current === 'messages' ? (route.value.params.get('box') === 'received' ? 'received' : 'sent') : current;
  const who = session.value;
  const waiting = outboxCount.value;
  const [confirmingLogout, setConfirmingLogout] = useState(false);
  // queued sends stay on the device; say so before the person leaves a shared tablet
  const askLogout = () => (waiting > 0 ? setConfirmingLogout(true) : void logoutAndLeave());
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
          <a class="outbox-badge" href="#/sent" aria-label={`送信待ち ${waiting}件`}>
            送信待ち <span class="count">{waiting}</span>
          </a>
        )}
        <button type="button" class="logout" onClick={askLogout}>ログアウト</button>
      </div>
      {confirmingLogout && (
        <Dialog title="ログアウトの確認" onCancel={() => setConfirmingLogout(false)}>
          <p>
            送信待ちが{waiting}件あります。ログアウトしても送信待ちはこの端末に残り、
            同じ事業所の事業所ユーザで再びログインすると送信されます。
          </p>
          <div class="actions">
            <button type="button" onClick={() => setConfirmingLogout(false)}>キャンセル</button>
            <button type="button" class="primary" onClick={() => void logoutAndLeave()}>ログアウト</button>
          </div>
        </Dialog>
      )}
      <nav aria-label="メインメニュー">
        <ul>
          {LINKS.map((link) => (
            <li key={link.screen}>
              <a href={`#/${link.screen}`} aria-current={active === link.screen ? 'page' : undefined}>{link.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
