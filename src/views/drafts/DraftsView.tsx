// 下書き一覧: drafts saved with 一時保存; 開く continues in 新規作成, 削除 after a confirmation.
import { useRef, useState } from 'preact/hooks';
import { deleteDraft, listDrafts } from '../../db/drafts';
import type { Draft } from '../../db/types';
import { online } from '../app/online';
import { navigate } from '../app/router';
import { to } from '../app/routes';
import { Dialog } from '../common/Dialog';
import { ErrorList } from '../common/Alert';
import { FileNameList } from '../common/FileName';
import { Office } from '../common/Office';
import { firstLine, formatDateTime } from '../common/format';
import { useOfficeNames } from '../common/office-names';
import { useAsync } from '../common/use-async';
import { useRefocusAfterRemoval } from '../common/refocus-row';
import { StorageNotice } from '../outbox/StorageNotice';

export function DraftsView() {
  const saved = useAsync(listDrafts, []);
  const drafts = saved.value ?? null;
  const error = saved.error ? '下書きを読み込めませんでした' : null;
  const [deleting, setDeleting] = useState<Draft | null>(null);
  const names = useOfficeNames((drafts ?? []).map((draft) => draft.destination), online.value);
  const section = useRef<HTMLElement>(null);
  const removing = useRefocusAfterRemoval(drafts?.map((draft) => draft.id) ?? null, section, 'h1');

  async function confirmDelete(draft: Draft) {
    setDeleting(null);
    removing(draft.id);
    await deleteDraft(draft.id);
    saved.reload();
  }

  return (
    <section class="drafts" ref={section}>
      <h1 tabIndex={-1}>下書き一覧</h1>
      <ErrorList errors={error ? [error] : []} />
      <StorageNotice holds={(drafts?.length ?? 0) > 0} />
      {drafts === null ? (
        !error && <p role="status">読み込み中…</p>
      ) : drafts.length === 0 ? (
        <p class="empty">下書きはありません。新規作成の「一時保存」で保存した内容がここに並びます。</p>
      ) : (
        <div class="table-scroll">
          <table class="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">送信先</th>
                <th scope="col">メッセージ</th>
                <th scope="col">ファイル</th>
                <th scope="col">保存日時</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {drafts.map((draft) => (
                <tr key={draft.id}>
                  <td data-label="送信先">
                    {draft.destination ? <Office number={draft.destination} name={names.get(draft.destination)} /> : <span class="empty">未入力</span>}
                  </td>
                  <td class="message-cell draft-message" data-label="メッセージ" title={draft.message || undefined}>
                    {draft.message.trim() ? firstLine(draft.message) : <span class="empty">なし</span>}
                  </td>
                  <td class="files-cell" data-label="ファイル">
                    <FileNameList names={draft.files.map((file) => file.name)} />
                  </td>
                  <td class="nowrap" data-label="保存日時">{formatDateTime(draft.savedAt)}</td>
                  <td class="row-actions">
                    <button type="button" aria-label={`${draftLabel(draft)}を開く`} onClick={() => navigate(to.compose({ draft: draft.id }))}>開く</button>
                    <button type="button" aria-label={`${draftLabel(draft)}を削除`} onClick={() => setDeleting(draft)}>削除</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deleting && (
        <Dialog title="下書きの削除" onCancel={() => setDeleting(null)}>
          <p>
            {deleting.destination ? `送信先 ${deleting.destination} の` : ''}下書き(ファイル {deleting.files.length} 件)を削除します。元に戻せません。よろしいですか?
          </p>
          <div class="actions">
            <button type="button" onClick={() => setDeleting(null)}>キャンセル</button>
            <button type="button" class="danger" onClick={() => void confirmDelete(deleting)}>削除</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

/** Names the row's buttons for screen readers: every row has its own 開く and 削除. */
function draftLabel(draft: Draft): string {
  return `${draft.destination ? `送信先 ${draft.destination} の` : ''}下書き(${formatDateTime(draft.savedAt)})`;
}
