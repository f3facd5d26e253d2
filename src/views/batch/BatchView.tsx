// 一括送信: drop many CSV files, see one row per destination + send unit, send them all through
// the outbox and follow each office to 成功 or 失敗. The list lives in IndexedDB (src/db/batch.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import { isInFlight, isSendable, type BatchSender } from '../../domain/batch';
import type { StoredBatchRow } from '../../db/batch';
import type { SentRecord } from '../../outbox/types';
import { onOutboxChanged } from '../../outbox/channel';
import { online } from '../app/online';
import { navigate } from '../app/router';
import { to } from '../app/routes';
import { session } from '../app/session';
import { ErrorList } from '../common/Alert';
import { Dialog } from '../common/Dialog';
import { BatchConfirmDialog } from './BatchConfirmDialog';
import { BatchDropZone } from './BatchDropZone';
import { BatchSendDialog, runEntries, runRowOf, type RunRow } from './BatchSendDialog';
import { BatchTable } from './BatchTable';
import { addDrop } from './add-drop';
import { deleteRows, lookUpNames, refreshRows, sendRows, type Refreshed } from './batch-actions';
import { warmCsvChecks } from '../../workers/csv-check';
import { listState } from './list-state';
import { useSerial } from './use-serial';
import { PreSendCheck } from '../reconcile/PreSendCheck';
import './batch.css';

type Confirming = { kind: 'send'; rows: StoredBatchRow[]; skipped: number } | { kind: 'delete'; ids: string[] } | null;

export function BatchView() {
  const office = session.value?.office ?? null;
  const sender = office?.number ?? null;
  const [rows, setRows] = useState<StoredBatchRow[] | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<Confirming>(null);
  /** the rows of the 一括送信 under way, in send order; their status is read from the list and the outbox */
  const [run, setRun] = useState<RunRow[] | null>(null);
  const [sentByRow, setSentByRow] = useState<ReadonlyMap<string, SentRecord>>(new Map());
  const [busy, setBusy] = useState(false);
  const serial = useSerial();
  // the office with its kind: the direction rule reads it for old-form names
  const senderRef = useRef<BatchSender>(office);
  senderRef.current = office;

  function show(refreshed: Refreshed) {
    setRows(refreshed.rows);
    setSentByRow(refreshed.sentByRow);
    const ids = new Set(refreshed.rows.map((r) => r.id));
    setSelected((prev) => new Set([...prev].filter((id) => ids.has(id))));
  }

  const refresh = () =>
    serial.coalesced('refresh', async () => show(await refreshRows(senderRef.current))).catch(report);

  function report(error: unknown) {
    setErrors([error instanceof Error ? error.message : String(error)]);
  }

  // the check workers start while the screen is looked at, not when the files land
  useEffect(() => warmCsvChecks(), []);

  const isOnline = online.value;
  useEffect(() => {
    // also when the connection comes back: names that could not be looked up offline get theirs
    void serial
      .run(async () => {
        const refreshed = await refreshRows(senderRef.current);
        show({ ...refreshed, rows: await lookUpNames(refreshed.rows, senderRef.current) });
      })
      .catch(report);
    return onOutboxChanged(() => void refresh());
  }, [sender, isOnline]);

  function addFiles(files: File[]) {
    setErrors([]);
    setBusy(true);
    void serial
      .run(async () => {
        const lateNames = await addDrop(files, () => senderRef.current, (next, added) => {
          setRows(next);
          if (added?.refusal) setErrors([added.refusal]);
        });
        // names still on their way come in their own turn: the next drop is taken (and queued) meanwhile
        if (lateNames) void serial.run(lateNames).catch(report);
      })
      .catch(report)
      .finally(() => setBusy(false));
  }

  /** 「選択してください」 would send the user looking for rows that are not there */
  const EMPTY_LIST = '一覧に行がありません。先にCSVファイルをドロップするか「ファイルを選択」で追加してください。';

  function askSend() {
    if ((rows ?? []).length === 0) return setErrors([EMPTY_LIST]);
    const chosen = (rows ?? []).filter((r) => selected.has(r.id));
    if (chosen.length === 0) return setErrors(['送信する行を選択してください。']);
    // 全選択 takes every row (for 削除 too): the rows that cannot go are skipped, and the dialog says so
    const going = chosen.filter(isSendable);
    const skipped = chosen.length - going.length;
    if (going.length === 0) {
      return setErrors([`送信できない行が${skipped}件選択されています。「送信結果」欄の理由を確かめて、直すか削除してください。`]);
    }
    setErrors([]);
    setConfirming({ kind: 'send', rows: going, skipped });
  }

  function send(chosen: StoredBatchRow[]) {
    setConfirming(null);
    setRun(chosen.map(runRowOf));
    setSelected(new Set());
    void serial
      .run(async () => {
        await sendRows(chosen, senderRef.current);
        show(await refreshRows(senderRef.current));
      })
      .catch(report);
  }

  function askDelete() {
    if ((rows ?? []).length === 0) return setErrors([EMPTY_LIST]);
    if (selected.size === 0) return setErrors(['削除する行を選択してください。']);
    setErrors([]);
    setConfirming({ kind: 'delete', ids: [...selected] });
  }

  function remove(ids: string[]) {
    setConfirming(null);
    void serial
      .run(async () => {
        await deleteRows(ids);
        show(await refreshRows(senderRef.current));
      })
      .catch(report);
  }

  const list = rows ?? [];
  const state = listState(rows, busy);
  return (
    <section class="batch">
      <h1>一括送信</h1>
      <BatchDropZone onFiles={addFiles} disabled={busy} />
      <p class="batch-summary" role="status">
        {state.summary}
      </p>
      <div class="toolbar">
        <button type="button" onClick={() => setSelected(new Set(list.filter((r) => !isInFlight(r)).map((r) => r.id)))}>全選択</button>
        <button type="button" onClick={() => setSelected(new Set())}>全選択解除</button>
        <button type="button" onClick={askDelete}>削除</button>
        <button type="button" class="primary" onClick={askSend}>一括送信</button>
      </div>
      {/* under the buttons and the drop zone both: the errors are about a drop or a button */}
      <ErrorList errors={errors} />
      {list.length > 0 ? (
        <BatchTable
          rows={list}
          selected={selected}
          sender={sender}
          onToggle={(id, on) => setSelected((prev) => toggled(prev, id, on))}
          onEdit={(id) => navigate(to.compose({ batchRow: id }))}
        />
      ) : (
        state.empty !== null && <p>{state.empty}</p>
      )}
      <PreSendCheck files={list.flatMap((row) => row.files.map((f) => f.payload))} />
      {confirming?.kind === 'send' && (
        <BatchConfirmDialog rows={confirming.rows} skipped={confirming.skipped} onCancel={() => setConfirming(null)} onOk={send} />
      )}
      {confirming?.kind === 'delete' && (
        <Dialog title="削除の確認" onCancel={() => setConfirming(null)}>
          <p>選択した {confirming.ids.length} 件を一覧から削除します。よろしいですか?</p>
          <div class="actions">
            <button type="button" onClick={() => setConfirming(null)}>キャンセル</button>
            <button type="button" class="primary" onClick={() => remove(confirming.ids)}>OK</button>
          </div>
        </Dialog>
      )}
      {run && <BatchSendDialog rows={runEntries(run, { rows: list, sentByRow })} online={isOnline} onClose={() => setRun(null)} />}
    </section>
  );
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
