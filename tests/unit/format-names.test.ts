// 予定と比べる lists the people a 実績 left out on one line: a provider with hundreds of people in the
// plan made it a page of numbers (found in the trial: 2,732 numbers, 26,000 px tall at 390 px).
import { describe, expect, it } from 'vitest';
import { namesWithMore } from '../../src/views/common/format';

describe('namesWithMore', () => {
  it('names everyone when they are few', () => {
    expect(namesWithMore(['髙橋 花子', '山﨑 太郎'])).toBe('髙橋 花子、山﨑 太郎');
  });

  it('names the first ten and counts the rest', () => {
    const many = Array.from({ length: 2732 }, (_, i) => String(1_000_000 + i).padStart(10, '0'));
    const line = namesWithMore(many);
    expect(line.split('、')).toHaveLength(10);
    expect(line.endsWith('0001000009 ほか2722人')).toBe(true);
  });
});
