// The send unit of the month-start peak: what a 居宅 sends each provider at the start of a month
// for the people they share (8 here): 第6表 (UPPLAN, about 30 KB), 第7表 (UPSIKYU, about 6 KB) and
// 補足 (UPHOSOKU, about 2 KB) as CP932 CSVs valid against the standard spec, and a 第3表 PDF of
// 150 KB (incompressible, as a real PDF's compressed streams are). The CSVs carry both office
// numbers, so they are made once for a placeholder pair and patched per pair (the same digits in
// place, byte for byte): thousands of pairs cost the load generator next to nothing.
import { randomBytes } from 'node:crypto';
import { csvText, encodeCp932, makeRecords, PEOPLE, type Person } from '../../tests/support/csvgen';
import { sendBody, type MultipartBody } from './payload';

export const PEOPLE_PER_SEND = 8;
export const PDF_BYTES = 150 * 1024;
const MONTH = '202504';
const KINDS = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'] as const;
/** Placeholder office numbers, chosen to appear nowhere else in the generated records. */
const SENDER = '1390000001';
const DESTINATION = '1490000002';

interface Template {
  kind: (typeof KINDS)[number];
  bytes: Buffer;
  /** where each office number's 10 digits sit */
  senderAt: number[];
  destinationAt: number[];
}

function offsets(bytes: Buffer, digits: string): number[] {
  const found: number[] = [];
  for (let at = bytes.indexOf(digits); at >= 0; at = bytes.indexOf(digits, at + digits.length)) found.push(at);
  return found;
}

export interface SendUnitMaker {
  /** bytes of one send's files */
  bytes: number;
  body(sender: string, destination: string, n: number): MultipartBody;
}

export function sendUnitMaker(): SendUnitMaker {
  const people: Person[] = Array.from({ length: PEOPLE_PER_SEND }, (_, i) => ({
    ...PEOPLE[i % PEOPLE.length]!,
    insured: String(3_000_000 + i).padStart(10, '0'),
  }));
  const templates: Template[] = KINDS.map((kind) => {
    const bytes = Buffer.from(encodeCp932(csvText(makeRecords(kind, { sender: SENDER, destination: DESTINATION, month: MONTH, people }))));
    // every file names its 居宅; the 補足 names no provider
    const senderAt = offsets(bytes, SENDER);
    if (senderAt.length === 0) throw new Error(`${kind}: the sender's number is missing from the template`);
    return { kind, bytes, senderAt, destinationAt: offsets(bytes, DESTINATION) };
  });
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(PDF_BYTES - 9)]);
  return {
    bytes: templates.reduce((n, t) => n + t.bytes.byteLength, 0) + pdf.byteLength,
    body(sender, destination, n) {
      // one 連番 per send, shared by its files: seconds after the month's first morning
      const sequence = new Date(Date.UTC(2025, 3, 1, 8) + n * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
      const files = templates.map((t) => {
        const bytes = Buffer.from(t.bytes);
        for (const at of t.senderAt) bytes.write(sender, at, 'latin1');
        for (const at of t.destinationAt) bytes.write(destination, at, 'latin1');
        return { name: `${t.kind}_${MONTH}_${sender}_${destination}_${sequence}.csv`, bytes };
      });
      files.push({ name: `第3表_${sequence}.pdf`, bytes: pdf });
      return sendBody({ destination, message: '今月分の予定をお送りします' }, files);
    },
  };
}
