// Shift_JIS as Windows-31J (CP932), strictly (docs/csv-spec.md "Characters"). The WHATWG
// 'shift_jis' decoder is CP932: it reads the NEC and IBM extensions (髙 = FBFC, 﨑 = FAB1,
// ① = 8740, ㈱ = 878D) in browsers and in Node alike. It also reads two things MS932 does not
// allow in these files, which are looked for after decoding: the user-defined area (外字,
// F040–F9FC, decoded into U+E000–U+E757) and the lone byte 0x80 (decoded as U+0080).

export type StrictDecode = { ok: true; text: string } | { ok: false };

const strict = new TextDecoder('shift_jis', { fatal: true });
const lenient = new TextDecoder('shift_jis');
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** For the checks: a byte sequence CP932 cannot read is a fault in the file. */
export function decodeCp932(bytes: Uint8Array): StrictDecode {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    return { ok: false };
  }
}

/** For previews: show what can be read, with U+FFFD where a byte cannot be. */
export function decodeCp932Lenient(bytes: Uint8Array): string {
  return lenient.decode(bytes);
}

export const UNDECODABLE_MESSAGE = '文字コードがShift_JIS(CP932)として読めません';

export const UTF8_MESSAGE = '文字コードがUTF-8になっています。連携ファイルはShift_JIS(CP932)です(介護ソフトから出力し直してください)';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_BOMS = [[0xff, 0xfe], [0xfe, 0xff]];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

function utf8Text(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A file saved as UTF-8 (by an editor, or Excel's "CSV UTF-8"). Checked before CP932, because
 * much UTF-8 Japanese also decodes as CP932 without a fault (佐藤 → 菴占陸) and would pass as
 * garbled text. The other way round must never happen: a CP932 file of half-width kana only
 * (ﾃｽ = C3 BD) can be valid UTF-8 too, but then it reads as Latin letters (ý), never as
 * Japanese. So a file is UTF-8 only when CP932 cannot read it, or when its UTF-8 reading is
 * Japanese: every character beyond ASCII from U+0800 up (kana, kanji, full-width forms).
 */
export function isUtf8Text(bytes: Uint8Array): boolean {
  const text = utf8Text(bytes);
  if (text === null || text.length === bytes.length) return false;
  if (!decodeCp932(bytes).ok) return true;
  return !/[\u0080-\u07ff]/.test(text);
}

/** The message refusing a file that is not CP932 text, or null for a CP932 candidate. */
export function encodingRefusal(bytes: Uint8Array): string | null {
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
  return isUtf8Text(bytes) ? UTF8_MESSAGE : null;
}

/** Characters a CP932 file must not hold once decoded: unreadable bytes, 外字, 0x80. */
export const FORBIDDEN_CHAR = /[\u0080\uE000-\uF8FF\uFFFD]/;

/** Why one forbidden character is refused, in the words of the spec (body 4.3). */
export function forbiddenCharText(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0xfffd) return 'Shift_JIS(MS932)として読めない文字(バイト列)があります。介護ソフトから出力し直してください';
  if (code === 0x80) return 'Shift_JIS(MS932)にない文字(バイト 80)があります。仕様ではMS932の範囲外の文字は使えません';
  return `外字(ユーザー定義文字、コード ${gaijiBytes(code)})が使われています。仕様では外字は使えません。` +
    'Shift_JIS(MS932)の文字に置き換えてから出力してください';
}

/** The CP932 bytes of a user-defined character, from its decoded code point (U+E000 = F040). */
export function gaijiBytes(codePoint: number): string {
  const pointer = codePoint - 0xe000 + 8836;
  const lead = Math.floor(pointer / 188);
  const trail = pointer % 188;
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
  return hex(lead + (lead < 0x1f ? 0x81 : 0xc1)) + hex(trail + (trail < 0x3f ? 0x40 : 0x41));
}

/** 〓 (the 下駄 mark Japanese software shows for a missing character) in place of each forbidden one. */
export function markForbidden(value: string): string {
  return value.replace(new RegExp(FORBIDDEN_CHAR.source, 'g'), '〓');
}
