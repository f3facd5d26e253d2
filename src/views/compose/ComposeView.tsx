// 新規作成: one destination, its CSV and PDF等 files and a message; 送信 asks 送信確認 and
// puts the send in the outbox, 一時保存 keeps it as a draft. Also edits a 一括送信 row.
import { useRef, useState } from 'preact/hooks';
import { requestFlush } from '../../outbox/triggers';
import { updateBatchRow } from '../../db/batch';
import { saveDraft } from '../../db/drafts';
import { enqueueSend } from '../../outbox/store';
import { checkSend, DESTINATION_MISSING } from '../../domain/attachments';
import { contentCheckOf, type ContentCheck } from '../../domain/batch';
import { MAX_MESSAGE_CHARS } from '../../domain/contract';
import { halfWidth } from '../../domain/office-number';
import { ErrorList, WarningList } from '../common/Alert';
import { CsvProblems } from '../preview/CsvProblems';
import type { AutosaveKey } from '../../db/autosave';
import type { Owner } from '../../db/schema';
import { formatDateTime } from '../common/format';
import { showNotice } from '../app/notice';
import { online } from '../app/online';
import { navigate, replaceQuietly } from '../app/router';
import { to } from '../app/routes';
import { session } from '../app/session';
import { keepQueuedSend } from '../reconcile/keep';
import { PreSendCheck } from '../reconcile/PreSendCheck';
import { ComposeActions } from './ComposeActions';
import { autosaveKey, useComposeSource, type ComposeStart } from './compose-source';
import { ConfirmDialog } from './ConfirmDialog';
import { CsvCheckProgress } from './CsvCheckProgress';
import { csvSendBlock, useCsvChecks, type CsvCheckState } from './csv-checks';
import { DropZone } from './DropZone';
import { useAutosave } from './use-autosave';
import { FileTable } from './FileTable';
import { useOfficeLookup, type OfficeLookup } from './office-name';
import { OfficeSearch } from './OfficeSearch';
import { destinationFromCsvNames, isCsv, merge, pickAll, toKept, type PickedFile } from './picked-files';

interface ComposeViewProps {
  draftId: string | null;
  batchRowId: string | null;
}

