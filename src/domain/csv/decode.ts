// Shift_JIS as Windows-31J (CP932). The WHATWG 'shift_jis' decoder is CP932: it reads the NEC
// and IBM extensions (髙 = FBFC, 﨑 = FAB1, ① = 8740) in browsers and in Node alike.

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

/**
 * A file saved as UTF-8 (by an editor, or Excel's "CSV UTF-8"). Checked before CP932, because
 * much UTF-8 Japanese also decodes as CP932 without a fault (佐藤 → 菴占陸) and would pass as
 * garbled text. Real CP932 text is almost never valid UTF-8: its lead bytes 0x81–0x9F are
 * UTF-8 continuation bytes, so any kana or common kanji after a comma breaks UTF-8 at once.
 */
export function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return true;
  try {
    // plain ASCII reads the same either way; only multi-byte characters shorten the text
    return utf8.decode(bytes).length < bytes.length;
  } catch {
    return false;
  }
}
