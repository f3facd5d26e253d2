// isWellFormedUtf8 decides, without a thrown decode, what the fatal UTF-8 decoder decides: every
// verdict must be the decoder's own, at every boundary of table 3-7 and on CP932 text.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isWellFormedUtf8 } from '../../src/domain/csv/decode';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function decoderSays(bytes: Uint8Array): boolean {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const interesting = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];

describe('the UTF-8 scan agrees with the fatal decoder', () => {
  it('on every sequence of up to three boundary bytes', () => {
    let checked = 0;
    const seqs: number[][] = [[]];
    for (let len = 1; len <= 3; len++) {
      for (const prefix of seqs.filter((s) => s.length === len - 1)) for (const b of interesting) seqs.push([...prefix, b]);
    }
    for (const seq of seqs) {
      const bytes = Uint8Array.from(seq);
      expect(isWellFormedUtf8(bytes), seq.map((b) => b.toString(16)).join(' ')).toBe(decoderSays(bytes));
      checked++;
    }
    expect(checked).toBeGreaterThan(15_000);
  });

  it('on four-byte sequences around the plane limits, with text around them', () => {
    for (const lead of [0xef, 0xf0, 0xf3, 0xf4, 0xf5]) {
      for (const second of [0x7f, 0x80, 0x8f, 0x90, 0xbf, 0xc0]) {
        for (const rest of [[0x80, 0x80], [0xbf, 0xbf], [0x80], [0x80, 0x41], [0xc0, 0x80]]) {
          for (const around of [[], [0x61], [0xe3, 0x81, 0x82]]) {
            const bytes = Uint8Array.from([...around, lead, second, ...rest, ...around]);
            expect(isWellFormedUtf8(bytes)).toBe(decoderSays(bytes));
          }
        }
      }
    }
  });

  it('on random bytes and on real text in both encodings', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16;
    for (let n = 0; n < 3000; n++) {
      const bytes = Uint8Array.from({ length: next() % 12 }, () => (next() % 3 === 0 ? 0x80 + (next() % 0x80) : next() % 0x100));
      expect(isWellFormedUtf8(bytes)).toBe(decoderSays(bytes));
    }
    const text = '佐藤 花子,ｻﾄｳ ﾊﾅｺ,①㈱髙﨑,2026年11月,😀\r\n';
    for (const bytes of [new TextEncoder().encode(text), iconv.encode(text.replace('😀', ''), 'cp932')]) {
      expect(isWellFormedUtf8(bytes)).toBe(decoderSays(bytes));
    }
  });
});
