// What a file name may be, wherever it is checked: the page before a send is queued (through
// checkAttachment) and the relay when it arrives. Names are never used as paths on the relay,
// but a name that looks like one, or that no file system would take, is refused rather than
// shown and downloaded later.

/** The longest name most file systems store (in UTF-16 code units, as browsers count). */
export const MAX_FILE_NAME_CHARS = 255;

/** Japanese reason the name cannot be sent, or null. */
export function fileNameProblem(name: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f/\\]/.test(name) || name === '.' || name === '..' || name.trim() === '') {
    return `${JSON.stringify(name)}: ファイル名に使えない文字が含まれています`;
  }
  if (name.length > MAX_FILE_NAME_CHARS) return `${name.slice(0, 40)}…: ファイル名が長すぎます`;
  return null;
}
