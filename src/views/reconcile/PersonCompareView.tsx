// 予定 ⇄ 実績 for one person and month: which 予定 and 実績 versions were used, every line per
// day and service, the totals; printable and exportable. Drawn from this device's records, so it
// opens offline and after the relay deleted its copies.
import { useMemo } from 'preact/hooks';
import {
  checkRowOf, comparisonCsv, monthLabel, pairId, pairsOf, peopleOf, sequenceText, statusLabel, type CheckRow, type KeptUsage, type PairKey,
} from '../../domain/reconcile';
import { online } from '../app/online';
import { to } from '../app/routes';
import { ErrorList } from '../common/Alert';
import { formatDateTime, officeLabel } from '../common/format';
import { useOfficeNames } from '../common/office-names';
import { ComparisonTable, LineCounts } from './ComparisonTable';
import { sessionOwner } from './keep';
import { saveText } from './save-text';
import { SyncStatus } from './SyncStatus';
import { useKeptUsage } from './use-kept-usage';
import './reconcile.css';

function keyOf(params: URLSearchParams): PairKey | null {
  const get = (name: string) => params.get(name) ?? '';
  const key = { month: get('month'), care: get('care'), provider: get('provider'), insurer: get('insurer'), insured: get('insured') };
  return /^\d{6}$/.test(key.month) && key.care && key.provider && key.insured ? key : null;
}

export function PersonCompareView({ params }: { params: URLSearchParams }) {
  const key = keyOf(params);
  if (!key) {
    return (
      <section>
        <h1>予定 ⇄ 実績</h1>
        <ErrorList errors={['表示する利用者が指定されていません。月次チェックから選んでください。']} />
        <a class="button" href={to.monthly()}>月次チェックへ</a>
      </section>
    );
  }
  return <PersonCompare pairKey={key} />;
}

function PersonCompare({ pairKey }: { pairKey: PairKey }) {
  const kept = useKeptUsage(pairKey.month);
  const row: CheckRow | null = useMemo(() => {
    const pair = kept.records ? pairsOf(peopleOf(kept.records)).find((p) => pairId(p.key) === pairId(pairKey)) : undefined;
    return pair ? checkRowOf(pair) : null;
  }, [kept.records]);
  const names = useOfficeNames([pairKey.care, pairKey.provider], online.value);
  const role = sessionOwner()?.office === pairKey.care ? 'care' : 'provider';
  const who = row?.pair.name ? `${row.pair.name}(被保険者番号 ${pairKey.insured})` : `被保険者番号 ${pairKey.insured}`;
  const back = <a class="button" href={to.monthly(pairKey.month)}>月次チェックへ</a>;

  return (
    <section class="reconcile person-compare">
      <p class="back-top no-print"><a href={to.monthly(pairKey.month)}><span aria-hidden="true">‹</span>一覧へ</a></p>
      <h1>予定 ⇄ 実績</h1>
      <p class="person-heading">{who} <span class="muted">{monthLabel(pairKey.month)}</span></p>
      <div class="no-print"><SyncStatus sync={kept.sync} /></div>
      {kept.records === undefined && !kept.error && <p role="status">読み込み中…</p>}
      <ErrorList errors={kept.error ? ['この端末の予定・実績を読み込めませんでした'] : []} />
      <dl class="detail-list pair-facts">
        <dt>保険者番号</dt>
        <dd>{pairKey.insurer}</dd>
        <dt>居宅介護支援事業所</dt>
        <dd>{officeLabel({ number: pairKey.care, name: names.get(pairKey.care) })}</dd>
        <dt>サービス事業所</dt>
        <dd>{officeLabel({ number: pairKey.provider, name: names.get(pairKey.provider) })}</dd>
        {row && (
          <>
            <dt>状態</dt>
            <dd><span class={`status-badge status-${row.status}`}>{statusLabel(row.status, role)}</span></dd>
            <dt>比較した予定</dt>
            <dd>{row.pair.plan ? <Version of={row.pair.plan} note={row.pair.replacedPlans > 0 ? `(以前の予定${row.pair.replacedPlans}件を置き換え)` : ''} /> : planMissing(row)}</dd>
            <dt>比較した実績</dt>
            <dd>
              {row.pair.actuals.length === 0 ? (role === 'care' ? 'まだ届いていません' : 'まだ送信していません') : (
                <ul class="plain">{row.pair.actuals.map((a) => <li key={a.fileName}><Version of={a} note="" /></li>)}</ul>
              )}
            </dd>
          </>
        )}
      </dl>
      {kept.records !== undefined && !row && (
        <p class="empty">この端末には、この利用者の{monthLabel(pairKey.month)}の予定・実績がありません。予定を送信するか、実績をダウンロードすると表示されます。</p>
      )}
      {row?.pair.plan && row.pair.plan.rows.length === 0 && (
        <p class="alert alert-warning">比較した予定には、このサービス事業所({pairKey.provider})のサービスがありません。</p>
      )}
      {row?.comparison && (
        <>
          <h2>日ごとの予定と実績</h2>
          <LineCounts comparison={row.comparison} />
          <ComparisonTable month={pairKey.month} comparison={row.comparison} caption={`${who} の予定と実績`} />
        </>
      )}
      {row && !row.comparison && row.pair.plan && (
        <p class="empty">{role === 'care' ? '実績が届くと、予定との差異がここに表示されます。' : '実績を送信すると、予定との差異がここに表示されます。'}</p>
      )}
      <div class="actions no-print">
        {back}
        {row?.comparison && (
          <>
            <button type="button" onClick={() => saveText(`予定実績_${pairKey.month}_${pairKey.provider}_${pairKey.insured}.csv`, comparisonCsv(row.pair, row.comparison!))}>CSV出力</button>
            <button type="button" class="primary" onClick={() => window.print()}>印刷</button>
          </>
        )}
      </div>
      <p class="field-note">この画面はこの端末に保存した予定・実績から表示しています。サーバーの保存期限(30日)を過ぎても表示できます。</p>
    </section>
  );
}

function planMissing(row: CheckRow): string {
  if (row.pair.planDeletedBy) return `削除されました(${formatDateTime(row.pair.planDeletedBy.sentAt ?? '')} 予定の削除)`;
  if (row.pair.planPending) return '送信待ちです(送信されると比較に使います)';
  return 'この利用者・月の予定はありません';
}

function Version({ of, note }: { of: KeptUsage; note: string }) {
  return (
    <span class="version">
      送信日時 {of.sentAt ? formatDateTime(of.sentAt) : '—'}・連番 {sequenceText(of.sequence)}{note}
      <span class="version-file">{of.fileName}</span>
    </span>
  );
}
