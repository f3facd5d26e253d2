// Small, plausible care plan files for the e2e tests: CP932 CSV bytes as care software writes
// them (CRLF, quoted free text, 髙 and 﨑 from the CP932 extensions) and a minimal valid PDF.
// tests/support/csvgen.ts has the full spec generator; this stays minimal on purpose.
import iconv from 'iconv-lite';
import type { GeneratedFile } from './csvgen';

export const CARE_OFFICE = '3300000001';
export const HOME_HELP_OFFICE = '3310000017';
export const DAY_SERVICE_OFFICE = '3310000025';
export const MONTH = '202501';
const VERSION = '202208';

export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** csvgen's CP932 files as Playwright gives them to a file input. */
export function asTestFiles(files: readonly GeneratedFile[]): TestFile[] {
  return files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.bytes) }));
}

/** A 連番 (YYYYMMDDhhmmss, a real date) unique per call, so runs never collide. */
let lastSequence = 0;
export function uniqueSequence(): string {
  const now = Math.max(Date.now(), lastSequence + 1000);
  lastSequence = now;
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CP932 bytes, CRLF line ends, no header row. */
export function cp932Csv(rows: string[][]): Buffer {
  const text = rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
  return iconv.encode(text, 'cp932');
}

function csvFile(name: string, rows: string[][]): TestFile {
  return { name, mimeType: 'text/csv', buffer: cp932Csv(rows) };
}

const KEYS = [VERSION, '131016', '0000012345'];
const KEYS_2 = [VERSION, '131016', '0000067890'];

/** 第6表 サービス利用票 (予定) or 実績: 22 columns in CSV version 202208, one row per service per day. */
function serviceRows(keys: string[], planner: string, provider: string, providerName: string): string[][] {
  const days = '1000001000000100000010000001000';
  const row = (day: string) =>
    [...keys, '20241220', MONTH, planner, '髙橋 﨑子', '3456', '0', day, days, '1000', '1100', '1', '111211', '', provider, providerName, '', '0', '', ''];
  return [row('20250106'), row('20250113')];
}

/** UPPLAN_YYYYMM_<sender>_<destination>_<seq>.csv (第6表 予定) */
export function planCsv(sender: string, destination: string, sequence: string): TestFile {
  return csvFile(`UPPLAN_${MONTH}_${sender}_${destination}_${sequence}.csv`, [
    ...serviceRows(KEYS, sender, destination, 'さくら訪問介護ステーション'),
    ...serviceRows(KEYS_2, sender, destination, 'さくら訪問介護ステーション'),
  ]);
}

/** UPJSK_YYYYMM_<sender>_<destination>_<seq>.csv (実績, same layout as 第6表) */
export function actualsCsv(sender: string, destination: string, sequence: string): TestFile {
  return csvFile(`UPJSK_${MONTH}_${sender}_${destination}_${sequence}.csv`, serviceRows(KEYS, destination, sender, 'さくら訪問介護ステーション'));
}

/** UPSIKYU_YYYYMM_… (第7表 サービス利用票別表): 34 columns in 202208, per person a service row and the grand total (単位数 0). */
export function allowanceCsv(sender: string, destination: string, sequence: string): TestFile {
  const row = (keys: string[], office: string, name: string, code: string, units: string, count: string) => [
    ...keys, '20241220', MONTH, name, office, '', code, units, '', '', count, '1728', '1728', '0', '1728', '0', '1728',
    '11.40', '19699', '90', '17729', '1970', '0', '0', '0', '0', '0', '0', '9999999999', '', sender, '',
  ];
  return csvFile(`UPSIKYU_${MONTH}_${sender}_${destination}_${sequence}.csv`, [KEYS, KEYS_2].flatMap((keys) => [
    row(keys, destination, 'さくら訪問介護ステーション', '111211', '1728', '2'),
    row(keys, '9999999999', '', '999999', '0', ''),
  ]));
}

/** UPHOSOKU_YYYYMM_… (利用者補足情報 going with 6/7表): 63 columns, one record per person. */
export function supplementCsv(sender: string, destination: string, sequence: string): TestFile {
  const limits = Array.from({ length: 9 }, (_, i) => (i === 0 ? ['11', '16765', '1728', '0'] : ['', '', '', ''])).flat();
  const row = (keys: string[], kana: string, name: string) => [
    ...keys, '00000000', kana, name, '2', '19400203', '100-0001', '東京都千代田区1-1', '"ひかり"荘, 101号', '03-0000-0000',
    '20240401', '20240401', '20250331', '2', '', '12', '16765', ...limits,
    // 合計限度超単位数, 入所前月迄利用日数, 入所累積利用日数, 前回要介護状態区分, 同意書受付業者, 更新業者コード, 識別子, 対象年月
    '0', '0', '0', '12', sender, '', '', MONTH,
  ];
  return csvFile(`UPHOSOKU_${MONTH}_${sender}_${destination}_${sequence}.csv`, [
    row(KEYS, 'タカサキ ハナコ', '髙﨑 花子'),
    row(KEYS_2, 'ヤマサキ タロウ', '山﨑 太郎'),
  ]);
}

/** The 第6表 + 第7表 + 補足 send unit. */
export function planUnit(sender: string, destination: string, sequence = uniqueSequence()): TestFile[] {
  return [planCsv(sender, destination, sequence), allowanceCsv(sender, destination, sequence), supplementCsv(sender, destination, sequence)];
}

/** A minimal valid PDF (one empty A4 page, with a correct xref table). */
export function minimalPdf(name = '第3表_週間サービス計画表.pdf'): TestFile {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

/** A Windows executable renamed to .pdf: the extension lies about the content. */
export function exeRenamedPdf(name = 'setup.pdf'): TestFile {
  const buffer = Buffer.alloc(1024);
  buffer.write('MZ', 0, 'latin1');
  buffer.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return { name, mimeType: 'application/pdf', buffer };
}

/** A real PDF header padded past the 10 MB a send may carry. */
export function oversizedPdf(name = '大きな資料.pdf', bytes = 10 * 1024 * 1024 + 64 * 1024): TestFile {
  const head = minimalPdf(name).buffer;
  const buffer = Buffer.alloc(bytes, 0x20);
  head.copy(buffer, 0);
  return { name, mimeType: 'application/pdf', buffer };
}
