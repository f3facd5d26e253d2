// Strict CP932 (spec body 4.3): 外字 and characters outside MS932 are refused where they are, and
// the UTF-8 detection never takes a valid CP932 file for UTF-8, half-width kana only included.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { validateCsv } from '../../src/domain/csv';
import { gaijiBytes, isUtf8Text } from '../../src/domain/csv/decode';
import { makeSpecFile } from '../support/spec-files';

const cp932 = (text: string) => new Uint8Array(iconv.encode(text, 'cp932'));
const concat = (...parts: (Uint8Array | number[])[]) => new Uint8Array(parts.flatMap((p) => [...p]));
const errors = (name: string, bytes: Uint8Array) => validateCsv(name, bytes).problems.filter((p) => p.severity === 'error');

/** A valid 第1表 whose record 2, column 9 (介護支援事業者名) holds `bytes` between two CP932 words. */
function withBytesInName(bytes: number[]) {
  const file = makeSpecFile('UP1KYO', '202407');
  const text = (r: string[]) => r.map((v) => (/[",\r\n]|[^\x20-\x7e]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
  const [first, second] = file.records;
  const before = text(second!.slice(0, 8)) + ',"れんけい';
  const after = 'センター",' + text(second!.slice(9));
  return { name: file.name, bytes: concat(cp932(`${text(first!)}\r\n${before}`), bytes, cp932(`${after}\r\n`)) };
}

describe('外字 and characters outside MS932', () => {
  it.each([
    [[0xf0, 0x40], 'F040'],
    [[0xf9, 0xfc], 'F9FC'],
    [[0xf5, 0x9f], 'F59F'],
  ])('refuses the 外字 %j, naming its code, row, column and 項目名', (bytes, code) => {
    const file = withBytesInName(bytes);
    expect(errors(file.name, file.bytes)).toEqual([expect.objectContaining({
      row: 2, column: 9, item: '介護支援事業者名',
      message: `${file.name} 2行目 9列目(介護支援事業者名): 外字(ユーザー定義文字、コード ${code})が使われています。` +
        '仕様では外字は使えません。Shift_JIS(MS932)の文字に置き換えてから出力してください(「れんけい〓センター」)',
    })]);
  });

  it('refuses the byte 0x80, which MS932 leaves undefined (WHATWG decoders read U+0080, ICU fails: refused either way)', () => {
    const file = withBytesInName([0x80]);
    expect(errors(file.name, file.bytes)).toEqual([
      expect.objectContaining({ row: 2, column: 9, message: expect.stringMatching(/バイト 80|読めない文字/) }),
    ]);
  });

  it('refuses bytes CP932 cannot read at all, at their row and column, and still checks the rest', () => {
    const file = withBytesInName([0x85, 0x40]);
    expect(errors(file.name, file.bytes)).toEqual([expect.objectContaining({
      row: 2, column: 9, item: '介護支援事業者名', message: expect.stringContaining('Shift_JIS(MS932)として読めない文字'),
    })]);
  });

  it('maps every user-defined code point back to its bytes', () => {
    expect([0xe000, 0xe0bb, 0xe0bc, 0xe757].map(gaijiBytes)).toEqual(['F040', 'F0FC', 'F140', 'F9FC']);
  });

  it('accepts the NEC and IBM extensions, which are MS932 (髙 﨑 ① ㈱ ⅰ ∵)', () => {
    const file = makeSpecFile('UP1KYO', '202407');
    const records = file.records.map((r) => [...r]);
    records[0]![23] = '髙﨑①㈱ⅰ∵';
    const text = records.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\r\n');
    expect(validateCsv(file.name, cp932(text)).problems).toEqual([]);
  });
});

describe('UTF-8 detection never misfires on CP932', () => {
  // ﾃｽﾄ is C3 BD C4 in CP932; C3 BD alone is valid UTF-8 (ý): a kana-only file can read as UTF-8
  const kanaOnly = (kana: string) => {
    const file = makeSpecFile('DLT1KYO', '202407');
    return { name: file.name, bytes: concat(cp932(`${file.records[0]!.join(',')}\r\n`).slice(0, -2), cp932(`,${kana}\r\n`)) };
  };

  it('a CP932 file whose only non-ASCII bytes are half-width kana that are also valid UTF-8 is CP932', () => {
    const bytes = cp932('ﾃｽ');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe('ý'); // the trap
    expect(isUtf8Text(concat(cp932('202407,'), bytes))).toBe(false);
  });

  it('half-width kana in a real file: read as CP932, checked as such (an extra column, not an encoding error)', () => {
    const file = kanaOnly('ﾃｽﾃｽ');
    const problems = validateCsv(file.name, file.bytes).problems;
    expect(problems.some((p) => p.message.includes('UTF-8'))).toBe(false);
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining('項目数が4ではなく5です') })]);
  });

  it('every spec-valid file of every kind (kana, kanji, 髙﨑①㈱) is CP932', () => {
    for (const kind of ['UPHOSOKU', 'UP1KYO', 'UPKIHON', 'UPYOBO']) expect(isUtf8Text(makeSpecFile(kind, '202407').bytes), kind).toBe(false);
  });

  it('UTF-8 Japanese is UTF-8, whether or not CP932 could also read it', () => {
    expect(isUtf8Text(new TextEncoder().encode('202407,佐藤,訪問介護\r\n'))).toBe(true);
    expect(isUtf8Text(new TextEncoder().encode('202407,髙橋\r\n'))).toBe(true);
  });
});
