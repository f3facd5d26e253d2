// The 月次チェック list of one role: per provider (or 居宅), one row per person, with when the
// 予定 and 実績 went, the number of differences, the status and the way to the person view.
// Groups off screen are laid out only when scrolled to (content-visibility in reconcile.css).
import { countStatuses, monthlyCsv, sequenceText, statusLabel, type CheckRow, type CheckStatus, type Role } from '../../domain/reconcile';
import { to } from '../app/routes';
import { formatDateTime } from '../common/format';
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
  const groups = groupsOf(rows, role);
  return (
    <section class="check-section" aria-labelledby={`${id}-title`}>
      <div class="check-section-head">
        <h2 id={`${id}-title`}>{words.title}({rows.length}件)</h2>
        <button type="button" class="small no-print" onClick={() => saveText(`月次チェック_${month}_${role === 'care' ? '居宅' : '事業所'}.csv`, monthlyCsv(rows, role, formatDateTime))}>
          CSV出力
        </button>
      </div>
      {groups.map((group) => <Group key={group.office} group={group} role={role} id={`${id}-${group.office}`} name={names.get(group.office)} words={words} />)}
    </section>
  );
}

interface GroupOf {
  /** the provider (the 居宅's view) or the 居宅 (a provider's view) */
  office: string;
  rows: CheckRow[];
  open: number;
}

/** One group per office on the other side, those with the most to follow up first. */
function groupsOf(rows: readonly CheckRow[], role: Role): GroupOf[] {
  const byOffice = new Map<string, GroupOf>();
  for (const row of rows) {
    const office = role === 'care' ? row.pair.key.provider : row.pair.key.care;
    let group = byOffice.get(office);
    if (!group) byOffice.set(office, (group = { office, rows: [], open: 0 }));
    group.rows.push(row);
    if (row.status !== 'matches') group.open += 1;
  }
  return [...byOffice.values()].sort((a, b) => b.open - a.open || (a.office < b.office ? -1 : 1));
}

function Group({ group, role, id, name, words }: { group: GroupOf; role: Role; id: string; name: string | undefined; words: (typeof WORDS)[Role] }) {
  const counts = countStatuses(group.rows).byStatus;
  const summary = (Object.keys(counts) as CheckStatus[]).filter((s) => counts[s] > 0).map((s) => `${statusLabel(s, role)} ${counts[s]}`).join('・');
  return (
    <section class="check-group" aria-labelledby={id}>
      <h3 id={id} class="check-group-title">
        <span class="office-number">{group.office}</span> {name && <span class="check-group-name">{name}</span>}
        <span class="check-group-counts">{summary}</span>
      </h3>
      <div class="table-scroll">
        <table class="check-table stack-narrow" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">利用者</th>
              <th scope="col">{words.plan}</th>
              <th scope="col">{words.actual}</th>
              <th scope="col">差異</th>
              <th scope="col">状態</th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((row) => <Row key={`${row.pair.key.insurer}|${row.pair.key.insured}`} row={row} role={role} words={words} />)}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Row({ row, role, words }: { row: CheckRow; role: Role; words: (typeof WORDS)[Role] }) {
  const { key, plan, actuals, name, planPending } = row.pair;
  const latest = actuals[actuals.length - 1];
  const label = statusLabel(row.status, role);
  return (
    <tr class={`check-row check-${row.status}`}>
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
