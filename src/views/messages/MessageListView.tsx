// 送信一覧 / 受信一覧: the server's list, or the cached copy (marked) when offline.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { onOutboxChanged } from '../../outbox/channel';
import type { Box } from '../../domain/contract';
import { OutboxPanel } from '../outbox/OutboxPanel';
import { ErrorList } from '../common/Alert';
import { formatDateTime } from '../common/format';
import { online } from '../app/online';
import { loadList, type LoadedList } from './list-loader';
import { MessageTable } from './MessageTable';

export function MessageListView({ box }: { box: Box }) {
  const [list, setList] = useState<LoadedList | null>(null);
  const [loading, setLoading] = useState(true);
  const isOnline = online.value;

  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      setList(await loadList(box, online.peek()));
    } finally {
      setLoading(false);
    }
  }, [box]);

  useEffect(() => {
    void refresh();
  }, [refresh, isOnline]);

  // a send confirmed by the server (from this tab, another or the worker) belongs in 送信一覧 now
  useEffect(() => (box === 'sent' ? onOutboxChanged(() => void refresh()) : undefined), [box, refresh]);

  const sent = box === 'sent';
  return (
    <section>
      <h1>{sent ? '送信一覧' : '受信一覧'}</h1>
      {sent && <OutboxPanel />}
      <div class="toolbar">
        <button type="button" onClick={() => void refresh()} disabled={loading}>更新</button>
        {list?.cachedAt != null && <span class="offline-note">オフライン表示({formatDateTime(list.cachedAt)} 取得)</span>}
      </div>
      {list?.error && <ErrorList errors={[list.error]} />}
      {loading && !list && <p role="status">読み込み中…</p>}
      {list && list.messages.length === 0 && !list.error && (
        <p class="empty">{sent ? '送信したメッセージはありません' : '受信したメッセージはありません'}</p>
      )}
      {list && list.messages.length > 0 && <MessageTable box={box} messages={list.messages} />}
    </section>
  );
}
