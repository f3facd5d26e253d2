// The bytes of one realistic send: 3 CP932 CSVs of one サービス利用票 unit (第6表, 第7表, 補足)
// framed as multipart/form-data exactly as a browser's FormData would send them.
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';

export const FILE_BYTES = 5 * 1024;
export const SENDER = '3300000001';
export const DESTINATION = '3310000017';
export const MONTH = '202404';

/** A CSV row in CP932 with characters only CP932 has (髙, 﨑, ①), commas and quotes. */
const ROW = iconv.encode(
  '202208,330001,0000012345,20240401,"髙橋 花子","山﨑ハイツ①",佐藤 ケアマネ,れんけい居宅介護支援センター,11,2,"課題, ""引用"""\r\n',
  'cp932',
);

/** About FILE_BYTES of whole CP932 rows (never a half double-byte character). */
export function csvBytes(): Buffer {
  const rows = Math.max(1, Math.floor(FILE_BYTES / ROW.length));
  return Buffer.concat(Array.from({ length: rows }, () => ROW));
}

/** 連番 YYYYMMDDhhmmss: n seconds after 2024-04-01 00:00:00, so every send has its own. */
export function sequenceFor(n: number): string {
  const d = new Date(Date.UTC(2024, 3, 1) + n * 1000);
  const p = (v: number, w = 2) => String(v).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export function fileNamesFor(sequence: string, sender = SENDER, destination = DESTINATION): string[] {
  return ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].map((kind) => `${kind}_${MONTH}_${sender}_${destination}_${sequence}.csv`);
}

export interface MultipartBody {
  contentType: string;
  body: Buffer;
}

/** One send's request body: field "meta" then one "files" part per file. */
export function sendBody(meta: { destination: string; message: string }, files: readonly { name: string; bytes: Buffer }[]): MultipartBody {
  const boundary = `----renkeibench${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\n\r\n${JSON.stringify(meta)}\r\n`),
  ];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

/** The n-th send of the bench: fresh 連番, same 5 KB contents. */
export function benchSend(n: number, content: Buffer): MultipartBody {
  const names = fileNamesFor(sequenceFor(n));
  return sendBody({ destination: DESTINATION, message: `bench ${n}` }, names.map((name) => ({ name, bytes: content })));
}
