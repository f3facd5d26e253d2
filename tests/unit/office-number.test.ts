import { describe, expect, it } from 'vitest';
import { expectedCheckDigit, halfWidth, halfWidthAscii, hasValidCheckDigit } from '../../src/domain/office-number';

describe('hasValidCheckDigit', () => {
  it.each(['1495000315', '0175701069', '3270401916', '0113513220'])('real number %s passes', (n) => {
    expect(hasValidCheckDigit(n)).toBe(true);
  });

  it.each(['0300000100', '0899999995'])('the spec’s sample %s fails', (n) => {
    expect(hasValidCheckDigit(n)).toBe(false);
  });

  it('passes the demo directory numbers', () => {
    for (const n of ['3300000001', '3310000017', '3310000025']) expect(hasValidCheckDigit(n)).toBe(true);
  });

  it('refuses malformed input', () => {
    for (const n of ['', '149500031', '14950003150', '149500031X', '14950-0315']) {
      expect(hasValidCheckDigit(n)).toBe(false);
    }
  });

  it('counts A as 10 in the 区分 position', () => {
    // weights from the right: 2,1,2,1,2,1,2(A=10 → 20 → 2),1,2
    // 0,1,A,0,0,0,0,0,1 → 1*2=2, 0, ... A*2=20→2, 1*1=1, 0 → sum 5 → check 5
    expect(expectedCheckDigit('01A000001')).toBe(5);
    expect(hasValidCheckDigit('01A0000015')).toBe(true);
    expect(hasValidCheckDigit('01A0000014')).toBe(false);
  });
});

describe('halfWidth', () => {
  it('reads full-width digits and letters typed with a Japanese IME as half-width', () => {
    expect(halfWidth('３３１０００００１７')).toBe('3310000017');
    expect(halfWidth(' ＫＪ３３０００００００１０１　')).toBe('KJ330000000101');
    expect(halfWidth('3310000017')).toBe('3310000017');
  });
});

describe('halfWidthAscii', () => {
  it('reads a 個人ID typed in full-width as the half-width ID, leaving other characters alone', () => {
    expect(halfWidthAscii('ｃｍ０１')).toBe('cm01');
    expect(halfWidthAscii('ｎｕｒｓｅ＿０１．ａ')).toBe('nurse_01.a');
    expect(halfWidthAscii('ｹｱﾏﾈ01')).toBe('ｹｱﾏﾈ01');
    expect(halfWidthAscii('佐藤①')).toBe('佐藤①');
  });
});
