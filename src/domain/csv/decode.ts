// Shift_JIS as Windows-31J (CP932), strictly (docs/csv-spec.md "Characters"). The WHATWG
// 'shift_jis' decoder is CP932: it reads the NEC and IBM extensions (髙 = FBFC, 﨑 = FAB1,
// ① = 8740, ㈱ = 878D) in browsers and in Node alike. It also reads things MS932 does not allow
// in these files: the user-defined area (外字, F040–F9FC, decoded into U+E000–U+E757) and the
// lone byte 0x80. And the engines part ways on the faults: browsers read 0x80 as U+0080 where
// Node's ICU fails, Node swallows an ASCII byte after a bad lead byte, and swaps the controls
// 1A, 1C and 7F. So whatever a file may not hold is found in its bytes (readCp932), never in a
// decoder's output, and the app, the relay and the check command word it alike.

export type StrictDecode = { ok: true; text: string } | { ok: false };

const strict = new TextDecoder('shift_jis', { fatal: true });
const lenient = new TextDecoder('shift_jis');
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The strict CP932 reading of the bytes, or null where it meets a byte sequence CP932 cannot read. */
function strictText(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * One file's strict reading, made at most once however many checks ask for it: the encoding
 * checks (encodingRefusal) and the reading for the record checks (readCp932) both need it, and
 * it is the costliest step of the checks of a small file.
 */
export type StrictReading = () => string | null;

export function strictReading(bytes: Uint8Array): StrictReading {
  let done = false;
  let text: string | null = null;
  return () => {
    if (!done) {
      text = strictText(bytes);
      done = true;
    }
    return text;
  };
}

const strictResult = (text: string | null): StrictDecode => (text === null || text.includes('\u0080') ? { ok: false } : { ok: true, text });

/** A byte sequence CP932 cannot read is a fault in the file; so is 0x80, in every engine. */
export function decodeCp932(bytes: Uint8Array): StrictDecode {
  return strictResult(strictText(bytes));
}

export const UNDECODABLE_MESSAGE = '文字コードがShift_JIS(CP932)として読めません';

export const UTF8_MESSAGE = '文字コードがUTF-8になっています。連携ファイルはShift_JIS(CP932)です(介護ソフトから出力し直してください)';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_BOMS = [[0xff, 0xfe], [0xfe, 0xff]];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Whether the bytes are well-formed UTF-8 (Unicode table 3-7), exactly when the fatal decoder
 * reads them without throwing: a CP932 file with any kanji is not, and a thrown decode costs far
 * more than this scan.
 */
export function isWellFormedUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) more = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      more = 2;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      more = 3;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return false;
    if (i + more >= n) return false; // cut short at the end
    const second = bytes[i + 1]!;
    if (second < low || second > high) return false;
    for (let k = 2; k <= more; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return false;
    }
    i += more + 1;
  }
  return true;
}

function utf8Text(bytes: Uint8Array): string | null {
  return isWellFormedUtf8(bytes) ? utf8.decode(bytes) : null;
}

/**
 * A file saved as UTF-8 (by an editor, or Excel's "CSV UTF-8"). Checked before CP932, because
 * much UTF-8 Japanese also decodes as CP932 without a fault (佐藤 → 菴占陸) and would pass as
 * garbled text. The other way round must never happen: a CP932 file of half-width kana only
 * (ﾃｽ = C3 BD) can be valid UTF-8 too, but then it reads as Latin letters (ý), never as
 * Japanese. So a file is UTF-8 only when CP932 cannot read it, or when its UTF-8 reading is
 * Japanese: every character beyond ASCII from U+0800 up (kana, kanji, full-width forms).
 */
export function isUtf8Text(bytes: Uint8Array, cp932: StrictReading = strictReading(bytes)): boolean {
  const text = utf8Text(bytes);
  if (text === null || text.length === bytes.length) return false;
  if (!strictResult(cp932()).ok) return true;
  return !/[\u0080-\u07ff]/.test(text);
}

