// 月次チェック: for a chosen 対象年月, every provider × person this office sent 予定 to (and,
// for a provider, every 予定 it received), with what is still missing before the 10th of the
// following month, when the 給付管理票 is due.
import { useMemo } from 'preact/hooks';
import { countStatuses, dateLabel, deadlineOf, defaultCheckMonth, monthLabel, monthlyCheck, type CheckRow } from '../../domain/reconcile';
import { online } from '../app/online';
import { ErrorList } from '../common/Alert';
import { formatDateTime } from '../common/format';
import { MonthPicker } from '../common/MonthPicker';
import { useOfficeNames } from '../common/office-names';
import { navigate } from '../app/router';
import { to } from '../app/routes';
import { CheckTable } from './CheckTable';
import { sessionOwner } from './keep';
import { KeptDataPanel } from './KeptDataPanel';
import { SyncStatus } from './SyncStatus';
import { useKeptUsage } from './use-kept-usage';
import './reconcile.css';

const isMonth = (value: string | null): value is string => value !== null && /^\d{4}(0[1-9]|1[0-2])$/.test(value);

export function MonthlyCheckView({ month: asked }: { month: string | null }) {
  const month = isMonth(asked) ? asked : defaultCheckMonth(new Date());
  const office = sessionOwner()?.office ?? '';
  const kept = useKeptUsage(month);
  const check = useMemo(() => (kept.records ? monthlyCheck(kept.records, month, office) : null), [kept.records, month, office]);
  const numbers = check ? [...check.asCare.map((r) => r.pair.key.provider), ...check.asProvider.map((r) => r.pair.key.care)] : [];
  const names = useOfficeNames(numbers, online.value);
  const empty = check !== null && check.asCare.length === 0 && check.asProvider.length === 0;

  return (
    <section class="reconcile monthly-check">
      <h1>月次チェック</h1>
      <p class="print-only">{monthLabel(month)}(印刷 {formatDateTime(Date.now())})</p>
      <p class="lead no-print">予定と実績を利用者ごとに照合します。居宅介護支援事業所は給付管理票の提出(翌月10日)の前に、届いていない実績と差異を、サービス事業所は送っていない実績を確認してください。</p>
      <MonthPicker id="month-picker" month={month} hrefOf={to.monthly} onPick={(m) => m && navigate(to.monthly(m))} />
      <div class="no-print"><SyncStatus sync={kept.sync} /></div>
      <ErrorList errors={kept.error ? ['この端末の予定・実績を読み込めませんでした'] : []} />
      {check === null && !kept.error && <p role="status">読み込み中…</p>}
      {check && check.asCare.length > 0 && <DeadlineBanner month={month} rows={check.asCare} />}
      {check && check.asProvider.length > 0 && <ProviderBanner rows={check.asProvider} />}
      {empty && (
        <p class="empty empty-month">
          {monthLabel(month)}の予定・実績はこの端末にありません。予定を送信するか、受信した予定・実績をダウンロードすると表示されます。
        </p>
      )}
      {check && check.asCare.length > 0 && <CheckTable role="care" rows={check.asCare} month={month} names={names} />}
      {check && check.asProvider.length > 0 && <CheckTable role="provider" rows={check.asProvider} month={month} names={names} />}
      {check && !empty && (
        <div class="actions no-print">
          <button type="button" class="primary" onClick={() => window.print()}>印刷</button>
        </div>
      )}
      <KeptDataPanel month={month} shown={kept.records} onDeleted={kept.reload} />
    </section>
  );
}

/** What is still missing before the 給付管理票 deadline, for the 居宅. */
function DeadlineBanner({ month, rows }: { month: string; rows: CheckRow[] }) {
  const { byStatus } = countStatuses(rows);
  const missing = byStatus.awaiting;
  const offices = new Set(rows.filter((r) => r.status === 'awaiting').map((r) => r.pair.key.provider)).size;
  const deadline = deadlineOf(month, new Date());
  const when = deadline.daysLeft > 0 ? `あと${deadline.daysLeft}日` : deadline.daysLeft === 0 ? '今日が期限です' : `期限を${-deadline.daysLeft}日過ぎています`;
  const tone = missing === 0 && byStatus.differs === 0 ? 'banner-ok' : deadline.daysLeft < 0 ? 'banner-late' : 'banner-due';
  return (
    <div class={`deadline-banner ${tone}`} role="status">
      <p class="banner-deadline">給付管理票の提出期限 {dateLabel(deadline.date)}({when})</p>
      <p class="banner-counts">
        {missing > 0 ? <>実績未着 <strong>{missing}件</strong>({offices}事業所)</> : 'すべての実績が届いています'}
        {byStatus.differs > 0 && <>・差異あり <strong>{byStatus.differs}件</strong></>}
        {byStatus['no-plan'] > 0 && <>・予定なし {byStatus['no-plan']}件</>}
        ・一致 {byStatus.matches}件
      </p>
    </div>
  );
}

/** For a provider: the 予定 received whose 実績 has not been sent. */
function ProviderBanner({ rows }: { rows: CheckRow[] }) {
  const { byStatus } = countStatuses(rows);
  const planned = rows.filter((r) => r.pair.plan).length;
  return (
    <div class={`deadline-banner ${byStatus.awaiting > 0 ? 'banner-due' : 'banner-ok'}`} role="status">
      <p class="banner-counts">
        受け取った予定 {planned}件のうち、実績未送信 <strong>{byStatus.awaiting}件</strong>
        {byStatus.differs > 0 && <>・差異あり {byStatus.differs}件</>}
      </p>
    </div>
  );
}
