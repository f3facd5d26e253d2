// The 一括送信 list: one row per destination + send unit, columns as in the manual. Why a row
// cannot go, why its send failed and what to check are not squeezed into the 送信結果 column:
// they get a full-width line under the row, readable on a phone as on a desktop.
import { Component } from 'preact';
import { isInFlight, UNKNOWN_OFFICE } from '../../domain/batch';
import type { FileCategory } from '../../domain/contract';
import { kindLabelOf, NONSTANDARD_NAME } from '../../domain/attachments';
import type { StoredBatchRow } from '../../db/batch';
import { FileNameCell } from './FileNameCell';
import { statusLabel } from './status-label';

interface BatchTableProps {
  rows: StoredBatchRow[];
  selected: ReadonlySet<string>;
  /** the office logged in: its own number is left out of the shortened file names */
  sender: string | null;
  onToggle: (id: string, on: boolean) => void;
  onEdit: (id: string) => void;
}

const COLUMNS = 8;

export function BatchTable({ rows, selected, sender, onToggle, onEdit }: BatchTableProps) {
  return (
    <div class="table-scroll batch-scroll">
      <table class="batch-table">
        <caption class="visually-hidden">一括送信の一覧</caption>
        <colgroup>
          <col class="col-check" />
          <col class="col-office" />
          <col class="col-time" />
          <col class="col-message" />
          <col class="col-files" />
          <col class="col-kinds" />
          <col class="col-result" />
          <col class="col-edit" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">選択</th>
            <th scope="col">送信先事業所名称</th>
            <th scope="col">ファイル出力日時</th>
            <th scope="col">メッセージ</th>
            <th scope="col">ファイル名</th>
            <th scope="col">ファイル種別</th>
            <th scope="col">送信結果</th>
            <th scope="col">編集</th>
          </tr>
        </thead>
        {rows.map((row) => (
          <BatchTableRow key={row.id} row={row} sender={sender} checked={selected.has(row.id)} onToggle={onToggle} onEdit={onEdit} />
        ))}
      </table>
    </div>
  );
}

interface RowProps {
  row: StoredBatchRow;
  sender: string | null;
  checked: boolean;
  onToggle: (id: string, on: boolean) => void;
  onEdit: (id: string) => void;
}

/**
 * A row is drawn again only when its row, its selection or the office changes: the screen's other
 * changes (「ファイルを確認しています…」 on and off, an error) do not redraw 50 rows. The handlers
 * do the same each time (select, open 編集), so a row keeps the ones it was drawn with.
 */
class BatchTableRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return next.row !== this.props.row || next.checked !== this.props.checked || next.sender !== this.props.sender;
  }

  override render() {
    return <BatchTableRowBody {...this.props} />;
  }
}

function BatchTableRowBody({ row, sender, checked, onToggle, onEdit }: RowProps) {
  const flagged = row.problems.length > 0;
  const label = rowLabel(row);
  const reasonsId = `batch-reasons-${row.id}`;
  const hasReasons = flagged || row.reason !== null || row.warnings.length > 0;
  const tone = flagged ? ' batch-row-problem' : row.status === '失敗' ? ' batch-row-failed' : '';
  // one body per row: the row and the line of its reasons belong together
  return (
    <tbody class={`batch-group${tone}`} data-destination={row.destination ?? ''} data-status={row.status}>
      <tr class={`batch-row${hasReasons ? ' batch-row-has-reasons' : ''}`}>
        <td class="batch-check">
          {/* problem rows can be selected too, but only to 削除 them: 一括送信 skips nothing silently and refuses them */}
          {/* the label makes the whole cell the touch target, not just the small box */}
          <label class="check-cell">
            <input type="checkbox" aria-label={`選択 ${label}`} checked={checked} disabled={isInFlight(row)}
              onChange={(event) => onToggle(row.id, (event.currentTarget as HTMLInputElement).checked)} />
          </label>
        </td>
        <td class="batch-office">
          <OfficeCell row={row} />
        </td>
        <td class="batch-time" data-label="ファイル出力日時">{row.sequenceDisplay ? <SequenceTimes display={row.sequenceDisplay} /> : '—'}</td>
        <td class="batch-message" data-label={row.message ? 'メッセージ' : undefined}>{row.message}</td>
        <td class="batch-names" data-label="ファイル名">
          <FileNameCell names={row.files.map((f) => f.name)} sender={sender} />
        </td>
        <td class="batch-kinds" data-label="ファイル種別"><KindMarks categories={row.categories} names={row.files.map((f) => f.name)} /></td>
        <td class="batch-result" data-label="送信結果">
          <span class={`batch-status batch-status-${flagged ? '不可' : row.status}`} aria-describedby={hasReasons ? reasonsId : undefined}>
            {flagged ? '送信できません' : statusLabel(row)}
          </span>
        </td>
        <td class="batch-edit">
          <button type="button" aria-label={`編集 ${label}`} disabled={row.destination === null || isInFlight(row)} onClick={() => onEdit(row.id)}>
            編集
          </button>
        </td>
      </tr>
      {hasReasons && (
        <tr class="batch-reasons-row">
          <td colSpan={COLUMNS}>
            <Reasons id={reasonsId} row={row} />
          </td>
        </tr>
      )}
    </tbody>
  );
}

