// The 一括送信 list: one row per destination + send unit, columns as in the manual.
import { isInFlight, UNKNOWN_OFFICE } from '../../domain/batch';
import type { StoredBatchRow } from '../../db/batch';
import { FileNameCell } from './FileNameCell';
import { statusLabel } from './status-label';

interface BatchTableProps {
  rows: StoredBatchRow[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  onEdit: (id: string) => void;
}

export function BatchTable({ rows, selected, onToggle, onEdit }: BatchTableProps) {
  return (
    <div class="table-scroll">
      <table class="batch-table">
        <caption class="visually-hidden">一括送信の一覧</caption>
        <thead>
          <tr>
            <th scope="col" class="batch-pin-start">選択</th>
            <th scope="col">送信先事業所名称</th>
            <th scope="col">ファイル出力日時</th>
            <th scope="col">メッセージ</th>
            <th scope="col">ファイル名</th>
            <th scope="col">ファイル種別</th>
            <th scope="col" class="batch-result">送信結果</th>
            <th scope="col" class="batch-pin-end">編集</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <BatchTableRow key={row.id} row={row} checked={selected.has(row.id)} onToggle={onToggle} onEdit={onEdit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BatchTableRow({ row, checked, onToggle, onEdit }: {
  row: StoredBatchRow;
  checked: boolean;
  onToggle: (id: string, on: boolean) => void;
  onEdit: (id: string) => void;
}) {
  const flagged = row.problems.length > 0;
  const label = rowLabel(row);
  return (
    <tr class={flagged ? 'batch-row batch-row-problem' : 'batch-row'} data-destination={row.destination ?? ''} data-status={row.status}>
      <td class="batch-pin-start">
        {/* problem rows can be selected too, but only to 削除 them: 一括送信 skips nothing silently and refuses them */}
        {/* the label makes the whole cell the touch target, not just the small box */}
        <label class="check-cell">
          <input type="checkbox" aria-label={`選択 ${label}`} checked={checked} disabled={isInFlight(row)}
            onChange={(event) => onToggle(row.id, (event.currentTarget as HTMLInputElement).checked)} />
        </label>
      </td>
      <td>
        <OfficeCell row={row} />
      </td>
      <td class="batch-time">{row.sequenceDisplay || '—'}</td>
      <td class="batch-message">{row.message}</td>
      <td>
        <FileNameCell names={row.files.map((f) => f.name)} />
      </td>
      <td>{row.categories.join('・')}</td>
      <td class="batch-result">
        <ResultCell row={row} />
      </td>
      <td class="batch-pin-end">
        <button type="button" aria-label={`編集 ${label}`} disabled={row.destination === null || isInFlight(row)} onClick={() => onEdit(row.id)}>
          編集
        </button>
      </td>
    </tr>
  );
}

function OfficeCell({ row }: { row: StoredBatchRow }) {
  if (row.destination === null) return <span class="muted">—</span>;
  return (
    <>
      {row.officeName === null ? (
        <strong class="text-error">{UNKNOWN_OFFICE}</strong>
      ) : (
        <span>{row.officeName ?? '(未確認)'}</span>
      )}
      <br />
      <small class="office-number">{row.destination}</small>
    </>
  );
}

function ResultCell({ row }: { row: StoredBatchRow }) {
  if (row.problems.length > 0) {
    return (
      <div class="batch-problems">
        <strong class="text-error">送信できません</strong>
        <ul>
          {row.problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      </div>
    );
  }
  return (
    <div class={`batch-status batch-status-${row.status}`}>
      <span>{statusLabel(row)}</span>
      {row.reason && <p class="batch-reason">{row.reason}</p>}
      {row.warnings.map((w) => <p key={w} class="batch-warning">{w}</p>)}
    </div>
  );
}

/** How a row is named to assistive tech and in the progress view. */
export function rowLabel(row: StoredBatchRow): string {
  if (row.destination === null) return row.files[0]?.name ?? '';
  const name = row.officeName ?? (row.officeName === null ? UNKNOWN_OFFICE : '');
  return `${row.destination} ${name}`.trim() + (row.sequenceDisplay ? ` ${row.sequenceDisplay}` : '');
}
