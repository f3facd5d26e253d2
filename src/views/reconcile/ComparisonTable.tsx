// One person's 予定 ⇄ 実績: the counts, every line per day and service (differences marked), and
// the totals per service. Shared by the person view and the 送信前チェック.
import { useState } from 'preact/hooks';
import { changeTexts, dayText, LINE_LABELS, rowText, type CompareLine, type LineStatus, type PersonComparison } from '../../domain/reconcile';

const ORDER: LineStatus[] = ['plan-only', 'actual-only', 'changed', 'match'];

export function countsOf(comparison: PersonComparison): Record<LineStatus, number> {
  const counts: Record<LineStatus, number> = { match: 0, 'plan-only': 0, 'actual-only': 0, changed: 0 };
  for (const line of comparison.lines) counts[line.status] += 1;
  return counts;
}

export function LineCounts({ comparison }: { comparison: PersonComparison }) {
  const counts = countsOf(comparison);
  return (
    <ul class="line-counts" aria-label="件数">
      {ORDER.map((status) => (
        <li key={status} class={`line-count line-${status}${counts[status] === 0 ? ' line-count-zero' : ''}`}>
          {LINE_LABELS[status]} <strong>{counts[status]}</strong>件
        </li>
      ))}
    </ul>
  );
}

interface Props {
  month: string;
  comparison: PersonComparison;
  /** start with the differences only (送信前チェック); the person view shows every line */
  differencesOnly?: boolean;
  /** e.g. 髙橋 花子 の予定と実績 */
  caption: string;
}

export function ComparisonTable({ month, comparison, differencesOnly = false, caption }: Props) {
  const [onlyDifferences, setOnlyDifferences] = useState(differencesOnly);
  const lines = onlyDifferences ? comparison.lines.filter((l) => l.status !== 'match') : comparison.lines;
  const showSatellite = comparison.lines.some((l) => (l.planned ?? l.actual)!.satellite !== '');
  return (
    <div class="comparison">
      <div class="comparison-tools no-print">
        <label class="check-label">
          <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.currentTarget.checked)} />
          差異のある行だけ表示
        </label>
      </div>
      {lines.length === 0 ? (
        <p class="empty">{comparison.lines.length === 0 ? '予定・実績のサービスがありません。' : '差異はありません。予定どおりに実績があります。'}</p>
      ) : (
        <div class="table-scroll">
          <table class="comparison-table stack-on-phone">
            <caption class="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">日</th>
                <th scope="col">区分</th>
                <th scope="col">予定</th>
                <th scope="col">実績</th>
                <th scope="col">変更内容</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => <LineRow key={i} line={line} month={month} showSatellite={showSatellite} />)}
            </tbody>
          </table>
        </div>
      )}
      <h3 class="totals-title">サービスごとの合計</h3>
      <TotalsTable comparison={comparison} />
    </div>
  );
}

function LineRow({ line, month, showSatellite }: { line: CompareLine; month: string; showSatellite: boolean }) {
  const branch = (r: CompareLine['planned']) => (showSatellite && r?.satellite ? ` 枝番${r.satellite}` : '');
  return (
    <tr class={`line-${line.status}`}>
      <td data-label="日" class="nowrap inline-on-phone">{dayText(line.day, month)}</td>
      <td data-label="区分" class="inline-on-phone"><span class={`line-badge line-badge-${line.status}`}>{LINE_LABELS[line.status]}</span></td>
      <td data-label="予定" class="inline-on-phone">{line.planned ? `${rowText(line.planned, line.monthly)}${branch(line.planned)}` : <span class="muted">なし</span>}</td>
      <td data-label="実績" class="inline-on-phone">{line.actual ? `${rowText(line.actual, line.monthly)}${branch(line.actual)}` : <span class="muted">なし</span>}</td>
      <td data-label="変更内容">{line.status === 'changed' ? changeTexts(line).join('、') : null}</td>
    </tr>
  );
}

/** — where the rows of a side carry no 単位数; 0 where the side has no row of the service */
const unitsText = (t: { units: number | null; rows: number }) => (t.units === null ? (t.rows === 0 ? '0' : '—') : t.units.toLocaleString('ja-JP'));

function TotalsTable({ comparison }: { comparison: PersonComparison }) {
  if (comparison.totals.length === 0) return <p class="empty">合計するサービスがありません。</p>;
  return (
    <div class="table-scroll">
      <table class="totals-table stack-on-phone">
        <caption class="visually-hidden">サービスごとの回数と単位数(予定・実績)</caption>
        <thead>
          <tr>
            <th scope="col">サービスコード</th>
            <th scope="col">予定 回数</th>
            <th scope="col">実績 回数</th>
            <th scope="col">予定 単位数</th>
            <th scope="col">実績 単位数</th>
            <th scope="col">差</th>
          </tr>
        </thead>
        <tbody>
          {comparison.totals.map((t) => (
            <tr key={`${t.code}|${t.office}|${t.satellite}|${t.over30}`} class={t.differs ? 'total-differs' : undefined}>
              <td data-label="サービスコード">{t.code}{t.over30 ? '(30日超)' : ''}</td>
              <td data-label="予定 回数" class="num inline-on-phone">{t.planned.count}</td>
              <td data-label="実績 回数" class="num inline-on-phone">{t.actual.count}</td>
              <td data-label="予定 単位数" class="num inline-on-phone">{unitsText(t.planned)}</td>
              <td data-label="実績 単位数" class="num inline-on-phone">{unitsText(t.actual)}</td>
              <td data-label="差" class="inline-on-phone">{t.differs ? <span class="line-badge line-badge-changed">差異あり</span> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="field-note totals-note">単位数は各行の単位数(第6表 No.8)を足したものです。記載のないファイルは「—」です。</p>
    </div>
  );
}
