// 送信一覧 / 受信一覧: pages of 50 from the relay with filters and order (kept in the address), もっと見る
// for the next; offline, the same filters over what this device kept, and the screen says so.
import { useEffect, useRef } from 'preact/hooks';
import type { Box } from '../../domain/contract';
import { hasFilter } from '../../domain/mailbox';
import { onOutboxChanged } from '../../outbox/channel';
import { refreshCounts } from '../app/counts';
import { online } from '../app/online';
import { sessionOwner } from '../app/owner';
import { replaceQuietly } from '../app/router';
import { to } from '../app/routes';
import { ErrorList } from '../common/Alert';
import { formatDateTime } from '../common/format';
import { OutboxPanel } from '../outbox/OutboxPanel';
import { BulkDownload } from './BulkDownload';
import { ListFilters } from './ListFilters';
import { paramsOfView, viewFromParams, type ListView } from './list-query';
import { MessageTable } from './MessageTable';
import { useListPages } from './use-list-pages';
import './messages.css';

export function MessageListView({ box, query }: { box: Box; query: string }) {
  const isOnline = online.value;
  const view = viewFromParams(new URLSearchParams(query));
  const key = paramsOfView(view);
  const owner = sessionOwner();
  const list = useListPages({ owner, box, filter: view.filter, sort: view.sort }, key);
  const { reload } = list;

  // connection back (or gone): ask again, the list on screen stays until the answer comes
  const seenOnline = useRef(isOnline);
  useEffect(() => {
    if (seenOnline.current === isOnline) return;
    seenOnline.current = isOnline;
    reload();
  }, [isOnline, reload]);

  // a send confirmed by the server (from this tab, another or the worker) belongs in 送信一覧 now
  useEffect(() => (box === 'sent' ? onOutboxChanged(reload) : undefined), [box, reload]);

  const apply = (next: ListView) => replaceQuietly(to.list(box, paramsOfView(next)));
  const refresh = () => {
    reload();
    refreshCounts();
  };
  const last = list.last;
  const error = last?.error ?? (list.error ? '一覧を読み込めませんでした' : null);
  const sent = box === 'sent';
  const filtered = hasFilter(view.filter);
  return (
    <section class="message-list">
      <h1>{sent ? '送信一覧' : '受信一覧'}</h1>
      {sent && <OutboxPanel />}
      {!sent && <BulkDownload onDone={refresh} />}
      <ListFilters key={key} box={box} view={view} onApply={apply} />
      <div class="toolbar">
        <button type="button" onClick={refresh} disabled={list.loadingFirst}>更新</button>
        {/* nothing kept: the one message is the error below, not also 「0件を表示しています」 */}
        {last?.offline && last.offline.kept > 0 && (
          <span class="offline-note" role="status">
            オフライン表示: この端末に保存した{last.offline.kept}件{filtered ? `から絞り込んでいます(${last.offline.matching}件)` : 'を表示しています'}
            {last.offline.fetchedAt !== null && `(${formatDateTime(last.offline.fetchedAt)} 取得)`}
          </span>
        )}
      </div>
      {error && <ErrorList errors={[error]} />}
      {list.loadingFirst && <p role="status">読み込み中…</p>}
      {last && list.messages.length === 0 && !last.error && (
        <p class="empty">
          {filtered ? '条件に合うメッセージはありません' : sent ? '送信したメッセージはありません' : '受信したメッセージはありません'}
        </p>
      )}
      {list.messages.length > 0 && <MessageTable box={box} messages={list.messages} now={Date.now()} />}
      {list.messages.length > 0 && (
        <div class="list-more">
          <p class="hint" role="status">{list.messages.length}件を表示{last?.next ? '' : '(すべて表示しました)'}</p>
          {last?.next && (
            <button type="button" onClick={list.more} disabled={list.loadingMore}>
              {list.loadingMore ? '読み込み中…' : 'もっと見る'}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