export function ComposeView({ draftId: draftParam, batchRowId: rowParam }: ComposeViewProps) {
  // what this visit edits, fixed when it opens: 一時保存 rewrites the address to the new draft
  // (replaceQuietly) and the form goes on as it is, rather than start again from the draft
  const [{ draftId, batchRowId }] = useState({ draftId: draftParam, batchRowId: rowParam });
  const who = session.value;
  const owner = who?.office ? { userId: who.user.id, office: who.office.number } : null;
  const source = useComposeSource(draftId, batchRowId, owner);
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
  return <ComposeForm title={title} start={source.start} draftId={draftId} batchRowId={batchRowId} owner={owner} />;
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

interface ComposeFormProps extends ComposeViewProps {
  title: string;
  start: ComposeStart;
  owner: Owner | null;
}

function ComposeForm({ title, start, draftId, batchRowId, owner }: ComposeFormProps) {
  const [files, setFiles] = useState<PickedFile[]>(start.files);
  const [typed, setTyped] = useState(start.destination);
  const [message, setMessage] = useState(start.message);
  const [savedDraftId, setSavedDraftId] = useState(draftId);
  const [attempted, setAttempted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [draftSavedAt, setDraftSavedAt] = useState<number | null>(null);
  const [restoredAt, setRestoredAt] = useState(start.restoredAt);
  const errorBox = useRef<HTMLDivElement>(null);
  // files still being read after a drop: 送信 pressed meanwhile waits for them
  const picking = useRef<Promise<unknown>>(Promise.resolve());

  const office = session.value?.office ?? null;
  const key = owner ? autosaveKey(owner, savedDraftId, batchRowId) : null;
  const autosave = useAutosave(key, { files, destination: typed, message }, start.saved, start.restoredAt !== null);
  const hasCsv = files.some(isCsv);
  // CSV names carry the routing: the field follows them and is only typed for PDF-only sends
  const destination = hasCsv ? (destinationFromCsvNames(files) ?? '') : halfWidth(typed);
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
  // a PDF just dropped is not yet a mistake for want of a destination: that one waits for 送信
  // (the field's own hint says what to type); every other error shows as files land
  const shownErrors = attempted ? errors : files.length > 0 ? errors.filter((error) => error !== DESTINATION_MISSING) : [];
  const csvChecks = useCsvChecks(files);
  const csvBlock = csvSendBlock(csvChecks.state);
  const sendBlock = csvBlock ?? (shownErrors.length > 0 ? '上の誤りを直すまで送信できません' : null);
  // what 送信 decides on is this render's, not the one it was pressed in (files may land between)
  const latest = useRef({ errors, csvChecks });
  latest.current = { errors, csvChecks };

  function changed() {
    setFailure(null);
    setDraftSavedAt(null);
  }

  async function addFiles(list: File[]) {
    changed();
    const read = pickAll(list).then((picked) => setFiles((current) => merge(current, picked)));
    picking.current = Promise.all([picking.current, read]);
    await read;
  }

  async function onSend() {
    setAttempted(true);
    // pressed while dropped files are still being read or checked: go on (or not) once that is over
    await picking.current.catch(() => undefined);
    await new Promise((rendered) => setTimeout(rendered, 0));
    const csvResult = await latest.current.csvChecks.settled();
    if (latest.current.errors.length > 0 || csvSendBlock(csvResult)) {
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

  /** The autosaves this work may sit under: its own, and the new send's it started as. */
  const settledKeys = (): AutosaveKey[] => (owner && key ? [key, autosaveKey(owner, null, batchRowId)] : []);

  const confirmSend = () =>
    guarded(async () => {
      const target = check.destination ?? destination;
      const item = await enqueueSend({ ...(office ? { sender: office.number } : {}), destination: target, message, files: toKept(files), ...(savedDraftId ? { draftId: savedDraftId } : {}) });
      await autosave.settle(settledKeys(), { files, destination: typed, message }).catch(() => undefined);
      requestFlush();
      await keepQueuedSend(item.id, item.files);
      setConfirming(false);
      // queued offline is not sent: say where it waits, not what a delivered send says; either
      // notice follows the item, should the relay be unreachable or refuse it
      if (online.peek()) showNotice('送信を受け付けました', 'sent', 'done', item.id);
      else showNotice('オフラインのため、送信トレイに保存しました。接続が戻ると自動で送信します', 'sent', 'pending', item.id);
      navigate(to.list('sent'));
    }, '送信トレイに保存できませんでした。もう一度お試しください');

  const saveAsDraft = () =>
    guarded(async () => {
      if (files.length === 0 && !destination && !message) {
        setFailure('保存する内容がありません');
        return;
      }
      const draft = await saveDraft({ ...(savedDraftId ? { id: savedDraftId } : {}), destination, message, files: toKept(files) });
      const keys = settledKeys();
      if (owner) keys.push(autosaveKey(owner, draft.id, null));
      await autosave.settle(keys, { files, destination: typed, message }).catch(() => undefined);
      setSavedDraftId(draft.id);
      setRestoredAt(null);
      // the address now reopens this draft, without reloading the screen
      replaceQuietly(to.compose({ draft: draft.id }));
      setDraftSavedAt(draft.savedAt);
    }, '下書きを保存できませんでした');

  const saveBatchRow = () =>
    guarded(async () => {
      const contentChecks = contentChecksOf(await csvChecks.settled());
      await updateBatchRow(batchRowId!, { files: toKept(files), message, contentChecks }, office);
      await autosave.settle(settledKeys(), { files, destination: typed, message }).catch(() => undefined);
      navigate(to.batch());
    }, '一括送信の行を更新できませんでした');

  async function discardRestored() {
    if (key) await autosave.discard(key).catch(() => undefined);
    // the same address again: the screen starts afresh from what was saved on purpose
    navigate(to.compose(savedDraftId ? { draft: savedDraftId } : batchRowId ? { batchRow: batchRowId } : undefined));
  }

  const note = lookupNote(lookup);
  return (
    <section class="compose">
      <h1>{title}</h1>
      {restoredAt !== null && <RestoredNotice at={restoredAt} from={batchRowId ? 'batch-row' : savedDraftId ? 'draft' : 'new'} onDiscard={() => void discardRestored()} />}
      <DropZone onFiles={(list) => void addFiles(list)} disabled={busy} />
      <FileTable files={files} checks={csvChecks.state} sendCheck={check} onRemove={(name) => { changed(); setFiles((current) => current.filter((file) => file.name !== name)); }} />
      <CsvCheckProgress state={csvChecks.state} />
      <div ref={errorBox}>
        <ErrorList errors={failure ? [failure, ...shownErrors] : shownErrors} />
        {csvChecks.state.status === 'done' && <CsvProblems problems={csvChecks.state.problems.filter((p) => !check.errors.includes(p.message))} blocked={shownErrors.length > 0} />}
        {csvChecks.state.status === 'failed' && <ErrorList errors={[csvChecks.state.message]} />}
      </div>
      <PreSendCheck files={files} />
      <div class="field">
        <label for="compose-destination">送信先事業所番号</label>
        <input
          id="compose-destination"
          class={hasCsv || batchRowId ? 'filled-in' : undefined}
          value={hasCsv ? destination : typed}
          readOnly={hasCsv || Boolean(batchRowId)}
          inputMode="numeric"
          maxLength={10}
          autoComplete="off"
          aria-describedby="compose-destination-note"
          onInput={(event) => { changed(); setTyped(event.currentTarget.value); }}
          onBlur={() => setTyped((now) => halfWidth(now))}
        />
        <p id="compose-destination-note" class={`field-note${lookup.state === 'missing' ? ' field-note-error' : ''}`}>
          {note ?? (hasCsv ? 'CSVファイル名から自動入力されます' : 'PDF等だけを送るときは10桁で入力してください')}
        </p>
        {/* the check digit warnings are about this number: shown under it */}
        <WarningList warnings={files.length > 0 ? check.warnings : []} />
        {!hasCsv && !batchRowId && <OfficeSearch onPick={(office) => setTyped(office.number)} />}
      </div>
      <div class="field">
        <label for="compose-message">メッセージ</label>
        {/* no maxLength: a pasted text over the limit would be cut without a word; it is kept and refused instead */}
        <textarea id="compose-message" rows={5} value={message} onInput={(event) => { changed(); setMessage(event.currentTarget.value); }} aria-invalid={message.length > MAX_MESSAGE_CHARS || undefined} aria-describedby="compose-message-count" />
        <p id="compose-message-count" class={`field-note counter${message.length > MAX_MESSAGE_CHARS ? ' field-note-error' : ''}`}>{message.length} / {MAX_MESSAGE_CHARS}文字</p>
      </div>
      <ComposeActions
        mode={batchRowId ? 'batch-row' : 'compose'}
        busy={busy}
        sendBlock={sendBlock}
        autosave={autosave.status}
        draftSavedAt={draftSavedAt}
        onSend={() => void onSend()}
        onSaveDraft={() => void saveAsDraft()}
        onUpdateRow={() => void saveBatchRow()}
      />
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

function RestoredNotice({ at, from, onDiscard }: { at: number; from: 'new' | 'draft' | 'batch-row'; onDiscard: () => void }) {
  const what = { new: '送信も一時保存もしていない作業', draft: '一時保存の後に変更した内容', 'batch-row': '「更新」していない変更' }[from];
  const back = from === 'new' ? '不要なら「破棄して新しく作成」を押してください。' : '不要なら「変更を破棄」で保存した内容に戻せます。';
  return (
    <div class="alert alert-info restored-notice" role="status">
      <p>{what}を復元しました({formatDateTime(at)} に自動保存)。{back}</p>
      <button type="button" class="small" onClick={onDiscard}>{from === 'new' ? '破棄して新しく作成' : '変更を破棄'}</button>
    </div>
  );
}

/** What the 一括送信 row keeps of the checks: per file, the first lines and the counts. */
function contentChecksOf(state: CsvCheckState): Map<string, ContentCheck> {
  if (state.status !== 'done') return new Map();
  return new Map([...state.byFile].map(([name, problems]) => [name, contentCheckOf(problems)]));
}
