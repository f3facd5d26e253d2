// 一括送信's status line and empty-list paragraph, while a drop is checked and after.
import { describe, expect, it } from 'vitest';
import type { BatchRow } from '../../src/domain/batch';
import { CHECKING_TEXT, EMPTY_LIST_TEXT, listState } from '../../src/views/batch/list-state';

const row = (id: string, destination: string) => ({ id, destination }) as unknown as BatchRow<unknown>;

describe('the 一括送信 list state', () => {
  it('a first drop being checked on an empty list shows the checking alone, not 「一覧は空です」', () => {
    expect(listState([], true)).toEqual({ summary: CHECKING_TEXT, empty: null });
  });

  it('an empty list, nothing being checked, says so and how to fill it', () => {
    expect(listState([], false)).toEqual({ summary: '0 件(送信先 0 / 50 事業所)', empty: EMPTY_LIST_TEXT });
  });

  it('a list with rows counts them, and adds the checking of a later drop', () => {
    const rows = [row('a', '3310000017'), row('b', '3310000017'), row('c', '3310000025')];
    expect(listState(rows, false)).toEqual({ summary: '3 件(送信先 2 / 50 事業所)', empty: null });
    expect(listState(rows, true)).toEqual({ summary: `3 件(送信先 2 / 50 事業所) ${CHECKING_TEXT}`, empty: null });
  });

  it('before the kept list is read: loading (or the checking, when a drop came first)', () => {
    expect(listState(null, false)).toEqual({ summary: '読み込み中…', empty: null });
    expect(listState(null, true)).toEqual({ summary: CHECKING_TEXT, empty: null });
  });
});
