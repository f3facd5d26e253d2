// The buttons of 新規作成 in a bar that stays at the bottom of the screen however many files are
// listed, with what happened to the work: 自動保存, 下書きに保存しました, why 送信 is blocked.
import { to } from '../app/routes';
import { formatTime } from '../common/format';
import type { AutosaveStatus } from './autosave-writer';

interface ComposeActionsProps {
  mode: 'compose' | 'batch-row';
  busy: boolean;
  sendBlock: string | null;
  autosave: AutosaveStatus;
  draftSavedAt: number | null;
  onSend: () => void;
  onSaveDraft: () => void;
  onUpdateRow: () => void;
}

function autosaveText(status: AutosaveStatus): string | null {
  switch (status.state) {
    case 'saving': return '自動保存しています…';
    case 'saved': return `自動保存しました(${formatTime(status.at)})`;
    case 'failed': return '自動保存できませんでした。一時保存してください';
    default: return null;
  }
}

export function ComposeActions({ mode, busy, sendBlock, autosave, draftSavedAt, onSend, onSaveDraft, onUpdateRow }: ComposeActionsProps) {
  const state = draftSavedAt !== null ? `下書きに保存しました(${formatTime(draftSavedAt)})` : autosaveText(autosave);
  return (
    <div class="compose-actions">
      <p class={`compose-state${autosave.state === 'failed' && draftSavedAt === null ? ' field-note-error' : ''}`} role="status">{state}</p>
      <div class="actions">
        {mode === 'batch-row' ? (
          <>
            <a class="button" href={to.batch()}>戻る</a>
            <button type="button" class="primary" disabled={busy} onClick={onUpdateRow}>更新</button>
          </>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={onSaveDraft}>一時保存</button>
            <button type="button" class="primary" disabled={busy} onClick={onSend} aria-describedby={sendBlock ? 'compose-send-block' : undefined}>送信</button>
          </>
        )}
      </div>
      {sendBlock && mode === 'compose' && (
        <p id="compose-send-block" class="field-note field-note-error send-block">{sendBlock}(一時保存はできます)</p>
      )}
    </div>
  );
}
