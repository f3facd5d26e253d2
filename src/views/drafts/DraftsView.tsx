// 下書き一覧: drafts saved with 一時保存; 開く continues in 新規作成, 削除 after a confirmation.
import { useEffect, useState } from 'preact/hooks';
import { lookupOffices } from '../../api/client';
import { deleteDraft, listDrafts } from '../../db/drafts';
import type { Draft } from '../../db/types';
import { online } from '../app/online';
import { Dialog } from '../common/Dialog';
import { ErrorList } from '../common/Alert';
import { formatDateTime } from '../common/format';

export function DraftsView() {
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Draft | null>(null);
  const names = useOfficeNames(drafts, online.value);

  async function reload() {
    try {
      setDrafts(await listDrafts());
    } catch {
      setError('下書きを読み込めませんでした');
    }
  }

  useEffect(() => void reload(), []);

  async function confirmDelete(draft: Draft) {
    setDeleting(null);
    await deleteDraft(draft.id);
    await reload();
  }

  return (
    <section class="drafts">
      <h1>下書き一覧</h1>
      <ErrorList errors={error ? [error] : []} />
      {drafts === null ? null : drafts.length === 0 ? (
        <p>下書きはありません</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">送信先事業所番号</th>
                <th scope="col">事業所名</th>
                <th scope="col">ファイル</th>
                <th scope="col">保存日時</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {drafts.map((draft) => (
                <tr key={draft.id}>
                  <td>{draft.destination}</td>
                  <td>{names.get(draft.destination) ?? ''}</td>
                  <td>
                    <ul class="plain">{draft.files.map((file) => <li key={file.name} class="file-name">{file.name}</li>)}</ul>
                  </td>
                  <td>{formatDateTime(draft.savedAt)}</td>
                  <td>
                    <button type="button" onClick={() => (location.hash = `#/compose?draft=${encodeURIComponent(draft.id)}`)}>開く</button>{' '}
                    <button type="button" onClick={() => setDeleting(draft)}>削除</button>
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

/** Office names from the relay's directory; blank while offline or when the lookup fails. */
function useOfficeNames(drafts: Draft[] | null, isOnline: boolean): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  const numbers = [...new Set((drafts ?? []).map((d) => d.destination).filter((n) => /^\d{2}[0-9A]\d{7}$/.test(n)))].sort();
  const key = numbers.join(',');
  useEffect(() => {
    if (!isOnline || numbers.length === 0) return;
    let alive = true;
    lookupOffices(numbers)
      .then((offices) => alive && setNames(new Map(offices.map((o) => [o.number, o.name]))))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [key, isOnline]);
  return names;
}
