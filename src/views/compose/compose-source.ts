// Where a compose screen starts from: empty, a saved draft (#/compose?draft=<id>) or a
// 一括送信 row being edited (#/compose?batchRow=<id>) — and, over any of them, the work last
// autosaved there by the same person and office (src/db/autosave.ts), restored with a notice.
import { readAutosave, type AutosaveKey } from '../../db/autosave';
import { getBatchRow, keptFilesOf } from '../../db/batch';
import { getDraft } from '../../db/drafts';
import type { Owner } from '../../db/schema';
import { useAsync } from '../common/use-async';
import { pick, type PickedFile } from './picked-files';

export interface ComposeWork {
  files: PickedFile[];
  /** the 送信先事業所番号 as typed (PDF-only sends; CSV names fill it otherwise) */
  destination: string;
  message: string;
}

export interface ComposeStart extends ComposeWork {
  /** the work as last saved on purpose (the draft, the row) or empty: the autosave is what differs */
  saved: ComposeWork;
  /** when the work shown was autosaved; null when nothing was restored */
  restoredAt: number | null;
}

export type SourceState =
  | { status: 'loading' }
  | { status: 'ready'; start: ComposeStart }
  | { status: 'error'; message: string };

const EMPTY: ComposeWork = { files: [], destination: '', message: '' };

/** Which autosave a compose screen writes: per person, office and what it edits. */
export function autosaveKey(owner: Owner, draftId: string | null, batchRowId: string | null): AutosaveKey {
  return { owner, source: draftId ? `draft:${draftId}` : batchRowId ? `batchRow:${batchRowId}` : 'new' };
}

async function loadSaved(draftId: string | null, batchRowId: string | null): Promise<ComposeWork | string> {
  if (batchRowId) {
    const row = await getBatchRow(batchRowId);
    if (!row) return '一括送信の行が見つかりません。削除されたか、送信済みです';
    return { files: await Promise.all(keptFilesOf(row).map(pick)), destination: row.destination ?? '', message: row.message };
  }
  if (draftId) {
    const draft = await getDraft(draftId);
    if (!draft) return '下書きが見つかりません。送信したか削除した可能性があります(送信したものは送信一覧にあります)';
    return { files: await Promise.all(draft.files.map(pick)), destination: draft.destination, message: draft.message };
  }
  return EMPTY;
}

async function load(draftId: string | null, batchRowId: string | null, owner: Owner | null): Promise<SourceState> {
  const saved = await loadSaved(draftId, batchRowId);
  if (typeof saved === 'string') return { status: 'error', message: saved };
  const kept = owner ? await readAutosave(autosaveKey(owner, draftId, batchRowId)).catch(() => undefined) : undefined;
  if (!kept) return { status: 'ready', start: { ...saved, saved, restoredAt: null } };
  const files = await Promise.all(kept.files.map(pick));
  return { status: 'ready', start: { files, destination: kept.destination, message: kept.message, saved, restoredAt: kept.savedAt } };
}

export function useComposeSource(draftId: string | null, batchRowId: string | null, owner: Owner | null): SourceState {
  const ownerKey = owner ? `${owner.userId}|${owner.office}` : '';
  const loaded = useAsync(() => load(draftId, batchRowId, owner), [draftId, batchRowId, ownerKey]);
  if (loaded.error) return { status: 'error', message: '保存したデータを読み込めませんでした' };
  return loaded.value ?? { status: 'loading' };
}
