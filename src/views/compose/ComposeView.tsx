// 新規作成: one destination, its CSV and PDF等 files and a message; 送信 asks 送信確認 and
// puts the send in the outbox, 一時保存 keeps it as a draft. Also edits a 一括送信 row.
import { useRef, useState } from 'preact/hooks';
import { requestFlush } from '../../outbox/triggers';
import { updateBatchRow } from '../../db/batch';
import { saveDraft } from '../../db/drafts';
import { enqueueSend } from '../../outbox/store';
import { checkSend } from '../../domain/attachments';
import { contentCheckOf, type ContentCheck } from '../../domain/batch';
import { MAX_MESSAGE_CHARS } from '../../domain/contract';
import { ErrorList, WarningList } from '../common/Alert';
import { CsvProblems } from '../preview/CsvProblems';
import { showNotice } from '../app/notice';
import { online } from '../app/online';
import { navigate, replaceQuietly } from '../app/router';
import { to } from '../app/routes';
import { session } from '../app/session';
import { keepQueuedSend } from '../reconcile/keep';
import { PreSendCheck } from '../reconcile/PreSendCheck';
import { useComposeSource, type ComposeStart } from './compose-source';
import { ConfirmDialog } from './ConfirmDialog';
import { CsvCheckProgress } from './CsvCheckProgress';
import { csvSendBlock, useCsvChecks, type CsvCheckState } from './csv-checks';
import { DropZone } from './DropZone';
import { FileTable } from './FileTable';
import { useOfficeLookup, type OfficeLookup } from './office-name';
import { destinationFromCsvNames, isCsv, merge, pickAll, toKept, type PickedFile } from './picked-files';

interface ComposeViewProps {
  draftId: string | null;
  batchRowId: string | null;
}

export function ComposeView({ draftId, batchRowId }: ComposeViewProps) {
  const source = useComposeSource(draftId, batchRowId);
  const title = batchRowId ? '一括送信の編集' : '新規作成';
  if (source.status === 'loading') return <p role="status">読み込み中…</p>;
  if (source.status === 'error') {
    return (
      <section>
        <h1>{title}</h1>
        <ErrorList errors={[source.message]} />
      </section>
    );
  }
  return <ComposeForm title={title} start={source.start} draftId={draftId} batchRowId={batchRowId} />;
}

function lookupNote(lookup: OfficeLookup): string | null {
  switch (lookup.state) {
    case 'checking':
      return '事業所を確認中…';
    case 'found':
      return lookup.name;
    case 'missing':
      return '事業所が見つかりません';
    case 'unknown':
      return lookup.reason;
    default:
      return null;
  }
}

