// トップ: where things stand (offline?, outbox, unread received) and the way to each screen.
import { listMessages } from '../../api/client';
import { outboxFailed, outboxWaitingCount } from '../../outbox/signals';
import { InstallCard } from './InstallCard';
import { LogoutEverywhere } from './LogoutEverywhere';
import { online } from '../app/online';
import { to } from '../app/routes';
import { session } from '../app/session';
import { useAsync } from '../common/use-async';

export function TopView() {
  const who = session.value;
  const isOnline = online.value;
  const unread = useUnreadCount(isOnline && Boolean(who?.office));
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
        {unread !== null && <li>{unread > 0 ? `ダウンロードしていない受信メッセージ(未)が ${unread} 件あります。` : '未ダウンロードの受信メッセージはありません。'}</li>}
      </ul>
      {/* names differ from the menu's on purpose: one link per name keeps the menu unambiguous */}
      <div class="tiles">
        <a class="tile" href={to.list('received')}><strong>届いたデータを確認する</strong><span>受信・ダウンロード</span></a>
        <a class="tile" href={to.compose()}><strong>1つの事業所へ送る</strong><span>CSV・PDF等を添付して送信</span></a>
        <a class="tile" href={to.batch()}><strong>多くの事業所へまとめて送る</strong><span>CSVを一度にドロップ</span></a>
        <a class="tile" href={to.list('sent')}><strong>送ったデータの状況を見る</strong><span>ダウンロード状況(未/済)</span></a>
        <a class="tile" href={to.monthly()}><strong>予定と実績を照合する</strong><span>給付管理票の提出(翌月10日)の前に</span></a>
      </div>
      <InstallCard />
      <LogoutEverywhere />
    </section>
  );
}

/** Number of received messages still 未, or null when it cannot be known (offline, no office). */
function useUnreadCount(enabled: boolean): number | null {
  const unread = useAsync(async () => (await listMessages('received')).filter((message) => message.downloadStatus === '未').length, [], enabled);
  return unread.value ?? null;
}
