// Character widths, as the files and the forms meet them: full-width ASCII (ＡＢＣ１２３, typed
// with a Japanese IME on) and the width of a value in Shift_JIS (MS932), the spec's encoding.

/** The full-width forms of ASCII 0x21–0x7E (！ … ～): the block an IME types for letters, digits and signs. */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/;
const FULL_WIDTH_ASCII_ALL = /[\uFF01-\uFF5E]/g;
/** U+FF01 − U+0021: the distance from each full-width form to its ASCII character. */
const FULL_WIDTH_OFFSET = 0xfee0;

/** Whether the text holds a full-width letter, digit or sign (１, Ａ, －…). */
export function hasFullWidthAscii(text: string): boolean {
  return FULL_WIDTH_ASCII.test(text);
}

/** The text with each full-width letter, digit and sign read as its ASCII one (nothing else changes). */
export function foldFullWidthAscii(text: string): string {
  return text.replace(FULL_WIDTH_ASCII_ALL, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/**
 * The bytes the text takes in Shift_JIS (MS932): one for ASCII and half-width katakana
 * (U+FF61–U+FF9F, JIS X 0201), two for every other character the encoding holds.
 */
export function sjisByteLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f && (code < 0xff61 || code > 0xff9f)) bytes++;
  }
  return bytes;
}
