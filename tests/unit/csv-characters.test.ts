// Strict CP932 (spec body 4.3): 外字 and characters outside MS932 are refused where they are, and
// the UTF-8 detection never takes a valid CP932 file for UTF-8, half-width kana only included.
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateCsv } from '../../src/domain/csv';
import { isUtf8Text } from '../../src/domain/csv/decode';
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

  it('refuses the byte 0x80, which MS932 leaves undefined, in the words of the bytes', () => {
    const file = withBytesInName([0x80]);
    expect(errors(file.name, file.bytes)).toEqual([expect.objectContaining({
      row: 2, column: 9, item: '介護支援事業者名',
      message: `${file.name} 2行目 9列目(介護支援事業者名): Shift_JIS(MS932)にない文字(バイト 80)があります。` +
        '仕様ではMS932の範囲外の文字は使えません(「れんけい〓センター」)',
    })]);
  });

  it.each([
    [[0x85, 0x9f], '85 9F', 'れんけい〓センター'],
    // an ASCII byte after a lead byte it cannot follow is read afresh (WHATWG), never swallowed
    [[0x85, 0x41], '85', 'れんけい〓Aセンター'],
    [[0x81, 0x2e], '81', 'れんけい〓.センター'],
    [[0xfd], 'FD', 'れんけい〓センター'],
  ])('refuses bytes CP932 cannot read (%j), naming them, at their row and column, and still checks the rest', (bytes, hex, shown) => {
    const file = withBytesInName(bytes);
    expect(errors(file.name, file.bytes)).toEqual([expect.objectContaining({
      row: 2, column: 9, item: '介護支援事業者名',
      message: `${file.name} 2行目 9列目(介護支援事業者名): Shift_JIS(MS932)として読めない文字(バイト ${hex})があります。` +
        `介護ソフトから出力し直してください(「${shown}」)`,
    })]);
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

describe('the same words in Node and in browsers: decided from the bytes, not from the decoder', () => {
  // Browsers decode Shift_JIS as the WHATWG Encoding Standard says: a lone 0x80 is U+0080 and no
  // fault. Node's ICU fails on it. This stand-in decodes as a browser does for that byte.
  class BrowserLikeDecoder {
    private readonly real: TextDecoder;
    private readonly fatal: boolean;
    constructor(label: string, options: TextDecoderOptions = {}) {
      this.real = new RealTextDecoder(label, { ...options, fatal: false });
      this.fatal = options.fatal === true;
    }
    decode(input?: AllowSharedBufferSource): string {
      const bytes = input instanceof Uint8Array ? input : new Uint8Array(input as ArrayBuffer);
      const parts: string[] = [];
      let from = 0;
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]!;
        const lead = (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
        const t = bytes[i + 1];
        if (lead && t !== undefined && t >= 0x40 && t <= 0xfc && t !== 0x7f) i++;
        else if (b === 0x80) {
          parts.push(this.real.decode(bytes.subarray(from, i)), '\u0080');
          from = i + 1;
        }
      }
      parts.push(this.real.decode(bytes.subarray(from)));
      const text = parts.join('');
      if (this.fatal && text.includes('\uFFFD')) throw new TypeError('The encoded data was not valid for encoding shift_jis');
      return text;
    }
  }
  const RealTextDecoder = globalThis.TextDecoder;

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('the stand-in reads 0x80 as browsers do, where Node fails', () => {
    expect(new BrowserLikeDecoder('shift_jis', { fatal: true }).decode(new Uint8Array([0x41, 0x80, 0x81, 0x80]))).toBe('A\u0080÷');
    expect(() => new RealTextDecoder('shift_jis', { fatal: true }).decode(new Uint8Array([0x41, 0x80]))).toThrow();
  });

  it('0x80, 外字 and unreadable bytes get the same messages under both decoders', async () => {
    const files = [withBytesInName([0x80]), withBytesInName([0xf0, 0x40]), withBytesInName([0x85, 0x40]), withBytesInName([0x80, 0x81, 0x80])];
    const inNode = files.map((f) => validateCsv(f.name, f.bytes).problems);
    vi.stubGlobal('TextDecoder', BrowserLikeDecoder);
    vi.resetModules();
    const browser = await import('../../src/domain/csv');
    const inBrowser = files.map((f) => browser.validateCsv(f.name, f.bytes).problems);
    expect(inBrowser).toEqual(inNode);
    expect(inNode[0]![0]!.message).toContain('バイト 80');
  });
});

describe('the EOF mark (0x1A, Ctrl-Z) legacy software ends a file with', () => {
  const file = makeSpecFile('UPPLAN', '202407');
  const EOF_WARNING = 'ファイル末尾のEOF記号(0x1A、Ctrl+Z)は無視しました(古い介護ソフトが付ける記号です。送信はできます)';

  it.each([
    ['after the last line break', concat(file.bytes, [0x1a])],
    ['with no line break before it', concat(file.bytes.subarray(0, -2), [0x1a])],
  ])('one at the very end, %s: ignored with a warning that names it', (_, bytes) => {
    expect(validateCsv(file.name, bytes).problems).toEqual([
      { severity: 'warning', file: file.name, message: `${file.name}: ${EOF_WARNING}` },
    ]);
  });

  it('anywhere else: an error at its row and column, with the 項目名', () => {
    const inside = withBytesInName([0x1a]);
    expect(errors(inside.name, inside.bytes)).toEqual([expect.objectContaining({
      row: 2, column: 9, item: '介護支援事業者名',
      message: `${inside.name} 2行目 9列目(介護支援事業者名): EOF記号(バイト 1A、Ctrl+Z)があります。ファイルの最後の1つのほかには置けません(「れんけい〓センター」)`,
    })]);
    // two at the end: the first is not the last byte
    const rows = file.records.length;
    expect(errors(file.name, concat(file.bytes, [0x1a, 0x1a]))[0]).toMatchObject({
      row: rows + 1, column: 1, item: 'CSVバージョン', message: expect.stringContaining('EOF記号(バイト 1A、Ctrl+Z)があります'),
    });
    // followed by a line break
    expect(errors(file.name, concat(file.bytes, [0x1a, 0x0d, 0x0a]))[0]).toMatchObject({ row: rows + 1, column: 1 });
  });
});
