// The 月次チェック list of one role: one row per provider (or 居宅) and person, with when the
// 予定 and 実績 went, the number of differences, the status and the way to the person view.
import { monthlyCsv, sequenceText, statusLabel, type CheckRow, type Role } from '../../domain/reconcile';
import { to } from '../app/routes';
import { formatDateTime } from '../common/format';
import { Office } from '../common/Office';
import { saveText } from './save-text';

interface Props {
  role: Role;
  rows: CheckRow[];
  month: string;
  names: ReadonlyMap<string, string>;
}

const WORDS = {
  care: { title: '送った予定と届いた実績', counterpart: 'サービス事業所', plan: '予定送信', actual: '実績受信' },
  provider: { title: '受け取った予定と送った実績', counterpart: '居宅介護支援事業所', plan: '予定受信', actual: '実績送信' },
} as const;

export function CheckTable({ role, rows, month, names }: Props) {
  const words = WORDS[role];
  const id = `check-${role}`;
  return (
    <section class="check-section" aria-labelledby={`${id}-title`}>
      <div class="check-section-head">
        <h2 id={`${id}-title`}>{words.title}({rows.length}件)</h2>
        <button type="button" class="small no-print" onClick={() => saveText(`月次チェック_${month}_${role === 'care' ? '居宅' : '事業所'}.csv`, monthlyCsv(rows, role, formatDateTime))}>
          CSV出力
        </button>
      </div>
      <div class="table-scroll">
        <table class="check-table stack-narrow" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">{words.counterpart}</th>
              <th scope="col">利用者</th>
              <th scope="col">{words.plan}</th>
              <th scope="col">{words.actual}</th>
              <th scope="col">差異</th>
              <th scope="col">状態</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => <Row key={`${row.pair.key.care}|${row.pair.key.provider}|${row.pair.key.insured}`} row={row} role={role} names={names} words={words} />)}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Row({ row, role, names, words }: { row: CheckRow; role: Role; names: ReadonlyMap<string, string>; words: (typeof WORDS)[Role] }) {
  const { key, plan, actuals, name, planPending } = row.pair;
  const counterpart = role === 'care' ? key.provider : key.care;
  const latest = actuals[actuals.length - 1];
  const label = statusLabel(row.status, role);
  return (
    <tr class={`check-row check-${row.status}`}>
      <td data-label={words.counterpart}><Office number={counterpart} name={names.get(counterpart)} /></td>
      <td data-label="利用者">
        <a href={to.compare(key)} aria-label={`${name || key.insured} の予定と実績(${label})`}>
          <span class="person-cell">
            {name && <span class="person-name">{name}</span>}
            <span class="person-number">{key.insured}</span>
          </span>
        </a>
      </td>
      <td data-label={words.plan} class="nowrap inline-on-phone">
        {plan?.sentAt ? <>{formatDateTime(plan.sentAt)}<span class="sequence">連番 {sequenceText(plan.sequence)}</span></> : planPending ? '送信待ち' : '—'}
      </td>
      <td data-label={words.actual} class="nowrap inline-on-phone">{latest?.sentAt ? formatDateTime(latest.sentAt) : '—'}</td>
      <td data-label="差異" class="num inline-on-phone">{row.comparison ? `${row.comparison.differences}件` : '—'}</td>
      <td data-label="状態" class="inline-on-phone check-status"><span class={`status-badge status-${row.status}`}>{label}</span></td>
    </tr>
  );
}
