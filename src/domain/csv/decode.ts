// Shift_JIS as Windows-31J (CP932). The WHATWG 'shift_jis' decoder is CP932: it reads the NEC
// and IBM extensions (髙 = FBFC, 﨑 = FAB1, ① = 8740) in browsers and in Node alike.

export type StrictDecode = { ok: true; text: string } | { ok: false };

const strict = new TextDecoder('shift_jis', { fatal: true });
const lenient = new TextDecoder('shift_jis');

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