function ComposeForm({ title, start, draftId, batchRowId }: { title: string; start: ComposeStart } & ComposeViewProps) {
  const [files, setFiles] = useState<PickedFile[]>(start.files);
  const [typed, setTyped] = useState(start.destination);
  const [message, setMessage] = useState(start.message);
  const [savedDraftId, setSavedDraftId] = useState(draftId);
  const [attempted, setAttempted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const errorBox = useRef<HTMLDivElement>(null);

  const office = session.value?.office ?? null;
  const hasCsv = files.some(isCsv);
  // CSV names carry the routing: the field follows them and is only typed for PDF-only sends
  const destination = hasCsv ? (destinationFromCsvNames(files) ?? '') : typed.trim();
  const lookup = useOfficeLookup(destination, online.value);
  const check = checkSend(files, {
    sender: office?.number ?? null,
    destination: destination || undefined,
    senderKind: office?.kind ?? null,
    destinationKind: lookup.state === 'found' ? lookup.kind : null,
  });
  const errors = [...check.errors];
  if (lookup.state === 'missing') errors.push(`送信先事業所番号 ${lookup.number} の事業所が見つかりません`);
  if (message.length > MAX_MESSAGE_CHARS) errors.push(`メッセージは${MAX_MESSAGE_CHARS}文字以内で入力してください`);
  const shownErrors = attempted || files.length > 0 ? errors : [];
  const csvChecks = useCsvChecks(files);
  const csvBlock = csvSendBlock(csvChecks.state);
  const sendBlock = csvBlock ?? (shownErrors.length > 0 ? '上の誤りを直すまで送信できません' : null);

  async function addFiles(list: File[]) {
    setFailure(null);
    setFiles(merge(files, await pickAll(list)));
  }

  async function onSend() {
    setAttempted(true);
    // pressed while the CSVs are still being checked: go on (or not) once the check is over
    const csvResult = await csvChecks.settled();
    if (errors.length > 0 || csvSendBlock(csvResult)) {
      // after the render that shows them, so keyboard and screen reader users land on the reasons
      setTimeout(() => errorBox.current?.querySelector<HTMLElement>('[role="alert"]')?.focus(), 0);
      return;
    }
    setConfirming(true);
  }

  async function guarded(task: () => Promise<void>, failMessage: string) {
    setBusy(true);
    setFailure(null);
    try {
      await task();
    } catch (error) {
      console.error(error);
      // the db modules throw Japanese messages meant for the user (行が見つかりません…); anything else is internal
      setFailure(error instanceof Error && /[\u3040-\u30ff]/.test(error.message) ? error.message : failMessage);
    } finally {
      setBusy(false);
    }
  }

  const confirmSend = () =>
    guarded(async () => {
      const target = check.destination ?? destination;
      const item = await enqueueSend({ ...(office ? { sender: office.number } : {}), destination: target, message, files: toKept(files), ...(savedDraftId ? { draftId: savedDraftId } : {}) });
      requestFlush();
      await keepQueuedSend(item.id, item.files);
      setConfirming(false);
      showNotice('送信を受け付けました', 'sent');
      navigate(to.list('sent'));
    }, '送信トレイに保存できませんでした。もう一度お試しください');

  const saveAsDraft = () =>
    guarded(async () => {
      if (files.length === 0 && !destination && !message) {
        setFailure('保存する内容がありません');
        return;
      }
      const draft = await saveDraft({ ...(savedDraftId ? { id: savedDraftId } : {}), destination, message, files: toKept(files) });
      setSavedDraftId(draft.id);
      // the address now reopens this draft, without reloading the screen
      replaceQuietly(to.compose({ draft: draft.id }));
      showNotice('下書きに保存しました', 'compose');
    }, '下書きを保存できませんでした');

  const saveBatchRow = () =>
    guarded(async () => {
      const contentChecks = contentChecksOf(await csvChecks.settled());
      await updateBatchRow(batchRowId!, { files: toKept(files), message, contentChecks }, office);
      navigate(to.batch());
    }, '一括送信の行を更新できませんでした');

  const note = lookupNote(lookup);
  return (
    <section class="compose">
      <h1>{title}</h1>
      <DropZone onFiles={(list) => void addFiles(list)} disabled={busy} />
      <FileTable files={files} checks={csvChecks.state} onRemove={(name) => setFiles(files.filter((file) => file.name !== name))} />
      <CsvCheckProgress state={csvChecks.state} />
      <div ref={errorBox}>
        <ErrorList errors={failure ? [failure, ...shownErrors] : shownErrors} />
        {csvChecks.state.status === 'done' && <CsvProblems problems={csvChecks.state.problems} />}
        {csvChecks.state.status === 'failed' && <ErrorList errors={[csvChecks.state.message]} />}
      </div>
      <PreSendCheck files={files} />
      <div class="field">
        <label for="compose-destination">送信先事業所番号</label>
        <input
          id="compose-destination"
          value={hasCsv ? destination : typed}
          readOnly={hasCsv || Boolean(batchRowId)}
          inputMode="numeric"
          maxLength={10}
          autoComplete="off"
          aria-describedby="compose-destination-note"
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <p id="compose-destination-note" class={`field-note${lookup.state === 'missing' ? ' field-note-error' : ''}`}>
          {note ?? (hasCsv ? 'CSVファイル名から自動入力されます' : 'PDF等だけを送るときは10桁で入力してください')}
        </p>
        {/* the check digit warnings are about this number: shown under it */}
        <WarningList warnings={files.length > 0 ? check.warnings : []} />
      </div>
      <div class="field">
        <label for="compose-message">メッセージ</label>
        <textarea id="compose-message" rows={5} maxLength={MAX_MESSAGE_CHARS} value={message} onInput={(event) => setMessage(event.currentTarget.value)} aria-describedby="compose-message-count" />
        <p id="compose-message-count" class="field-note counter">{message.length} / {MAX_MESSAGE_CHARS}文字</p>
      </div>
      <div class="actions">
        {batchRowId ? (
          <>
            <a class="button" href={to.batch()}>戻る</a>
            <button type="button" class="primary" disabled={busy} onClick={() => void saveBatchRow()}>更新</button>
          </>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => void saveAsDraft()}>一時保存</button>
            <button type="button" class="primary" disabled={busy} onClick={() => void onSend()} aria-describedby={sendBlock ? 'compose-send-block' : undefined}>送信</button>
          </>
        )}
      </div>
      {sendBlock && !batchRowId && (
        <p id="compose-send-block" class="field-note field-note-error send-block">{sendBlock}(一時保存はできます)</p>
      )}
      {confirming && (
        <ConfirmDialog
          destination={check.destination ?? destination}
          destinationName={lookup.state === 'found' ? lookup.name : null}
          files={files}
          message={message}
          busy={busy}
          onCancel={() => setConfirming(false)}
          onOk={() => void confirmSend()}
        />
      )}
    </section>
  );
}

/** What the 一括送信 row keeps of the checks: per file, the first lines and the counts. */
function contentChecksOf(state: CsvCheckState): Map<string, ContentCheck> {
  if (state.status !== 'done') return new Map();
  return new Map([...state.byFile].map(([name, problems]) => [name, contentCheckOf(problems)]));
}
