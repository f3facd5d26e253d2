// 送信前チェック for providers: a 実績 (UPJSK) the signed-in provider sends, dropped into 新規作成
// or 一括送信, is compared with the 予定 this office received from that 居宅, as the 居宅 will see
// it once the 実績 arrives. A warning to read, never a block; not shown to a 居宅 (nothing to compare).
import { listUsage } from '../../db/usage';
import type { Office } from '../../domain/contract';
import { sendsActualAsProvider } from '../../domain/direction';
import { parseFileName } from '../../domain/filename';
import {
  checkRowOf, keptFromFile, monthLabel, pairsOf, peopleOf, personKey, readUsageFile, statusLabel, type CheckRow,
} from '../../domain/reconcile';
import { online } from '../app/online';
import { session } from '../app/session';
import { useAsync } from '../common/use-async';
import { ComparisonTable, LineCounts } from './ComparisonTable';
import { sessionOwner, syncFromRelay } from './keep';
import './reconcile.css';

interface FileOfSend {
  name: string;
  blob: Blob;
}

interface FileCheck {
  name: string;
  care: string;
  month: string;
  /** the people of the 実績, as the 居宅 will compare them */
  rows: CheckRow[];
  /** people of a received 予定 for whom neither this 実績 nor an earlier one has anything */
  notInFile: CheckRow[];
  /** no 予定 from this 居宅 for this month is kept here */
  noPlans: boolean;
}

/** Only a 実績 this office sends as a provider: a 居宅 is refused by the direction rule anyway. */
const isOwnActual = (name: string, office: Office | null) => {
  const parsed = parseFileName(name);
  return parsed.ok && office !== null && sendsActualAsProvider(parsed.value, office);
};

async function checkFiles(files: FileOfSend[], syncFirst: boolean): Promise<FileCheck[]> {
  const owner = sessionOwner();
  if (!owner) return [];
  const synced = new Set<string>();
  const checks: FileCheck[] = [];
  for (const file of files) {
    const usage = readUsageFile(file.name, new Uint8Array(await file.blob.arrayBuffer()));
    if (!usage || usage.sender !== owner.office) continue;
    if (syncFirst && !synced.has(usage.month)) {
      synced.add(usage.month);
      // 予定 downloaded on another device are on the relay still; an unreachable relay leaves what is kept
      await syncFromRelay(owner, usage.month, () => undefined).catch(() => undefined);
    }
    const kept = (await listUsage(owner, usage.month)).filter((r) => r.care === usage.destination && r.provider === owner.office);
    // this 実績 as the newest version, as it will be once sent
    const sending = keptFromFile(usage, { fileName: file.name, sentAt: new Date().toISOString(), messageId: null });
    const people = new Set(usage.people.map(personKey));
    const rows = pairsOf(peopleOf([...kept, sending])).map(checkRowOf);
    checks.push({
      name: file.name,
      care: usage.destination,
      month: usage.month,
      rows: rows.filter((r) => people.has(personKey(r.pair.key))),
      notInFile: rows.filter((r) => !people.has(personKey(r.pair.key)) && r.status === 'awaiting'),
      noPlans: !kept.some((r) => r.kind === 'UPPLAN'),
    });
  }
  return checks;
}

export function PreSendCheck({ files }: { files: FileOfSend[] }) {
  const office = session.value?.office ?? null;
  const actuals = files.filter((f) => isOwnActual(f.name, office));
  const key = actuals.map((f) => `${f.name}#${f.blob.size}`).join('|');
  const result = useAsync(() => checkFiles(actuals, online.peek()), [key], actuals.length > 0);
  if (actuals.length === 0) return null;
  const checks = result.value;
  return (
    <section class="pre-send-check alert alert-warning" aria-labelledby="pre-send-title">
      <h2 id="pre-send-title">送信前チェック(実績と受け取った予定の比較)</h2>
      {result.loading && !checks && <p role="status">受け取った予定と比べています…</p>}
      {result.error !== undefined && <p>予定との比較ができませんでした(送信はできます)。</p>}
      {checks?.length === 0 && <p>実績の内容を読み取れないため、比較しません。</p>}
      {checks?.map((check) => <FileResult key={check.name} check={check} />)}
      <p class="field-note">差異があっても送信できます。内容を確かめてから送信してください。</p>
    </section>
  );
}

function FileResult({ check }: { check: FileCheck }) {
  const differs = check.rows.filter((r) => r.status === 'differs').length;
  const noPlan = check.rows.filter((r) => r.status === 'no-plan').length;
  return (
    <div class="pre-send-file">
      <p>
        <strong>{monthLabel(check.month)}・送信先 {check.care}</strong>: 利用者 {check.rows.length}人のうち
        差異あり <strong>{differs}人</strong>・予定なし {noPlan}人・一致 {check.rows.filter((r) => r.status === 'matches').length}人
      </p>
      {check.noPlans && (
        <p>この端末には、送信先から受け取った{monthLabel(check.month)}の予定がありません。受信一覧で予定をダウンロードすると比較できます。</p>
      )}
      {check.rows.filter((r) => r.status !== 'matches').map((row) => (
        <details key={personKey(row.pair.key)} class="pre-send-person">
          <summary>
            {row.pair.name || `被保険者番号 ${row.pair.key.insured}`}: {statusLabel(row.status, 'provider')}
            {row.comparison && `(差異 ${row.comparison.differences}件)`}
          </summary>
          {row.comparison && (
            <>
              <LineCounts comparison={row.comparison} />
              <ComparisonTable month={check.month} comparison={row.comparison} differencesOnly caption={`被保険者番号 ${row.pair.key.insured} の予定と実績`} />
            </>
          )}
        </details>
      ))}
      {check.notInFile.length > 0 && (
        <p>予定があるのに、この実績にも送信済みの実績にもない利用者: {check.notInFile.map((r) => r.pair.name || r.pair.key.insured).join('、')}</p>
      )}
    </div>
  );
}
