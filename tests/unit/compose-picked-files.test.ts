// 新規作成's list of picked files: a name given again replaces the earlier file, also when one
// drop carries it twice (two folders, or a file dragged with its copy) — the table keys rows and
// 削除 removes by name, so two rows of one name were drawn as one and removed together.
import { describe, expect, it } from 'vitest';
import { merge, type PickedFile } from '../../src/views/compose/picked-files';

const picked = (name: string, text: string): PickedFile => {
  const blob = new Blob([text]);
  return { name, type: 'text/csv', blob, size: blob.size, head: new TextEncoder().encode(text), category: '登録' };
};

describe('merge', () => {
  it('replaces a file listed earlier by one of the same name', () => {
    const first = picked('UPPLAN_202511_3300000001_3310000017_20251101090000.CSV', 'old');
    const again = picked(first.name, 'new');
    expect(merge([first], [again])).toEqual([again]);
  });

  it('keeps one file per name when a single drop carries the same name twice: the later one', () => {
    const pdf = picked('第3表.pdf', 'pdf');
    const a = picked('UPPLAN_202511_3300000001_3310000017_20251101090000.CSV', 'a');
    const b = picked(a.name, 'b');
    const merged = merge([pdf], [a, b]);
    expect(merged.map((f) => f.name)).toEqual([pdf.name, a.name]);
    expect(merged[1]).toBe(b);
  });
});
