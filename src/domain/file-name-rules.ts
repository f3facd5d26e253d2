// What a file name may be, wherever it is checked: the page before a send is queued (through
// checkAttachment) and the relay when it arrives. Names are never used as paths on the relay,
// but a name that looks like one, or that no file system would take, is refused rather than
// shown and downloaded later.

/** The longest name most file systems store (in UTF-16 code units, as browsers count). */
export const MAX_FILE_NAME_CHARS = 255;

/**
 * Characters a name may not hold: controls (C0, DEL, C1 with U+0085), path separators, line and
 * paragraph separators (U+2028/2029), bidi controls (U+061C, U+200E/200F, U+202A–202E,
 * U+2066–2069: they can make 「請求.pdf」 display as something it is not) and invisible ones
 * (zero-width U+200B–200D, U+2060, U+FEFF), which make two names look alike.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f/\\\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

/** Japanese reason the name cannot be sent, or null. */
export function fileNameProblem(name: string): string | null {
  if (FORBIDDEN.test(name) || name === '.' || name === '..' || name.trim() === '') {
    // code points, not the characters: a bidi control would reorder the message itself
    const shown = [...name].map((ch) => (FORBIDDEN.test(ch) ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : ch)).join('');
    return `「${shown}」: ファイル名に使えない文字(制御文字・区切り文字・見えない文字)が含まれています`;
  }
  if (name.length > MAX_FILE_NAME_CHARS) return `${name.slice(0, 40)}…: ファイル名が長すぎます`;
  return null;
}
