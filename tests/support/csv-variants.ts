// A seeded corpus of CSV files, good and damaged, of every kind with a layout and every CSV
// version: the files tests/unit/csv-verdicts.test.ts pins the checks' verdicts on, so a faster
// engine must give the same outcome and the same Japanese messages, word for word.
import iconv from 'iconv-lite';
import type { FileKind } from '../../src/domain/filename';
import { LAYOUT_DEFS, layoutFor, type Layout } from '../../src/domain/csv/layouts';
import {
  CARE_OFFICE, csvText, encodeCp932, fileName, HOME_HELP_OFFICE, LAID_OUT_KINDS, makeRecords, MONTH_OF_VERSION,
  VERSIONS, versionsOf, type CsvVersion, type LaidOutKind,
} from './csvgen';

export interface Variant {
  id: string;
  name: string;
  bytes: Uint8Array;
}

/** mulberry32: the same corpus on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values that pass or fail the formats of the layouts in every way they can. */
const VALUES = [
  '', ' ', 'x', 'ｘ', '0', '1', '2', '9', '01', '02', '06', '11', '12', '21', '22', '23', '2A', '17', '67', 'Y', 'N', '-1', '-12', '1.5',
  '11.40', '9.5', '20250320', '20250230', '20251301', '00000000', '19000101', '18991231', '202504', '202513', '000000', '202404',
  '201910', '202407', '202504x', '9999', '2400', '2401', '0960', '0900', '1000', '99999999999', 'H12345678', 'H123456789',
  '0000012345', '1234567890', '3300000001', '3300000002', '33A0000001', '9999999999', '111211', '11AAAA', '11EEEE', '11ZZZZ',
  '999999', '171001', '17AAAA', '00001-000010', '00001－000010', '100-0001', '1000001', '1'.repeat(31), '0'.repeat(30),
  '朝食後に服薬、見守り。', 'ｶﾀｶﾅ', '髙橋 﨑', 'a"b', '""', '行1\r\n行2', '行1\n行2', 'あ'.repeat(60), '131016', '13101', '99',
];

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

type RecordEdit = (rows: string[][], rnd: () => number) => string[][];

const cellEdit: RecordEdit = (rows, rnd) => {
  const r = pick(rnd, rows);
  r[Math.floor(rnd() * r.length)] = pick(rnd, VALUES);
  return rows;
};

/** Edits of the records: one or several cells, a column more or less, rows added, lost or moved. */
const RECORD_EDITS: Record<string, RecordEdit> = {
  cell: cellEdit,
  cells: (rows, rnd) => {
    for (let k = 0; k < 6; k++) cellEdit(rows, rnd);
    return rows;
  },
  everyRowCell: (rows, rnd) => {
    const column = Math.floor(rnd() * rows[0]!.length);
    const value = pick(rnd, VALUES);
    for (const r of rows) r[column] = value;
    return rows;
  },
  shorter: (rows, rnd) => {
    const r = pick(rnd, rows);
    r.splice(Math.floor(rnd() * r.length), 1);
    return rows;
  },
  longer: (rows, rnd) => {
    const r = pick(rnd, rows);
    r.splice(Math.floor(rnd() * r.length), 0, pick(rnd, VALUES));
    return rows;
  },
  blankBetween: (rows, rnd) => {
    rows.splice(1 + Math.floor(rnd() * rows.length), 0, [rnd() < 0.5 ? '' : '  ']);
    return rows;
  },
  blankAtEnd: (rows) => [...rows, [''], ['']],
  duplicate: (rows, rnd) => {
    const at = Math.floor(rnd() * rows.length);
    rows.splice(at, 0, [...rows[at]!]);
    return rows;
  },
  drop: (rows, rnd) => (rows.length > 1 ? rows.filter((_, i) => i !== Math.floor(rnd() * rows.length)) : rows),
  reverse: (rows) => rows.reverse(),
  version: (rows, rnd) => {
    rows[Math.floor(rnd() * rows.length)]![0] = pick(rnd, ['201910', '202003', '202208', '202407', '202504', '202404', '2024', '']);
    return rows;
  },
  onlyFirst: (rows) => rows.slice(0, 1),
};

type TextEdit = (text: string, rnd: () => number) => string;

