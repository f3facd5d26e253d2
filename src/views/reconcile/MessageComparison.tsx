// 予定と比べる, on a received 実績: each person of the file beside the 予定 this office sent that
// provider for the month (the person view has the detail), and the people of those 予定 the 実績
// leaves out. The 実績 is kept on this device when it is fetched (keep.ts); one not yet
// downloaded is downloaded first, as プレビュー does, since the sender then sees 済.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client';
import { listUsage } from '../../db/usage';
import type { MessageSummary, StoredFile } from '../../domain/contract';
import { parseFileName } from '../../domain/filename';
import { checkRowOf, monthLabel, pairsOf, peopleOf, statusLabel, type CheckRow } from '../../domain/reconcile';
import { to } from '../app/routes';
import { ErrorList } from '../common/Alert';
import { namesWithMore } from '../common/format';
import { useAsync } from '../common/use-async';
import type { FileBytes } from '../messages/file-bytes';
import { online } from '../app/online';
import { sessionOwner, syncFromRelay } from './keep';
import './reconcile.css';

interface ActualFile {
  file: StoredFile;
  month: string;
}

function actualFilesOf(message: MessageSummary): ActualFile[] {
  return message.files.flatMap((file) => {
    const parsed = parseFileName(file.name);
    return parsed.ok && parsed.value.kind === 'UPJSK' && parsed.value.targetMonth ? [{ file, month: parsed.value.targetMonth }] : [];
  });
}

/** The rows of this provider and month, split: the people of this message's 実績, and those it leaves out. */
async function rowsFor(message: MessageSummary, months: string[], sync: boolean): Promise<{ month: string; inFile: CheckRow[]; missing: CheckRow[] }[] | null> {
  const owner = sessionOwner();
  if (!owner) return null;
  const result = [];
  for (const month of months) {
    // 予定 sent from another device are kept once fetched from the relay (a sender's fetch marks nothing)
    if (sync) await syncFromRelay(owner, month, () => undefined).catch((error: unknown) => console.error(error));
    const records = (await listUsage(owner, month)).filter((r) => r.care === owner.office && r.provider === message.sender.number);
    if (!records.some((r) => r.messageId === message.id)) return null;
    const inMessage = new Set(records.filter((r) => r.messageId === message.id).flatMap((r) => r.people.map((p) => `${p.insurer}|${p.insured}`)));
    const rows = pairsOf(peopleOf(records)).map(checkRowOf);
    const isIn = (r: CheckRow) => inMessage.has(`${r.pair.key.insurer}|${r.pair.key.insured}`);
    result.push({ month, inFile: rows.filter(isIn), missing: rows.filter((r) => !isIn(r) && r.status === 'awaiting') });
  }
  return result;
}

export function MessageComparison({ message, fileBytes }: { message: MessageSummary; fileBytes: FileBytes }) {
  const actuals = useMemo(() => actualFilesOf(message), [message]);
  const months = [...new Set(actuals.map((a) => a.month))];
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // one automatic fetch at most: a 実績 that cannot be kept must not be fetched again and again
  const [tried, setTried] = useState(false);
  const synced = useRef(false);
  const loaded = useAsync(() => {
    const sync = online.peek() && !synced.current;
    synced.current = true;
    return rowsFor(message, months, sync);
  }, [message.id, version], actuals.length > 0);
  const kept = loaded.value;
  const needsDownload = actuals.some((a) => fileBytes.marksOnView(message, a.file));

  async function fetchAll() {
    setBusy(true);
    setTried(true);
    setError(null);
    try {
      for (const a of actuals) await fileBytes.view(message, a.file);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '実績を取得できませんでした');
    } finally {
      setBusy(false);
    }
  }

  // downloaded already (here or on another device): fetching again marks nothing, so compare at once
  const auto = kept === null && !needsDownload && !tried;
  useEffect(() => {
    if (auto) void fetchAll();
  }, [auto]);

  if (actuals.length === 0 || sessionOwner()?.office !== message.destination.number) return null;
  return (
    <section class="message-comparison" aria-labelledby="message-comparison-title">
      <h2 id="message-comparison-title">予定と比べる</h2>
      <ErrorList errors={error ? [error] : []} />
      {kept === null && needsDownload && (
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void fetchAll()} aria-describedby="message-comparison-note">ダウンロードして予定と比べる</button>
          <p id="message-comparison-note" class="field-note">実績ファイルをダウンロードしてから比べます(送信元にはダウンロード済と表示されます)。</p>
        </div>
      )}
      {(busy || loaded.loading) && <p role="status">予定と比べています…</p>}
      {kept?.map(({ month, inFile, missing }) => (
        <div key={month}>
          <p class="field-note">{monthLabel(month)}: この端末に保存した、この事業所へ送った予定と比べています。</p>
          <ul class="plain compare-people">
            {inFile.map((row) => (
              <li key={row.pair.key.insured}>
                <a href={to.compare(row.pair.key)}>{row.pair.name ? `${row.pair.name}(${row.pair.key.insured})` : `被保険者番号 ${row.pair.key.insured}`}</a>
                <span class={`status-badge status-${row.status}`}>{statusLabel(row.status, 'care')}</span>
                {row.comparison && <span class="muted">差異 {row.comparison.differences}件</span>}
              </li>
            ))}
          </ul>
          {missing.length > 0 && (
            <p>予定を送ったのに実績のない利用者: {namesWithMore(missing.map((r) => r.pair.name || r.pair.key.insured))}</p>
          )}
          <p><a href={to.monthly(month)}>{monthLabel(month)}の月次チェックへ</a></p>
        </div>
      ))}
    </section>
  );
}
