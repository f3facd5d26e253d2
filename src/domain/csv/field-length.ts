// 項目長: the length the layouts print for a column. The documents say neither whether it counts
// characters or bytes nor whether it is a maximum or an exact width (docs/csv-spec.md "Column
// checks"), so it is read as a maximum and a value past it only warns: past it in characters
// (too long under any reading), or only in Shift_JIS bytes, full-width characters counting two
// (too long if 項目長 counts bytes, as fixed-width interface files of this kind usually do).
// Formats that fix the width (dates, codes, office numbers…) check it themselves.
import { sjisByteLength } from '../char-width';

const TAIL = '(受け取る介護ソフトで切り詰められるおそれがあります。送信はできます)';

/** The check of one 項目長: null when the value fits, else the message tail (the value is put before it). */
export function lengthCheck(max: number | null): ((value: string) => string | null) | null {
  if (max === null) return null;
  return (value) => {
    if (value.length > max) return `は${value.length}文字あり、項目長 ${max} を超えています${TAIL}`;
    // a value of half the length or less cannot reach the limit in bytes either
    if (value.length * 2 <= max) return null;
    const bytes = sjisByteLength(value);
    if (bytes <= max) return null;
    return `は全角文字を2バイトと数えると${bytes}バイトあり、項目長 ${max} をバイト数と読むと超えています${TAIL}`;
  };
}
