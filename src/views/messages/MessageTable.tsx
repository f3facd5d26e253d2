// The 送信一覧/受信一覧 table, one row per message: 状況 (未 / 済 / 取消 with its time) and the
// 保存期限 mark for a message still 未 within a week of deletion.
import type { Box, MessageSummary } from '../../domain/contract';
import { expiresSoon, listStatusOf } from '../../domain/mailbox';
import { FileNameList } from '../common/FileName';
import { formatDate, formatDateTime } from '../common/format';
import { to } from '../app/routes';
import { Office } from '../common/Office';

export function MessageTable({ box, messages, now }: { box: Box; messages: MessageSummary[]; now: number }) {
  const sent = box === 'sent';
  return (
    <div class="table-scroll">
      <table class="messages stack-narrow">
        <caption class="visually-hidden">{sent ? '送信したメッセージ' : '受信したメッセージ'}</caption>
        <thead>
          <tr>
            <th scope="col">{sent ? '送信日時' : '受信日時'}</th>
            <th scope="col">メッセージ</th>
            <th scope="col">{sent ? '送信先事業所番号' : '送信元事業所番号'}</th>
            <th scope="col">ファイル名</th>
            <th scope="col">ファイル種別</th>
            <th scope="col">ダウンロード状況</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => {
            const office = sent ? message.destination : message.sender;
            const status = listStatusOf(message);
            const hidden = status === '取消' && !sent;
            const soon = expiresSoon(message, now);
            return (
              <tr key={message.id} class={status === '未' ? 'pending' : status === '取消' ? 'withdrawn' : undefined}>
                <td class="nowrap">
                  <a href={to.message(message.id, box)}>{formatDateTime(message.sentAt)}</a>
                </td>
                {/* long messages are cut to a few lines here; the detail shows them whole */}
                <td class="message-cell" data-label={message.message || hidden ? 'メッセージ' : undefined}>
                  <span class="clamp">{hidden ? '送信元がこの送信を取り消しました' : message.message}</span>
                </td>
                <td data-label={sent ? '送信先' : '送信元'}><Office number={office.number} name={office.name} /></td>
                {/* a withdrawal the receiver sees holds no files: as a card it shows no empty places for them */}
                <td class={hidden ? 'files-cell empty-on-phone' : 'files-cell'} data-label={hidden ? undefined : 'ファイル名'}><FileNameList names={message.files.map((file) => file.name)} /></td>
                {/* the kinds in the message, as 一括送信 shows them: a line per file would drift from its
                    name once long names wrap; the detail lists each file with its kind */}
                <td class={hidden ? 'nowrap empty-on-phone' : 'nowrap inline-on-phone'} data-label={hidden ? undefined : 'ファイル種別'}>{categoriesOf(message)}</td>
                <td class={`status inline-on-phone status-${status === '済' ? 'done' : status === '取消' ? 'withdrawn' : 'pending'}`} data-label="ダウンロード状況">
                  {status}
                  {message.withdrawnAt && <span class="status-note">{formatDateTime(message.withdrawnAt)}</span>}
                  {soon && (
                    <span class="expiry-mark" title="保存期限を過ぎると、このメッセージとファイルは削除されます">
                      保存期限 {formatDate(message.expiresAt)}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** 登録・PDF等: each kind once, in the order the files come. */
function categoriesOf(message: MessageSummary): string {
  return [...new Set(message.files.map((file) => file.category))].join('・');
}
