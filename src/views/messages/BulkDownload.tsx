// 受信一覧's まとめてダウンロード: 「未をまとめてダウンロード」 as one ZIP, or, once a 保存先フォルダ is
// chosen (Chromium), straight into that folder under the original names. The folder's handle is
// kept for this person and office; after a restart the browser wants one tap to allow it again.
import { useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client';
import { readPrefs, updatePrefs } from '../../db/prefs';
import { counts } from '../app/counts';
import { online } from '../app/online';
import { ownerId, sessionOwner } from '../app/owner';
import { ErrorList, WarningList } from '../common/Alert';
import { formatDateTime } from '../common/format';
import { useAsync } from '../common/use-async';
import { saveAsZip, saveToFolder, unreadMessages, MAX_BULK_MESSAGES, type BulkProgress, type BulkResult } from './bulk-save';
import { folderPermission, folderSupported, pickFolder, requestFolderPermission } from './folder';

type FolderState = { handle: FileSystemDirectoryHandle; permission: PermissionState } | null;

export function BulkDownload({ onDone }: { onDone: () => void }) {
  const owner = sessionOwner();
  const supported = folderSupported();
  const folder = useAsync(async (): Promise<FolderState> => {
    if (!owner || !supported) return null;
    const handle = (await readPrefs(owner)).folder;
    return handle ? { handle, permission: await folderPermission(handle) } : null;
  }, [ownerId(owner), supported]);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const unread = counts.value?.unread ?? null;
  const chosen = folder.value ?? null;
  const busy = progress !== null;

  async function choose() {
    if (!owner) return;
    setFailure(null);
    try {
      const handle = await pickFolder();
      if (!handle) return;
      await updatePrefs(owner, (p) => ({ ...p, folder: handle }));
      folder.reload();
    } catch {
      setFailure('保存先フォルダを設定できませんでした。別のフォルダを選んでください');
    }
  }

  async function forget() {
    if (!owner) return;
    await updatePrefs(owner, ({ folder: _dropped, ...rest }) => rest);
    folder.reload();
  }

  async function allow(handle: FileSystemDirectoryHandle): Promise<boolean> {
    const permission = await requestFolderPermission(handle);
    folder.reload();
    if (permission !== 'granted') setFailure('保存先フォルダへの書き込みが許可されませんでした');
    return permission === 'granted';
  }

  async function run() {
    setFailure(null);
    setResult(null);
    // the permission prompt needs this tap: ask before anything else is awaited
    if (chosen && chosen.permission !== 'granted' && !(await allow(chosen.handle))) return;
    setProgress({ done: 0, total: 0 });
    try {
      const { messages, more } = await unreadMessages();
      if (messages.length === 0) {
        setResult({ messages: 0, files: 0, withdrawn: [], more: false, zipName: null });
        return;
      }
      const saved = chosen ? await saveToFolder(chosen.handle, messages, setProgress) : await saveAsZip(messages, setProgress);
      setResult({ ...saved, more });
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error.message : 'ダウンロードできませんでした。もう一度お試しください');
    } finally {
      setProgress(null);
      onDone();
    }
  }

  return (
    <section class="bulk-download" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading" class="visually-hidden">まとめてダウンロード</h2>
      <div class="bulk-row">
        <button type="button" class="primary" disabled={busy || !online.value || unread === 0} onClick={() => void run()}>
          未をまとめてダウンロード{unread ? `(${unread}件)` : ''}
        </button>
        <span class="hint">
          {!online.value && (unread ?? 0) > 0
            ? 'オフラインのため使えません。接続が戻るとダウンロードできます'
            : chosen
              ? `保存先フォルダ「${chosen.handle.name}」に元のファイル名で保存します`
              : 'ZIPファイル1つにまとめます(メッセージごとのフォルダ)'}
        </span>
      </div>
      {supported && (
        <div class="bulk-row folder-row">
          {chosen ? (
            <>
              <span>保存先フォルダ: <strong>{chosen.handle.name}</strong></span>
              {chosen.permission !== 'granted' && (
                <button type="button" onClick={() => void allow(chosen.handle)}>このフォルダへの保存を許可する</button>
              )}
              <button type="button" onClick={() => void choose()} disabled={busy}>変更</button>
              <button type="button" onClick={() => void forget()} disabled={busy}>解除(ZIPで保存)</button>
            </>
          ) : (
            <>
              <button type="button" onClick={() => void choose()} disabled={busy}>保存先フォルダを選ぶ</button>
              <span class="hint">介護ソフトの取込フォルダを選ぶと、受信したファイルをそこへ直接保存します</span>
            </>
          )}
        </div>
      )}
      {progress && (
        <p role="status" class="bulk-progress">
          {progress.total > 0 ? `保存しています… ${progress.done} / ${progress.total} 件` : '未ダウンロードのメッセージを確認しています…'}
        </p>
      )}
      <ErrorList errors={failure ? [failure] : []} />
      {result && <BulkOutcome result={result} />}
    </section>
  );
}

function BulkOutcome({ result }: { result: BulkResult }) {
  const warnings = result.withdrawn.map(
    (m) => `${formatDateTime(m.sentAt)} ${m.sender.number} ${m.sender.name} のメッセージは、送信元が取り消したため保存しませんでした`,
  );
  if (result.more) warnings.push(`一度に保存できるのは${MAX_BULK_MESSAGES}件までです。残りはもう一度「未をまとめてダウンロード」を押してください`);
  return (
    <div class="bulk-outcome">
      <p class="notice" role="status">
        {result.messages === 0
          ? '未ダウンロードのメッセージはありません'
          : `${result.messages}件のメッセージ(${result.files}ファイル)を${result.zipName ? `「${result.zipName}」に` : '保存先フォルダに'}保存しました`}
      </p>
      <WarningList warnings={warnings} />
    </div>
  );
}
