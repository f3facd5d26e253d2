// The detail of one sent or received message, with downloads, the CSV preview and, for a
// received 予定 / 実績, what changed since the earlier one.
import { useRef } from 'preact/hooks';
import { ApiFailure, getMessage } from '../../api/client';
import { getCachedList } from '../../db/cache';
import type { Box, MessageSummary } from '../../domain/contract';
import { to } from '../app/routes';
import { ErrorList } from '../common/Alert';
import { useAsync } from '../common/use-async';
import { formatDate, formatDateTime, officeLabel } from '../common/format';
import { useFileBytes } from './file-bytes';
import { FileRows } from './FileRows';
import { MessageComparison } from '../reconcile/MessageComparison';
import { PlanChanges } from './PlanChanges';

async function loadMessage(id: string, box: Box): Promise<{ message: MessageSummary | null; error: string | null }> {
  try {
    return { message: await getMessage(id), error: null };
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    const cached = error.isNetwork ? await getCachedList(box).catch(() => undefined) : undefined;
    return { message: cached?.messages.find((message) => message.id === id) ?? null, error: error.message };
  }
}

export function MessageDetailView({ id, box }: { id: string; box: Box }) {
  const detail = useAsync(() => loadMessage(id, box), [id, box]);
  const { reload } = detail;
  // a reload that fails (offline) keeps the message on screen with the reason
  const shown = useRef<MessageSummary | null>(null);
  if (detail.value?.message) shown.current = detail.value.message;
  const message = shown.current;
  const error = detail.value?.error ?? (detail.error ? 'メッセージを読み込めませんでした' : null);
  const loading = detail.value === undefined && !detail.error;

  const sent = box === 'sent';
  const fileBytes = useFileBytes(!sent, reload);
  const listHash = to.list(box);
  const back = (
    <a class="button" href={listHash}>戻る</a>
  );
  // A long detail (previews, changes) must not be scrolled through to leave it. Its name is not
  // 「戻る」 (one 戻る per screen) nor a nav link's (送信一覧 / 受信一覧 appear once).
  const backTop = (
    <p class="back-top">
      <a href={listHash}><span aria-hidden="true">‹</span>一覧へ</a>
    </p>
  );
  if (loading) return <p role="status">読み込み中…</p>;
  if (!message) {
    return (
      <section>
        <h1>メッセージ詳細</h1>
        <ErrorList errors={[error ?? 'メッセージが見つかりません']} />
        {back}
      </section>
    );
  }
  const csv = message.files.filter((file) => file.category !== 'PDF等');
  const others = message.files.filter((file) => file.category === 'PDF等');
  return (
    <section class="detail">
      {backTop}
      <h1>{sent ? '送信メッセージ' : '受信メッセージ'}</h1>
      <ErrorList errors={error ? [error] : []} />
      <dl class="detail-list">
        {/* the same moment the list shows, under the list's name for it */}
        <dt>{sent ? '送信日時' : '受信日時'}</dt>
        <dd>{formatDateTime(message.sentAt)}</dd>
        <dt>{sent ? '送信先事業所番号' : '送信元事業所番号'}</dt>
        <dd>{officeLabel(sent ? message.destination : message.sender)}</dd>
        <dt>ダウンロード状況</dt>
        <dd>{message.downloadStatus}{message.downloadedAt ? `(${formatDateTime(message.downloadedAt)})` : ''}</dd>
        <dt>メッセージ</dt>
        <dd class="message-text">{message.message || 'なし'}</dd>
        <dt>保存期限</dt>
        <dd>{formatDate(message.expiresAt)}</dd>
      </dl>
      <FileRows
        message={message}
        csvFiles={csv}
        otherFiles={others}
        marksDownload={!sent}
        onDownloaded={reload}
        fileBytes={fileBytes}
      />
      {!sent && <MessageComparison message={message} fileBytes={fileBytes} />}
      {!sent && <PlanChanges message={message} fileBytes={fileBytes} />}
      <div class="actions">{back}</div>
    </section>
  );
}