/**
 * The message refusing a file that is not CP932 text, or null for a CP932 candidate. `cp932`:
 * the file's strict reading, when the caller reads the file too (checkCsv).
 */
export function encodingRefusal(bytes: Uint8Array, cp932: StrictReading = strictReading(bytes)): string | null {
  if (UTF16_BOMS.some((bom) => startsWith(bytes, bom))) {
    return '文字コードがUTF-16になっています。連携ファイルはShift_JIS(CP932)です(介護ソフトから出力し直してください)';
  }
  if (startsWith(bytes, UTF8_BOM)) {
    const rest = bytes.subarray(3);
    const isJapaneseUtf8 = utf8Text(rest) !== null && !rest.every((b) => b < 0x80);
    return isJapaneseUtf8
      ? '文字コードがUTF-8(BOM付き)になっています。連携ファイルはBOMなしのShift_JIS(CP932)です(介護ソフトから出力し直すか、Shift_JISで保存し直してください)'
      : 'ファイルの先頭にBOM(EF BB BF)が付いています。連携ファイルはBOMなしのShift_JIS(CP932)です(BOMなしで保存し直してください)';
  }
  if (isUtf8Text(bytes, cp932)) return UTF8_MESSAGE;
  return isEucJpText(bytes, cp932) ? EUC_JP_MESSAGE : null;
}

export const EUC_JP_MESSAGE = '文字コードがEUC-JPになっています。連携ファイルはShift_JIS(CP932)です(介護ソフトから出力し直すか、Shift_JISで保存し直してください)';

// made on first use: a runtime without the EUC-JP decoder (a Node built with small-icu) only loses this hint
let eucJp: TextDecoder | undefined;

/**
 * A file saved as EUC-JP: EUC-JP reads all of it, as Japanese, and CP932 cannot read it, so a
 * CP932 file is never called EUC-JP. Asked of every file (the relay's send path included), so the
 * CP932 reading comes first: the file's checks read it anyway, and a file it reads is never EUC-JP
 * (an EUC-JP attempt at every good file cost a thrown decode each).
 */
function isEucJpText(bytes: Uint8Array, cp932: StrictReading): boolean {
  if (strictResult(cp932()).ok) return false;
  let text: string;
  try {
    eucJp ??= new TextDecoder('euc-jp', { fatal: true });
    text = eucJp.decode(bytes);
  } catch {
    return false;
  }
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);
}

/** What a file may not hold, found in its bytes; each stands as one U+FFFD in the text read. */
export interface CharFault {
  kind: 'unreadable' | 'byte80' | 'gaiji' | 'eof';
  /** the bytes in hex, as the message shows them (「85 40」, 「F040」) */
  bytes: string;
}

export interface Cp932Reading {
  /** the text, with U+FFFD in place of each fault */
  text: string;
  /** the faults in the order of their U+FFFD in the text */
  faults: CharFault[];
  /** a single EOF mark (0x1A, Ctrl-Z) ended the file, as legacy software writes it: left out */
  trailingEof: boolean;
}

/** The mark that stands for a fault in the text read (no CP932 byte sequence decodes to it). */
export const FAULT_MARK = '\uFFFD';

const EOF_BYTE = 0x1a;
const FAST_SUSPECT = /[\u0080\uE000-\uF8FF]/;
/**
 * FAST_SUSPECT, and whatever the byte 1A reads as: U+001A in browsers, U+001C in Node, which
 * swaps 1A, 1C and 7F (all three are here). 1A is never a trail byte, so a text without any of
 * these came from bytes without an EOF mark.
 */
const SUSPECT_OR_EOF = /[\u001A\u001C\u007F\u0080\uE000-\uF8FF]/;

/**
 * The text of a CP932 file for the checks, with its faults found from the bytes. The common case
 * (nothing wrong) costs one decode and one scan of the text.
 */
