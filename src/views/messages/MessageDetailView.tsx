// The detail of one sent or received message, with downloads, the CSV preview and, for a
// received 予定 / 実績, what changed since the earlier one.
import { useRef, useState } from 'preact/hooks';
import { ApiFailure, getMessage } from '../../api/client';
import { keptMessage } from '../../db/cache';
import type { Box, MessageSummary } from '../../domain/contract';
import { sessionOwner } from '../app/owner';
import { to } from '../app/routes';
import { ErrorList } from '../common/Alert';
import { useAsync } from '../common/use-async';
import { formatDate, formatDateTime, officeLabel } from '../common/format';
import { expiresSoon } from '../../domain/mailbox';
import { refreshCounts } from '../app/counts';
import { PrintButton } from '../common/PrintButton';
import { useFileBytes } from './file-bytes';
import { canWithdraw, WithdrawButton } from './WithdrawButton';
import { FileRows } from './FileRows';
import { MessageComparison } from '../reconcile/MessageComparison';
import { PlanChanges } from './PlanChanges';

interface Loaded {
  message: MessageSummary | null;
  error: string | null;
  /** the relay could not be reached and the device's copy is shown: said calmly, as 送信一覧 does */
  kept: boolean;
}

async function loadMessage(id: string, box: Box): Promise<Loaded> {
  try {
    return { message: await getMessage(id), error: null, kept: false };
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    const owner = sessionOwner();
    const cached = error.isNetwork && owner ? await keptMessage(owner, box, id).catch(() => undefined) : undefined;
    return cached ? { message: cached, error: null, kept: true } : { message: null, error: error.message, kept: false };
  }
}

export function MessageDetailView({ id, box }: { id: string; box: Box }) {
  const detail = useAsync(() => loadMessage(id, box), [id, box]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { reload } = detail;
  // a reload that fails (offline) keeps the message on screen with the reason
  const shown = useRef<MessageSummary | null>(null);
  if (detail.value?.message) shown.current = detail.value.message;
  const message = shown.current;
  const error = detail.value?.error ?? (detail.error ? 'メッセージを読み込めませんでした' : null);
  const loading = detail.value === undefined && !detail.error;

  const sent = box === 'sent';
  const changed = () => {
    reload();
    refreshCounts();
  };
  const fileBytes = useFileBytes(!sent, changed);
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
  const withdrawn = message.withdrawnAt !== null;
  const soon = expiresSoon(message, Date.now());
  return (
    <section class="detail">
      {backTop}
      <h1>{sent ? '送信メッセージ' : '受信メッセージ'}</h1>
      <ErrorList errors={error ? [error] : []} />
      {detail.value?.kept && (
        <p class="offline-note" role="status">オフライン表示: この端末に保存した内容です。ダウンロード状況は最新でない場合があります</p>
      )}
      {withdrawn && (
        <p class="alert alert-warning" role="status">
          {sent ? 'この送信は取り消されました' : '送信元がこの送信を取り消しました'}({formatDateTime(message.withdrawnAt!)})。
          {sent ? '相手先はメッセージとファイルを見られません。' : 'メッセージとファイルは表示できません。'}
        </p>
      )}
      <dl class="detail-list">
        {/* the same moment the list shows, under the list's name for it */}
        <dt>{sent ? '送信日時' : '受信日時'}</dt>
        <dd>{formatDateTime(message.sentAt)}</dd>
        <dt>{sent ? '送信先事業所番号' : '送信元事業所番号'}</dt>
        <dd>{officeLabel(sent ? message.destination : message.sender)}</dd>
        <dt>ダウンロード状況</dt>
        <dd>
          {withdrawn ? `取消(${formatDateTime(message.withdrawnAt!)})` : message.downloadStatus}
          {!withdrawn && message.downloadedAt ? `(${formatDateTime(message.downloadedAt)})` : ''}
        </dd>
        {!(withdrawn && !sent) && (
          <>
            <dt>メッセージ</dt>
            <dd class="message-text">{message.message || 'なし'}</dd>
          </>
        )}
        <dt>保存期限</dt>
        <dd>
          {formatDate(message.expiresAt)}
          {soon && (
            <span class="expiry-mark expiry-note">
              {sent ? '相手先が未ダウンロードのまま、まもなく削除されます' : 'まもなく削除されます。必要なファイルはダウンロードしてください'}
            </span>
          )}
        </dd>
      </dl>
      {!(withdrawn && !sent) && (
        <FileRows
          message={message}
          csvFiles={csv}
          otherFiles={others}
          marksDownload={!sent}
          onDownloaded={changed}
          fileBytes={fileBytes}
        />
      )}
      {sent && canWithdraw(message) && (
        <WithdrawButton
          message={message}
          onDone={(reason) => {
            setRefusal(reason);
            changed();
          }}
        />
      )}
      {refusal && (
        <div class="withdraw" role="alert">
          <ErrorList errors={[refusal]} />
        </div>
      )}
      {!sent && !withdrawn && <MessageComparison message={message} fileBytes={fileBytes} />}
      {!sent && !withdrawn && <PlanChanges message={message} fileBytes={fileBytes} />}
      <div class="actions">
        <PrintButton />
        {back}
      </div>
    </section>
  );
}
