// 送信一覧 / 受信一覧: the server's list, or the cached copy (marked) when offline.
import { useEffect, useRef } from 'preact/hooks';
import type { Box } from '../../domain/contract';
import { onOutboxChanged } from '../../outbox/channel';
import { online } from '../app/online';
import { ErrorList } from '../common/Alert';
import { formatDateTime } from '../common/format';
import { useAsync } from '../common/use-async';
import { OutboxPanel } from '../outbox/OutboxPanel';
import { loadList } from './list-loader';
import { MessageTable } from './MessageTable';

export function MessageListView({ box }: { box: Box }) {
  const isOnline = online.value;
  const loaded = useAsync(() => loadList(box, online.peek()), [box]);
  const { reload } = loaded;

  // connection back (or gone): ask again, the list on screen stays until the answer comes
  const seenOnline = useRef(isOnline);
  useEffect(() => {
    if (seenOnline.current === isOnline) return;
    seenOnline.current = isOnline;
    reload();
  }, [isOnline, reload]);

  // a send confirmed by the server (from this tab, another or the worker) belongs in 送信一覧 now
  useEffect(() => (box === 'sent' ? onOutboxChanged(reload) : undefined), [box, reload]);

  const list = loaded.value;
  const error = list?.error ?? (loaded.error ? '一覧を読み込めませんでした' : null);
  const sent = box === 'sent';
  return (
    <section>
      <h1>{sent ? '送信一覧' : '受信一覧'}</h1>
      {sent && <OutboxPanel />}
      <div class="toolbar">
        <button type="button" onClick={reload} disabled={loaded.loading}>更新</button>
        {list?.cachedAt != null && <span class="offline-note">オフライン表示({formatDateTime(list.cachedAt)} 取得)</span>}
      </div>
      {error && <ErrorList errors={[error]} />}
      {loaded.loading && !list && <p role="status">読み込み中…</p>}
      {list && list.messages.length === 0 && !list.error && (
        <p class="empty">{sent ? '送信したメッセージはありません' : '受信したメッセージはありません'}</p>
      )}
      {list && list.messages.length > 0 && <MessageTable box={box} messages={list.messages} />}
    </section>
  );
}
