// What the 一括送信 list says above and in place of its table. While a drop is being checked the
// list is about to change: 「一覧は空です」 beside 「ファイルを確認しています…」 would contradict it,
// so an empty list being filled shows the checking alone.
import { countDestinations, MAX_BATCH_DESTINATIONS, type BatchRow } from '../../domain/batch';

export const CHECKING_TEXT = 'ファイルを確認しています…';
export const EMPTY_LIST_TEXT = '一覧は空です。CSVファイルをドロップするか「ファイルを選択」で追加してください。';

export interface ListState {
  /** the status line above the buttons */
  summary: string;
  /** the paragraph in place of the table, or null (the table, or nothing yet) */
  empty: string | null;
}

export function listState(rows: readonly BatchRow<unknown>[] | null, checking: boolean): ListState {
  if (rows === null) return { summary: checking ? CHECKING_TEXT : '読み込み中…', empty: null };
  if (rows.length === 0 && checking) return { summary: CHECKING_TEXT, empty: null };
  const count = `${rows.length} 件(送信先 ${countDestinations(rows)} / ${MAX_BATCH_DESTINATIONS} 事業所)`;
  return { summary: checking ? `${count} ${CHECKING_TEXT}` : count, empty: rows.length === 0 ? EMPTY_LIST_TEXT : null };
}