/** Edits of the text: line endings, quotes. */
const TEXT_EDITS: Record<string, TextEdit> = {
  lf: (t) => t.replaceAll('\r\n', '\n'),
  cr: (t) => t.replaceAll('\r\n', '\r'),
  mixed: (t, rnd) => t.replaceAll('\r\n', () => pick(rnd, ['\r\n', '\n', '\r'])),
  noFinalNewline: (t) => t.replace(/\r\n$/, ''),
  trailingComma: (t) => t.replace(/\r\n$/, ','),
  strayQuote: (t, rnd) => insertAt(t, rnd, 'x"y'),
  openQuote: (t, rnd) => insertAt(t, rnd, ',"never closed'),
  afterClosing: (t) => t.replace('",', '" x,'),
  blanksAfterClosing: (t) => t.replaceAll('",', '"  \t,'),
  quotedEverything: (t) => t.split('\r\n').map((line) => (line.includes('"') ? line : line.split(',').map((v) => `"${v}"`).join(','))).join('\r\n'),
};

function insertAt(text: string, rnd: () => number, what: string): string {
  const at = Math.floor(rnd() * text.length);
  return text.slice(0, at) + what + text.slice(at);
}

type ByteEdit = (bytes: Uint8Array, rnd: () => number, text: string) => Uint8Array;

function insertBytes(bytes: Uint8Array, rnd: () => number, what: number[]): Uint8Array {
  // at a character boundary: after a comma
  const commas = [...bytes.keys()].filter((i) => bytes[i] === 0x2c);
  const at = commas.length > 0 ? pick(rnd, commas) + 1 : 0;
  return new Uint8Array([...bytes.subarray(0, at), ...what, ...bytes.subarray(at)]);
}

/** Edits of the bytes: what CP932 cannot hold, other encodings, files cut short. */
const BYTE_EDITS: Record<string, ByteEdit> = {
  byte80: (b, rnd) => insertBytes(b, rnd, [0x80]),
  gaiji: (b, rnd) => insertBytes(b, rnd, [0xf0, 0x40]),
  gaijiTwice: (b, rnd) => insertBytes(insertBytes(b, rnd, [0xf9, 0xfc]), rnd, [0xf0, 0x40]),
  unmapped: (b, rnd) => insertBytes(b, rnd, [0x85, 0x40]),
  loneLead: (b, rnd) => insertBytes(b, rnd, [0x81]),
  badLead: (b, rnd) => insertBytes(b, rnd, [0xfd]),
  eofInside: (b, rnd) => insertBytes(b, rnd, [0x1a]),
  eofAtEnd: (b) => new Uint8Array([...b, 0x1a]),
  eofTwiceAtEnd: (b) => new Uint8Array([...b, 0x1a, 0x1a]),
  cutShort: (b, rnd) => b.subarray(0, Math.max(1, Math.floor(rnd() * b.length))),
  utf8: (_b, _rnd, text) => new TextEncoder().encode(text),
  utf8Bom: (_b, _rnd, text) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
  asciiBom: (b) => new Uint8Array([0xef, 0xbb, 0xbf, ...b.filter((x) => x < 0x80)]),
  utf16: (_b, _rnd, text) => new Uint8Array(iconv.encode(text, 'utf16')),
  eucJp: (_b, _rnd, text) => new Uint8Array(iconv.encode(text, 'euc-jp')),
  empty: () => new Uint8Array(0),
  binary: (b) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...b]),
  nul: (b, rnd) => insertBytes(b, rnd, [0x00]),
};

/** A value each format of a layout accepts, found by asking the format (codes, dates, numbers…). */
const CANDIDATES = ['20250320', '202504', '131016', '0000012345', CARE_OFFICE, '0900', '1', '01', '11', '12', '21', '06', 'Y',
  '111211', '11', '100-0001', '00001-000010', '1.00', '1'.repeat(31), '9999999999'];

/** A record for the kinds csvgen does not write (介護予防): a value the format accepts in every column. */
function genericRecord(layout: Layout, version: string): string[] {
  return layout.columns.map((c, i) => {
    if (i === 0) return version;
    const check = c.format.check;
    if (check === null) return c.need === 'required' || c.need === 'uncertain' ? 'テキスト' : '';
    return CANDIDATES.find((v) => check(v) === null) ?? '';
  });
}

interface Base {
  kind: FileKind;
  version: CsvVersion;
  month: string;
  rows: string[][];
}

