// The 送信一覧/受信一覧 table, one row per message.
import type { Box, MessageSummary } from '../../domain/contract';
import { formatDateTime, officeLabel } from '../common/format';

export function MessageTable({ box, messages }: { box: Box; messages: MessageSummary[] }) {
  const sent = box === 'sent';
  return (
    <div class="table-scroll">
      <table class="messages">
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
          {messages.map((message) => (
            <tr key={message.id} class={message.downloadStatus === '未' ? 'pending' : undefined}>
              <td class="nowrap">
                <a href={`#/messages/${encodeURIComponent(message.id)}?box=${box}`}>{formatDateTime(message.sentAt)}</a>
              </td>
              <td class="message-cell">{message.message}</td>
              <td>{officeLabel(sent ? message.destination : message.sender)}</td>
              <td>
                <ul class="plain">{message.files.map((file) => <li key={file.id}>{file.name}</li>)}</ul>
              </td>
              <td>
                <ul class="plain">{message.files.map((file) => <li key={file.id}>{file.category}</li>)}</ul>
              </td>
              <td class={`status status-${message.downloadStatus === '済' ? 'done' : 'pending'}`}>{message.downloadStatus}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
