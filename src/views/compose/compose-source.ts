// Where a compose screen starts from: empty, a saved draft (#/compose?draft=<id>) or a
// 一括送信 row being edited (#/compose?batchRow=<id>).
import { getBatchRow, keptFilesOf } from '../../db/batch';
import { getDraft } from '../../db/drafts';
import { useAsync } from '../common/use-async';
import { pick, type PickedFile } from './picked-files';

export interface ComposeStart {
  files: PickedFile[];
  destination: string;
  message: string;
}

export type SourceState =
  | { status: 'loading' }
  | { status: 'ready'; start: ComposeStart }
  | { status: 'error'; message: string };

const EMPTY: ComposeStart = { files: [], destination: '', message: '' };

async function load(draftId: string | null, batchRowId: string | null): Promise<SourceState> {
  if (batchRowId) {
    const row = await getBatchRow(batchRowId);
    if (!row) return { status: 'error', message: '一括送信の行が見つかりません。削除されたか、送信済みです' };
    const files = await Promise.all(keptFilesOf(row).map(pick));
    return { status: 'ready', start: { files, destination: row.destination ?? '', message: row.message } };
  }
  if (draftId) {
    const draft = await getDraft(draftId);
    if (!draft) return { status: 'error', message: '下書きが見つかりません。削除された可能性があります' };
    const files = await Promise.all(draft.files.map(pick));
    return { status: 'ready', start: { files, destination: draft.destination, message: draft.message } };
  }
  return { status: 'ready', start: EMPTY };
}

export function useComposeSource(draftId: string | null, batchRowId: string | null): SourceState {
  const saved = useAsync(() => load(draftId, batchRowId), [draftId, batchRowId], Boolean(draftId || batchRowId));
  if (!draftId && !batchRowId) return { status: 'ready', start: EMPTY };
  if (saved.error) return { status: 'error', message: '保存したデータを読み込めませんでした' };
  return saved.value ?? { status: 'loading' };
}
