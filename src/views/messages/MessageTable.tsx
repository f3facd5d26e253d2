// The 送信一覧/受信一覧 table, one row per message.
import type { Box, MessageSummary } from '../../domain/contract';
import { FileNameList } from '../common/FileName';
import { formatDateTime } from '../common/format';
import { to } from '../app/routes';
import { Office } from '../common/Office';

export function MessageTable({ box, messages }: { box: Box; messages: MessageSummary[] }) {
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
            return (
              <tr key={message.id} class={message.downloadStatus === '未' ? 'pending' : undefined}>
                <td class="nowrap">
                  <a href={to.message(message.id, box)}>{formatDateTime(message.sentAt)}</a>
                </td>
                {/* long messages are cut to a few lines here; the detail shows them whole */}
                <td class="message-cell" data-label={message.message ? 'メッセージ' : undefined}><span class="clamp">{message.message}</span></td>
                <td data-label={sent ? '送信先' : '送信元'}><Office number={office.number} name={office.name} /></td>
                <td class="files-cell" data-label="ファイル名"><FileNameList names={message.files.map((file) => file.name)} /></td>
                {/* the kinds in the message, as 一括送信 shows them: a line per file would drift from its
                    name once long names wrap; the detail lists each file with its kind */}
                <td class="nowrap inline-on-phone" data-label="ファイル種別">{categoriesOf(message)}</td>
                <td class={`status inline-on-phone status-${message.downloadStatus === '済' ? 'done' : 'pending'}`} data-label="ダウンロード状況">{message.downloadStatus}</td>
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
