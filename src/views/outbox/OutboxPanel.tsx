// 送信トレイ: the sends not yet confirmed by the server, with 再送, 削除 and (refused ones) 下書きに戻す.
import { useRef, useState } from 'preact/hooks';
import { requestFlush, resumeAfterLogin } from '../../outbox/triggers';
import { removeOutboxItem, retryOutboxItem } from '../../outbox/store';
import { returnToDraft } from '../../outbox/to-draft';
import type { OutboxItem } from '../../outbox/types';
import { online } from '../app/online';
import { navigate } from '../app/router';
import { to } from '../app/routes';
import { Dialog } from '../common/Dialog';
import { FileNameList } from '../common/FileName';
import { formatDateTime, officeLabel } from '../common/format';
import { Office } from '../common/Office';
import { useOfficeNames } from '../common/office-names';
import { useRefocusAfterRemoval } from '../common/refocus-row';
import { outboxItems, outboxPausedForLogin } from '../../outbox/signals';
import { StorageNotice } from './StorageNotice';
import { outboxSummary } from './summary';
import './outbox.css';

export function statusLabel(item: OutboxItem): string {
  switch (item.status) {
    case 'waiting':
      return '送信待ち';
    case 'sending':
      return '送信中';
    case 'failed':
      return '失敗';
    case 'needs-login':
      return '再ログインが必要';
  }
}

function OutboxMessage({ message, fileCount }: { message: string; fileCount: number }) {
  const { firstLine, files } = outboxSummary(message, fileCount);
  return (
    <p class="outbox-message">
      {firstLine ? <span class="outbox-message-line">{firstLine}</span> : <span class="outbox-message-none">(メッセージなし)</span>}
      <small class="outbox-file-count">{files}</small>
    </p>
  );
}

export function OutboxPanel() {
  // a 一括送信 row that failed is mended and sent again from 一括送信 (one place, one 再送):
  // listed here as well it could be sent twice over two paths
  const all = outboxItems.value;
  const items = all.filter((item) => !(item.status === 'failed' && item.batchRowId !== undefined));
  const batchFailures = all.length - items.length;
  const [removing, setRemoving] = useState<OutboxItem | null>(null);
  const names = useOfficeNames(items.map((item) => item.destination), online.value);
  const section = useRef<HTMLElement>(null);
  const removed = useRefocusAfterRemoval(items.map((item) => item.id), section, 'h2');

  async function retry(item: OutboxItem) {
    await retryOutboxItem(item.id);
    // The user asking again is as good as a fresh login for lifting the pause: a new 401 sets it again.
    if (outboxPausedForLogin.value || item.status === 'needs-login') await resumeAfterLogin();
    else requestFlush();
  }

  /** A refusal 再送 cannot mend: corrected in 新規作成 from a draft, files and message kept. */
  async function toDraft(item: OutboxItem) {
    const draft = await returnToDraft(item.id);
    if (draft) navigate(to.compose({ draft: draft.id }));
  }

  async function remove(item: OutboxItem) {
    setRemoving(null);
    removed(item.id);
    await removeOutboxItem(item.id);
  }

  return (
    <section class="outbox" aria-labelledby="outbox-title" ref={section}>
      <h2 id="outbox-title" tabIndex={-1}>送信トレイ</h2>
      {!online.value && <p class="alert alert-warning" role="status">オフラインです。接続が戻ると自動で送信します</p>}
      {outboxPausedForLogin.value && items.length > 0 && (
        <p class="alert alert-warning" role="status">ログインが切れたため送信を止めています。もう一度ログインすると送信を再開します</p>
      )}
      <StorageNotice holds={all.length > 0} />
      {batchFailures > 0 && (
        <p class="alert alert-warning" role="status">
          一括送信で送信できなかったものが{batchFailures}件あります。<a href={to.batch()}>一括送信</a>の一覧で理由を確かめ、そこからもう一度送信してください。
        </p>
      )}
      {items.length === 0 ? (
        <p class="empty">送信待ちのデータはありません</p>
      ) : (
        <div class="table-scroll">
          <table class="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">送信先</th>
                <th scope="col">ファイル</th>
                <th scope="col">作成日時</th>
                <th scope="col">状態</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td data-label="送信先">
                    <Office number={item.destination} name={names.get(item.destination)} />
                  </td>
                  <td class="files-cell" data-label="ファイル">
                    <OutboxMessage message={item.message} fileCount={item.files.length} />
                    <FileNameList names={item.files.map((file) => file.name)} />
                  </td>
                  <td class="nowrap inline-on-phone" data-label="作成日時">{formatDateTime(item.createdAt)}</td>
                  <td class={`outbox-status inline-on-phone outbox-status-${item.status}`} data-label="状態">
                    {statusLabel(item)}
                    {item.status === 'failed' && item.lastError && <span class="reason"> ({item.lastError})</span>}
                    {item.status === 'waiting' && item.lastError && <small class="reason"> 前回: {item.lastError}</small>}
                  </td>
                  <td class="row-actions">
                    <button type="button" disabled={item.status === 'sending'} onClick={() => void retry(item)}>再送</button>
                    {item.status === 'failed' && <button type="button" onClick={() => void toDraft(item)}>下書きに戻す</button>}
                    <button type="button" onClick={() => setRemoving(item)}>削除</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removing && (
        <Dialog title="送信の取り消し" onCancel={() => setRemoving(null)}>
          <p>送信先 {officeLabel({ number: removing.destination, name: names.get(removing.destination) })} への送信を送信トレイから削除します。まだ届いていないデータは送信されません。よろしいですか?</p>
          <div class="actions">
            <button type="button" onClick={() => setRemoving(null)}>キャンセル</button>
            <button type="button" class="danger" onClick={() => void remove(removing)}>削除</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
