// Tells the user when drafts and queued sends are not safe from the browser clearing storage.
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { isUsageHigh, readStorageInfo, type StorageInfo } from '../../db/storage';

export const storageInfo = signal<StorageInfo | null>(null);

let reading: Promise<void> | undefined;
/** Asks for persistence once per page load and records the answer and the usage estimate. */
export function loadStorageInfo(): Promise<void> {
  reading ??= readStorageInfo()
    .then((info) => {
      storageInfo.value = info;
    })
    .catch(() => undefined);
  return reading;
}

function percent(info: StorageInfo): string {
  return info.usage !== undefined && info.quota ? `${Math.round((info.usage / info.quota) * 100)}%` : '';
}

/**
 * Shown where something is kept on this device (`holds`: drafts listed, sends queued), not before:
 * a warning about data that does not exist yet means nothing.
 */
export function StorageNotice({ holds }: { holds: boolean }) {
  useEffect(() => void loadStorageInfo(), []);
  const info = storageInfo.value;
  if (!info || !holds) return null;
  const messages: string[] = [];
  if (info.ios && !info.installed) {
    messages.push(
      'iPhone・iPad の Safari は、7日間開かなかったサイトのデータ(この下書きや送信待ち)を消すことがあります。トップの手順で「ホーム画面に追加」してお使いください。',
    );
  } else if (info.persisted === false) {
    messages.push(
      'このブラウザは、この端末に保存したデータを消さない設定(永続化)を許可しませんでした。空き容量が少なくなると、ブラウザがこの下書きや送信待ちを消すことがあります。送信待ちは接続してすぐ送り、下書きは早めに送信してください。',
    );
  }
  if (isUsageHigh(info)) {
    messages.push(`保存領域の使用量が上限の ${percent(info)} に達しています。不要な下書きを削除してください。`);
  }
  if (messages.length === 0) return null;
  return (
    <div class="alert alert-warning storage-notice" role="status">
      {messages.map((message) => <p key={message}>{message}</p>)}
    </div>
  );
}
