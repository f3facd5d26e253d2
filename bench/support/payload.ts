// The bytes of one realistic send: 3 spec-valid CP932 CSVs of one サービス利用票 unit (第6表,
// 第7表, 補足) of about 5 KB each, framed as multipart/form-data exactly as a browser's FormData
// would send them. The relay checks every CSV against the standard spec, so the bench must send
// files it accepts: they come from tests/support/csvgen.ts, cut to size at record boundaries.
import { randomBytes } from 'node:crypto';
import { CM, HH } from '../../tests/support/cast';
import { csvText, encodeCp932, makeRecords, MONTH as GENERATED_MONTH, PEOPLE, type Person } from '../../tests/support/csvgen';

export const FILE_BYTES = 5 * 1024;
export const SENDER = CM.office;
export const DESTINATION = HH.office;
export const MONTH = GENERATED_MONTH;
export const KINDS = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'] as const;
export type BenchKind = (typeof KINDS)[number];
export type BenchContents = Record<BenchKind, Buffer>;

/** Enough people that even the small 補足 rows reach FILE_BYTES. */
const people: Person[] = Array.from({ length: 40 }, (_, i) => ({
  ...PEOPLE[i % PEOPLE.length]!,
  insured: String(2_000_000 + i).padStart(10, '0'),
}));

/** The longest run of whole records that fits FILE_BYTES (never a half record or half character). */
function cut(rows: string[][]): Buffer {
  let kept = 1;
  while (kept < rows.length && encodeCp932(csvText(rows.slice(0, kept + 1))).length <= FILE_BYTES) kept++;
  return Buffer.from(encodeCp932(csvText(rows.slice(0, kept))));
}

/** The three files' contents; the same for every send (only the names' 連番 changes). */
export function csvContents(): BenchContents {
  const options = { sender: SENDER, destination: DESTINATION, month: MONTH, people };
  return {
    UPPLAN: cut(makeRecords('UPPLAN', options)),
    UPSIKYU: cut(makeRecords('UPSIKYU', options)),
    UPHOSOKU: cut(makeRecords('UPHOSOKU', options)),
  };
}

/** 連番 YYYYMMDDhhmmss: n seconds after 2024-04-01 00:00:00, so every send has its own. */
export function sequenceFor(n: number): string {
  const d = new Date(Date.UTC(2024, 3, 1) + n * 1000);
  const p = (v: number, w = 2) => String(v).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export function fileNameFor(kind: BenchKind, sequence: string, sender = SENDER, destination = DESTINATION): string {
  return `${kind}_${MONTH}_${sender}_${destination}_${sequence}.csv`;
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
export function benchSend(n: number, contents: BenchContents): MultipartBody {
  const sequence = sequenceFor(n);
  return sendBody(
    { destination: DESTINATION, message: `bench ${n}` },
    KINDS.map((kind) => ({ name: fileNameFor(kind, sequence), bytes: contents[kind] })),
  );
}