function bases(): Base[] {
  const list: Base[] = [];
  for (const kind of LAID_OUT_KINDS) {
    for (const version of versionsOf(kind)) {
      const month = kind === 'UPHOSOKU' ? (version === '202407' ? '202504' : '000000') : MONTH_OF_VERSION[version];
      list.push({ kind, version, month, rows: makeRecords(kind as LaidOutKind, { version, month }) });
    }
  }
  const laidOut = new Set<string>(LAID_OUT_KINDS);
  for (const def of Object.values(LAYOUT_DEFS)) {
    if (!def || laidOut.has(def.kind)) continue;
    for (const version of VERSIONS) {
      const layout = layoutFor(def.kind, version === '202407' ? 'v4' : 'pre-v4');
      if (!layout) continue;
      const one = genericRecord(layout, version);
      const other = [...one];
      other[2] = '0000067890';
      list.push({ kind: def.kind, version, month: MONTH_OF_VERSION[version], rows: [one, other] });
    }
  }
  return list;
}

const nameOf = (b: Base, month = b.month) => fileName({ kind: b.kind, month, sender: CARE_OFFICE, destination: HOME_HELP_OFFICE });

/** Every base file as is, then `perBase` seeded damages of each (records, text or bytes). */
export function csvVariants(seed: number, perBase: number): Variant[] {
  const rnd = seeded(seed);
  const out: Variant[] = [];
  const recordEdits = Object.entries(RECORD_EDITS);
  const textEdits = Object.entries(TEXT_EDITS);
  const byteEdits = Object.entries(BYTE_EDITS);
  for (const base of bases()) {
    const id = `${base.kind}@${base.version}`;
    const text = csvText(base.rows);
    out.push({ id, name: nameOf(base), bytes: encodeCp932(text) });
    for (let k = 0; k < perBase; k++) {
      const rows = base.rows.map((r) => [...r]);
      const steps: string[] = [];
      const [recordName, recordEdit] = pick(rnd, recordEdits);
      const edited = rnd() < 0.7 ? (steps.push(recordName), recordEdit(rows, rnd)) : rows;
      let editedText = csvText(edited);
      if (rnd() < 0.3) {
        const [name, edit] = pick(rnd, textEdits);
        steps.push(name);
        editedText = edit(editedText, rnd);
      }
      let bytes = encodeCp932(editedText);
      if (rnd() < 0.3) {
        const [name, edit] = pick(rnd, byteEdits);
        steps.push(name);
        bytes = edit(bytes, rnd, editedText);
      }
      let name = nameOf(base);
      const roll = rnd();
      if (roll < 0.05) (name = 'notes.csv'), steps.push('unnamed');
      else if (roll < 0.1) (name = nameOf(base, base.month === '000000' ? '202504' : '202001')), steps.push('otherMonth');
      out.push({ id: `${id}#${k} ${steps.join('+') || 'none'}`, name, bytes });
    }
  }
  return out;
}

/** Sends of several files: the send units of csvgen with one file damaged or left out. */
export function sendVariants(seed: number, count: number): Variant[][] {
  const rnd = seeded(seed);
  const singles = csvVariants(seed + 1, 2);
  const sends: Variant[][] = [];
  const unit = (kinds: readonly LaidOutKind[], month: (k: LaidOutKind) => string): Variant[] =>
    kinds.map((kind) => {
      const m = month(kind);
      return { id: kind, name: fileName({ kind, month: m }), bytes: encodeCp932(csvText(makeRecords(kind, { month: m }))) };
    });
  for (let k = 0; k < count; k++) {
    const files = rnd() < 0.5
      ? unit(['UPPLAN', 'UPSIKYU', 'UPHOSOKU'], () => '202504')
      : unit(['UP1KYO', 'UP2KYO', 'UP3KYO', 'UPHOSOKU'], (kind) => (kind === 'UPHOSOKU' ? '000000' : '202504'));
    const at = Math.floor(rnd() * files.length);
    const roll = rnd();
    if (roll < 0.3) files.splice(at, 1);
    else if (roll < 0.8) {
      // the same kind damaged, under the unit's own name so the files still group
      const damaged = singles.filter((v) => v.id.startsWith(`${files[at]!.id}@202407#`));
      if (damaged.length > 0) files[at] = { ...pick(rnd, damaged), name: files[at]!.name };
    } else {
      const rows = makeRecords(files[at]!.id as LaidOutKind, { month: files[at]!.name.includes('_000000_') ? '000000' : '202504' });
      rows[0]![2] = '0000099999';
      files[at] = { ...files[at]!, bytes: encodeCp932(csvText(rows)) };
    }
    sends.push(files.map((f) => ({ ...f, id: `send${k}:${f.id}` })));
  }
  return sends;
}
