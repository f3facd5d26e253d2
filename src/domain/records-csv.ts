// The 送受信記録 as CSV: UTF-8 with a BOM (so Excel reads the Japanese) and CRLF, one line per file.
import type { TransferRecord } from './contract';
import { jstDateTime } from './records';
import { toCsv } from './spreadsheet-csv';

export const RECORD_COLUMNS = [
  '区分',
  '送信日時',
  '相手先事業所番号',
  '相手先事業所名',
  'ファイル名',
  'ファイル種別',
  'サイズ(バイト)',
  'ダウンロード日時',
  '取消日時',
  '送信者(個人ID)',
  'SHA-256',
] as const;

export function recordRow(r: TransferRecord): string[] {
  return [
    r.direction === 'sent' ? '送信' : '受信',
    jstDateTime(r.sentAt),
    r.office.number,
    r.office.name,
    r.fileName || (r.withdrawnAt ? '(送信元が取り消しました)' : ''),
    r.category ?? '',
    r.size === null ? '' : String(r.size),
    jstDateTime(r.downloadedAt),
    jstDateTime(r.withdrawnAt),
    r.sentBy ?? '',
    r.sha256 ?? '',
  ];
}

/** The CSV text with its BOM and CRLF line ends (what Excel on Windows expects). */
export function recordsCsv(records: readonly TransferRecord[]): string {
  return `\uFEFF${toCsv([[...RECORD_COLUMNS], ...records.map(recordRow)])}`;
}