/** 2025/03/25 10:30:00 as date and time on two lines (several 連番 are joined with 、). */
function SequenceTimes({ display }: { display: string }) {
  return (
    <>
      {display.split('、').map((one) => {
        const [date, time] = one.split(' ');
        return <span class="batch-seq" key={one}>{date}<wbr /> {time}</span>;
      })}
    </>
  );
}

/**
 * 登録 / 削除 / PDF等 as the manual marks them: one mark per kind the row holds, always in that
 * order. A CSV whose name cannot be read is none of them: its mark says so.
 */
function KindMarks({ categories, names }: { categories: FileCategory[]; names: string[] }) {
  if (names.some((name) => kindLabelOf(name) === NONSTANDARD_NAME)) return <span class="kind-mark kind-nonstandard">{NONSTANDARD_NAME}</span>;
  if (categories.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="kind-marks">
      {categories.map((c) => <li key={c} class={`kind-mark kind-${c === '登録' ? 'add' : c === '削除' ? 'delete' : 'other'}`}>{c}</li>)}
    </ul>
  );
}

function Reasons({ id, row }: { id: string; row: StoredBatchRow }) {
  return (
    <div id={id} class="batch-reasons">
      {row.problems.length > 0 && (
        <div class="batch-problems">
          <strong class="text-error">送信できない理由</strong>
          <ul>{row.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      )}
      {row.reason && (
        <div class={row.status === '失敗' ? 'batch-failure' : 'batch-waiting'}>
          <strong>{row.status === '失敗' ? '送信できなかった理由(直して、もう一度「一括送信」できます)' : '送信待ちの理由'}</strong>
          <p class="batch-reason">{row.reason}</p>
        </div>
      )}
      {row.warnings.length > 0 && (
        <div class="batch-warnings">
          <strong>{row.problems.length > 0 ? '確認してください' : '確認してください(このまま送信もできます)'}</strong>
          <ul>{row.warnings.map((w) => <li key={w} class="batch-warning">{w}</li>)}</ul>
        </div>
      )}
    </div>
  );
}

function OfficeCell({ row }: { row: StoredBatchRow }) {
  if (row.destination === null) return <span class="muted">送信先を読み取れないファイル</span>;
  return (
    <>
      {row.officeName === null ? (
        <strong class="text-error">{UNKNOWN_OFFICE}</strong>
      ) : (
        <span class="batch-office-name">{row.officeName ?? '(未確認)'}</span>
      )}
      <small class="office-number">{row.destination}</small>
    </>
  );
}

/** How a row is named to assistive tech and in the progress view. */
export function rowLabel(row: StoredBatchRow): string {
  if (row.destination === null) return row.files[0]?.name ?? '';
  const name = row.officeName ?? (row.officeName === null ? UNKNOWN_OFFICE : '');
  return `${row.destination} ${name}`.trim() + (row.sequenceDisplay ? ` ${row.sequenceDisplay}` : '');
}
