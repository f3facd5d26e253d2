// 介護保険事業所番号 check digit (docs/csv-spec.md "Numbers"). A bad check digit is only ever a
// warning: the spec's and the manual's own sample numbers fail it.
import { foldFullWidthAscii } from './char-width';

/**
 * Letter values. The spec gives A=10 … Z=32: 26 letters over 23 values, so three letters are
 * skipped. We skip I, O and Q (easily mistaken for 1, 0 and 0). Only "A" occurs in the
 * number format (3rd character, 区分), so the choice does not affect any valid number.
 */
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

function characterValue(ch: string): number | null {
  if (ch >= '0' && ch <= '9') return Number(ch);
  const index = LETTERS.indexOf(ch);
  return index < 0 ? null : 10 + index;
}

function digitSum(n: number): number {
  let sum = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10)) sum += rest % 10;
  return sum;
}

/** The check digit the first 9 characters call for, or null if they cannot be read. */
export function expectedCheckDigit(firstNine: string): number | null {
  if (firstNine.length !== 9) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const value = characterValue(firstNine[8 - i] ?? '');
    if (value === null) return null;
    const weight = i % 2 === 0 ? 2 : 1; // weights 2,1,2,1… from the rightmost
    sum += digitSum(value * weight);
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidCheckDigit(number: string): boolean {
  if (!/^[0-9A-Z]{9}\d$/.test(number)) return false;
  return expectedCheckDigit(number.slice(0, 9)) === Number(number[9]);
}

/**
 * A number or ID as a person typed it, as the system reads it: a Japanese IME types full-width
 * digits and letters (３３１０…, ＫＪ…) by default, and they mean the half-width ones.
 */
export function halfWidth(typed: string): string {
  return typed.normalize('NFKC').trim();
}

/**
 * A 個人ID as typed with a Japanese IME on: full-width ＡＳＣＩＩ (ｃｍ０１) read as the half-width
 * ID it means. Only that block is folded (not NFKC), since an administrator may give any ID.
 */
export function halfWidthAscii(typed: string): string {
  return foldFullWidthAscii(typed);
}