export function readCp932(bytes: Uint8Array, cp932?: StrictReading): Cp932Reading {
  const trailingEof = bytes.length > 0 && bytes[bytes.length - 1] === EOF_BYTE;
  if (cp932 && !trailingEof) {
    const text = cp932();
    if (text !== null && !SUSPECT_OR_EOF.test(text)) return { text, faults: [], trailingEof };
  }
  const body = trailingEof ? bytes.subarray(0, bytes.length - 1) : bytes;
  if (body.indexOf(EOF_BYTE) < 0) {
    // null: a fault, found below from the bytes
    const text = cp932 && !trailingEof ? cp932() : strictText(body);
    if (text !== null && !FAST_SUSPECT.test(text)) return { text, faults: [], trailingEof };
  }
  return { ...walk(body), trailingEof };
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

/** 1 = a pair CP932 maps, 2 = one it leaves empty; filled as pairs are met (decoders agree on them). */
const pairs = new Uint8Array(0x10000);

function isMapped(lead: number, trail: number): boolean {
  const at = (lead << 8) | trail;
  if (pairs[at] === 0) {
    const text = lenient.decode(new Uint8Array([lead, trail]));
    pairs[at] = text.length === 1 && text !== FAULT_MARK ? 1 : 2;
  }
  return pairs[at] === 1;
}

/** Byte by byte: single bytes, lead + trail pairs, and every fault with the bytes it spans. */
function walk(bytes: Uint8Array): { text: string; faults: CharFault[] } {
  const parts: string[] = [];
  const faults: CharFault[] = [];
  let from = 0;
  let i = 0;
  const fault = (length: number, kind: CharFault['kind']) => {
    if (i > from) parts.push(lenient.decode(bytes.subarray(from, i)));
    parts.push(FAULT_MARK);
    const spanned = [...bytes.subarray(i, i + length)].map(hex);
    faults.push({ kind, bytes: kind === 'gaiji' ? spanned.join('') : spanned.join(' ') });
    i += length;
    from = i;
  };
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80 || (b >= 0xa1 && b <= 0xdf)) {
      if (b === EOF_BYTE) fault(1, 'eof');
      else i++;
      continue;
    }
    if (b === 0x80) {
      fault(1, 'byte80');
      continue;
    }
    const trail = bytes[i + 1];
    const isLead = b <= 0x9f || (b >= 0xe0 && b <= 0xfc);
    // a lead byte without a trail byte is a fault of its own, and the next byte is read afresh
    if (!isLead || trail === undefined || trail < 0x40 || trail === 0x7f || trail > 0xfc) fault(1, 'unreadable');
    else if (b >= 0xf0 && b <= 0xf9) fault(2, 'gaiji');
    // an unmapped pair: an ASCII second byte is read afresh, as the WHATWG decoder does
    else if (!isMapped(b, trail)) fault(trail < 0x80 ? 1 : 2, 'unreadable');
    else i += 2;
  }
  if (i > from) parts.push(lenient.decode(bytes.subarray(from, i)));
  return { text: parts.join(''), faults };
}

/** Why one fault is refused, in the words of the spec (body 4.3). */
export function faultText(fault: CharFault): string {
  switch (fault.kind) {
    case 'unreadable':
      return `Shift_JIS(MS932)として読めない文字(バイト ${fault.bytes})があります。介護ソフトから出力し直してください`;
    case 'byte80':
      return 'Shift_JIS(MS932)にない文字(バイト 80)があります。仕様ではMS932の範囲外の文字は使えません';
    case 'gaiji':
      return `外字(ユーザー定義文字、コード ${fault.bytes})が使われています。仕様では外字は使えません。` +
        'Shift_JIS(MS932)の文字に置き換えてから出力してください';
    case 'eof':
      return 'EOF記号(バイト 1A、Ctrl+Z)があります。ファイルの最後の1つのほかには置けません';
  }
}

/** 〓 (the 下駄 mark Japanese software shows for a missing character) in place of each fault. */
export function markFaults(value: string): string {
  return value.replaceAll(FAULT_MARK, '〓');
}
