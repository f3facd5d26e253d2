// The relay's ids (server/ids.ts): 32 hex digits, unique, random past their clock part, and
// growing with the time they were made (what keeps the send path's indexes appending).
import { describe, expect, it } from 'vitest';
import { isId, newId } from '../../server/ids';

describe('server newId', () => {
  it('is 32 hex digits that isId accepts, and never repeats', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    for (const id of ids) expect(isId(id)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts with the millisecond clock, so ids made later sort after earlier ones', () => {
    const t = Date.UTC(2026, 10, 30, 1, 2, 3, 456);
    const first = newId(t);
    expect(first.slice(0, 12)).toBe(t.toString(16).padStart(12, '0'));
    const later = [newId(t + 1), newId(t + 1000), newId(t + 86_400_000)];
    expect([first, ...later]).toEqual([first, ...later].sort());
  });

  it('keeps 80 random bits after the clock: ids of one millisecond differ there', () => {
    const t = Date.now();
    const tails = Array.from({ length: 2000 }, () => newId(t).slice(12));
    expect(new Set(tails).size).toBe(tails.length);
    // every hex digit turns up in every position of the random part
    for (let i = 0; i < 20; i++) expect(new Set(tails.map((s) => s[i])).size).toBe(16);
  });
});
