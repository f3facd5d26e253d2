// トップ: where things stand (offline?, outbox, unread received) and the way to each screen.
import { outboxFailed, outboxWaitingCount } from '../../outbox/signals';
import { InstallCard } from './InstallCard';
import { LogoutEverywhere } from './LogoutEverywhere';
import { online } from '../app/online';
import { to } from '../app/routes';
import { session } from '../app/session';
import { counts } from '../app/counts';
import { NotifySetting } from './NotifySetting';

export function TopView() {
  const who = session.value;
  const isOnline = online.value;
  // the counts stay from the last answer while offline; before any answer they are not known
  const known = who?.office ? counts.value : null;
  const waiting = outboxWaitingCount.value;
  const failed = outboxFailed.value.length;
  return (
    <section class="top">
      <h1>トップ</h1>
      <ul class="status-list">
        <li>{isOnline ? 'オンラインです。' : 'オフラインです。送信は接続が戻ると自動で行われます。'}</li>
        <li>{waiting > 0 ? `送信待ちが ${waiting} 件あります。` : '送信待ちはありません。'}</li>
        {failed > 0 && <li class="text-error">送信できなかったものが {failed} 件あります。理由を確かめて、もう一度送信してください。</li>}
        {!who?.office && <li>送受信の前に<a href={to.officeLogin()}>事業所ユーザログイン</a>が必要です。</li>}
        {known && (
          <li>
            {known.unread > 0 ? (
              <a href={to.list('received', `status=${encodeURIComponent('未')}`)}>ダウンロードしていない受信メッセージ(未)が {known.unread} 件あります。</a>
            ) : (
              '未ダウンロードの受信メッセージはありません。'
            )}
          </li>
        )}
        {known && known.expiringReceived > 0 && (
          <li class="expiry-line">
            保存期限まで7日以内の未ダウンロードの受信メッセージが <strong>{known.expiringReceived} 件</strong>あります。期限を過ぎると削除されます。
          </li>
        )}
        {known && known.expiringSent > 0 && (
          <li class="expiry-line">
            送信したメッセージのうち <strong>{known.expiringSent} 件</strong>が、相手先の未ダウンロードのまま7日以内に保存期限を迎えます。
          </li>
        )}
      </ul>
      {/* names differ from the menu's on purpose: one link per name keeps the menu unambiguous */}
      <div class="tiles">
        <a class="tile" href={to.list('received')}><strong>届いたデータを確認する</strong><span>受信・ダウンロード</span></a>
        <a class="tile" href={to.compose()}><strong>1つの事業所へ送る</strong><span>CSV・PDF等を添付して送信</span></a>
        <a class="tile" href={to.batch()}><strong>多くの事業所へまとめて送る</strong><span>CSVを一度にドロップ</span></a>
        <a class="tile" href={to.list('sent')}><strong>送ったデータの状況を見る</strong><span>ダウンロード状況(未/済)</span></a>
        <a class="tile" href={to.monthly()}><strong>予定と実績を照合する</strong><span>給付管理票の提出(翌月10日)の前に</span></a>
      </div>
      {who?.office && <NotifySetting />}
      <InstallCard />
      <LogoutEverywhere />
    </section>
  );
}
