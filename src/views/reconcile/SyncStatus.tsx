// Where the data on screen comes from: this device, brought up to date from the relay while online.
import type { MessageSummary } from '../../domain/contract';
import { to } from '../app/routes';
import { FileName } from '../common/FileName';
import type { SyncState } from './use-kept-usage';

export function SyncStatus({ sync }: { sync: SyncState }) {
  switch (sync.status) {
    case 'offline':
      return <p class="sync-status" role="status">オフラインです。この端末に保存した予定・実績で表示しています。</p>;
    case 'syncing':
      return (
        <p class="sync-status" role="status">
          サーバーの予定・実績を確認しています…{sync.total > 0 ? `(${sync.done}/${sync.total})` : ''}
        </p>
      );
    case 'failed':
      return <p class="sync-status sync-failed" role="status">{sync.message}。この端末に保存した予定・実績で表示しています。</p>;
    case 'done': {
      const { fetched, notDownloaded } = sync.result;
      return (
        <div class="sync-status" role="status">
          <p>{fetched > 0 ? `サーバーから予定・実績のファイルを${fetched}件取り込みました。` : 'サーバーと照合しました。'}</p>
          {notDownloaded.length > 0 && <NotDownloaded files={notDownloaded} />}
        </div>
      );
    }
  }
}

/** Received files not yet downloaded: opening them (and downloading) adds them to the comparison. */
function NotDownloaded({ files }: { files: { message: MessageSummary; file: { id: string; name: string } }[] }) {
  return (
    <div class="alert alert-warning not-downloaded">
      <p>まだダウンロードしていない予定・実績が{files.length}件あります。開いてダウンロードすると比較に加わります:</p>
      <ul>
        {files.map(({ message, file }) => (
          <li key={`${message.id}/${file.id}`}>
            <a href={to.message(message.id, 'received')}><FileName name={file.name} /></a>
          </li>
        ))}
      </ul>
    </div>
  );
}
