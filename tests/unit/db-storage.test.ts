import { describe, expect, it } from 'vitest';
import { isUsageHigh } from '../../src/db/storage';

describe('isUsageHigh', () => {
  it('warns above 80% of the quota only', () => {
    expect(isUsageHigh({ usage: 81, quota: 100 })).toBe(true);
    expect(isUsageHigh({ usage: 80, quota: 100 })).toBe(false);
    expect(isUsageHigh({ usage: undefined, quota: 100 })).toBe(false);
    expect(isUsageHigh({ usage: 5, quota: 0 })).toBe(false);
  });
});
