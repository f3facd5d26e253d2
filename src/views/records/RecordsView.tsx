// 送受信記録: what this office sent to and received from whom in a month, when, and when it was
// downloaded, one line per file, for 運営指導. On screen, printable (A4, without the menu), and
// as CSV (UTF-8 with BOM, for Excel) from the relay. Months are Japan time.
import { useState } from 'preact/hooks';
import { ApiFailure, fetchRecords, fetchRecordsCsv } from '../../api/client';
import type { TransferRecord } from '../../domain/contract';
import { monthOf, recordsFileName } from '../../domain/records';
import { formatMonth } from '../../domain/date';
import { online } from '../app/online';
import { replaceQuietly } from '../app/router';
import { to } from '../app/routes';
import { session } from '../app/session';
import { ErrorList } from '../common/Alert';
import { FileName } from '../common/FileName';
import { formatDateTime } from '../common/format';
import { Office } from '../common/Office';
import { PrintButton } from '../common/PrintButton';
import { useAsync } from '../common/use-async';
import { saveBytes } from '../messages/download';

/** This month and the 35 before it (運営指導 looks back up to three years), and the one asked. */
function recentMonths(asked: string): string[] {
  const now = new Date();
  const months = Array.from({ length: 36 }, (_, i) => monthOf(new Date(now.getFullYear(), now.getMonth() - i, 15)));
  return months.includes(asked) ? months : [asked, ...months];
}

export function RecordsView({ month: asked }: { month: string | null }) {
  const month = asked && /^\d{6}$/.test(asked) ? asked : monthOf(new Date());
  const office = session.value?.office;
  const loaded = useAsync(() => fetchRecords(month), [month, online.value]);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const error = loaded.error ? (loaded.error instanceof ApiFailure ? loaded.error.message : '送受信記録を読み込めませんでした') : null;

  async function downloadCsv() {
    setSaving(true);
    setCsvError(null);
    try {
      saveBytes(recordsFileName(office?.number ?? '', month), await fetchRecordsCsv(month));
    } catch (e) {
      setCsvError(e instanceof ApiFailure ? e.message : 'CSVを保存できませんでした');
    } finally {
      setSaving(false);
    }
  }

  const records = loaded.value?.records ?? [];
  const sent = records.filter((r) => r.direction === 'sent').length;
  return (
    <section class="records">
      <h1>送受信記録</h1>
      <p class="print-only">{office ? `${office.number} ${office.name}` : ''}</p>
      <div class="toolbar records-toolbar">
        <div class="filter-field">
          <label for="records-month">対象の月</label>
          <select id="records-month" value={month} onChange={(e) => replaceQuietly(to.records(e.currentTarget.value))}>
            {recentMonths(month).map((m) => (
              <option key={m} value={m}>{formatMonth(m)}</option>
            ))}
          </select>
        </div>
        <PrintButton />
        <button type="button" onClick={() => void downloadCsv()} disabled={saving || !online.value}>CSVで保存</button>
      </div>
      <p class="hint">
        {formatMonth(month)}(日本時間)に送信・受信したファイルを、1ファイル1行で表示します。メッセージが保存期限で削除された後も記録は残ります。
      </p>
      <ErrorList errors={[error, csvError].filter((e): e is string => e !== null)} />
      {loaded.loading && !loaded.value && <p role="status">読み込み中…</p>}
      {loaded.value && records.length === 0 && <p class="empty">{formatMonth(month)}の送受信はありません</p>}
      {records.length > 0 && (
        <>
          <p class="records-summary" role="status">送信 {sent} 件・受信 {records.length - sent} 件(ファイル単位)</p>
          <RecordsTable records={records} month={month} />
        </>
      )}
    </section>
  );
}

function RecordsTable({ records, month }: { records: TransferRecord[]; month: string }) {
  return (
    <div class="table-scroll">
      <table class="records-table stack-narrow">
        <caption class="visually-hidden">{formatMonth(month)}の送受信記録</caption>
        <thead>
          <tr>
            <th scope="col">区分</th>
            <th scope="col">送信日時</th>
            <th scope="col">相手先</th>
            <th scope="col">ファイル名</th>
            <th scope="col">種別</th>
            <th scope="col">ダウンロード日時</th>
            <th scope="col">取消日時</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r, i) => (
            <tr key={`${r.messageId}/${i}`}>
              <td class="nowrap inline-on-phone">{r.direction === 'sent' ? '送信' : '受信'}</td>
              <td class="nowrap inline-on-phone" data-label="送信日時">{formatDateTime(r.sentAt)}</td>
              <td data-label="相手先"><Office number={r.office.number} name={r.office.name} /></td>
              <td class="files-cell" data-label="ファイル名">{r.fileName ? <FileName name={r.fileName} /> : <span class="muted">(送信元が取り消しました)</span>}</td>
              <td class="nowrap inline-on-phone" data-label="種別">{r.category ?? ''}</td>
              <td class="nowrap inline-on-phone" data-label="ダウンロード">{r.downloadedAt ? formatDateTime(r.downloadedAt) : r.withdrawnAt ? '—' : '未'}</td>
              <td class="nowrap inline-on-phone" data-label={r.withdrawnAt ? '取消' : undefined}>{r.withdrawnAt ? formatDateTime(r.withdrawnAt) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
