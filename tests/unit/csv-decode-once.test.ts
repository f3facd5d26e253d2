// The encoding checks read each file as CP932 once and share that reading with the record checks
// (decode.ts strictReading): the EUC-JP hint is tried only where CP932 cannot read the file. The
// verdicts must be the ones of the former order (an EUC-JP attempt at every file, then CP932),
// kept here as the oracle, on good files and on many damaged ones.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCp932, encodingRefusal, isWellFormedUtf8, readCp932, strictReading } from '../../src/domain/csv/decode';
import { csvText, LAID_OUT_KINDS, makeCsvFile, makeRecords, versionsOf } from '../support/csvgen';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Text = (bytes: Uint8Array) => (isWellFormedUtf8(bytes) ? utf8.decode(bytes) : null);

/** encodingRefusal as it was before the reading was shared. */
function formerRefusal(bytes: Uint8Array): string | null {
  const starts = (prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  if (starts([0xff, 0xfe]) || starts([0xfe, 0xff])) return 'utf-16';
  if (starts([0xef, 0xbb, 0xbf])) {
    const rest = bytes.subarray(3);
    return utf8Text(rest) !== null && !rest.every((b) => b < 0x80) ? 'utf-8 bom' : 'bom';
  }
  const text = utf8Text(bytes);
  const isUtf8 = text !== null && text.length !== bytes.length && (!decodeCp932(bytes).ok || !/[\u0080-\u07ff]/.test(text));
  if (isUtf8) return 'utf-8';
  let euc: string;
  try {
    euc = new TextDecoder('euc-jp', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(euc) && !decodeCp932(bytes).ok ? 'euc-jp' : null;
}

const KIND_OF_MESSAGE: [RegExp, string][] = [
  [/UTF-16/, 'utf-16'],
  [/UTF-8\(BOM付き\)/, 'utf-8 bom'],
  [/BOM\(EF BB BF\)/, 'bom'],
  [/UTF-8/, 'utf-8'],
  [/EUC-JP/, 'euc-jp'],
];
const kindOf = (message: string | null) => (message === null ? null : (KIND_OF_MESSAGE.find(([re]) => re.test(message))?.[1] ?? message));

/** A small deterministic generator: the same damaged files on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function corpus(): { label: string; bytes: Uint8Array }[] {
  const files: { label: string; bytes: Uint8Array }[] = [];
  const next = random(14);
  for (const kind of LAID_OUT_KINDS) {
    for (const version of versionsOf(kind)) {
      const good = makeCsvFile(kind, { version }).bytes;
      const text = csvText(makeRecords(kind, { version }));
      files.push({ label: `${kind} ${version} cp932`, bytes: good });
      files.push({ label: `${kind} ${version} eof`, bytes: Uint8Array.from([...good, 0x1a]) });
      files.push({ label: `${kind} ${version} euc-jp`, bytes: new Uint8Array(iconv.encode(text, 'euc-jp')) });
      files.push({ label: `${kind} ${version} utf-8`, bytes: new TextEncoder().encode(text) });
      files.push({ label: `${kind} ${version} utf-8 bom`, bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]) });
      files.push({ label: `${kind} ${version} cut`, bytes: good.subarray(0, good.length - 1 - Math.floor(next() * 40)) });
      for (let round = 0; round < 6; round++) {
        const damaged = good.slice();
        const bad = [0x80, 0xa0, 0xfd, 0xff, 0xf0, 0x1a, 0x85, 0x8e, 0x8f, 0xeb];
        for (let k = 0; k <= round; k++) damaged[Math.floor(next() * damaged.length)] = bad[Math.floor(next() * bad.length)]!;
        files.push({ label: `${kind} ${version} damaged ${round}`, bytes: damaged });
        const euc = new Uint8Array(iconv.encode(text, 'euc-jp'));
        euc[Math.floor(next() * euc.length)] = bad[Math.floor(next() * bad.length)]!;
        files.push({ label: `${kind} ${version} euc-jp damaged ${round}`, bytes: euc });
      }
    }
  }
  files.push({ label: 'half-width kana only', bytes: new Uint8Array(iconv.encode('ﾃｽﾄ,ｱｲｳ\r\n', 'cp932')) });
  files.push({ label: 'ascii', bytes: new TextEncoder().encode('202504,1,2\r\n') });
  files.push({ label: 'euc-jp kanji only', bytes: new Uint8Array(iconv.encode('佐藤,訪問介護\r\n', 'euc-jp')) });
  files.push({ label: 'utf-16', bytes: Uint8Array.from([0xff, 0xfe, 0x41, 0x00]) });
  return files;
}

describe('one CP932 reading per file', () => {
  const files = corpus();

  it('refuses exactly what the former order refused, with the same message', () => {
    expect(files.length).toBeGreaterThan(300);
    const refused = new Set<string | null>();
    for (const { label, bytes } of files) {
      const now = encodingRefusal(bytes, strictReading(bytes));
      expect(kindOf(now), label).toBe(formerRefusal(bytes));
      expect(encodingRefusal(bytes), label).toBe(now);
      refused.add(kindOf(now));
    }
    // the corpus reaches every verdict, so the comparison means something
    expect([...refused].sort()).toEqual([null, 'bom', 'euc-jp', 'utf-16', 'utf-8', 'utf-8 bom'].sort());
  });

  it('reads the same text and faults from the shared reading as from its own', () => {
    for (const { label, bytes } of files) {
      expect(readCp932(bytes, strictReading(bytes)), label).toEqual(readCp932(bytes));
    }
  });
});
