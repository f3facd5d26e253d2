// 一括送信: which files each CSV check looks at. A row is one send, so its CSVs are checked as one
// send, the checks across files included (a 第2表 whose keys are not in the 第1表, a 第7表 of
// another month), exactly as 新規作成 checks the same files: the dropped CSVs are grouped by the
// row they will join (addFilesToBatch's rule), together with the CSVs that row already holds.
import { extensionOf } from './attachments';
import { groupKeyOfName, rowJoinedBy, type BatchRow } from './batch';

export interface CheckGroup<D, P> {
  /** the listed row the dropped files join, or null for a new row */
  rowId: string | null;
  /** the dropped CSVs of the row (a name dropped twice: the last one, as the row keeps it) */
  dropped: D[];
  /** the row's CSVs that stay (the drop does not replace them): their checks across files change too */
  listed: { name: string; payload: P }[];
}

export function rowCheckGroups<D extends { name: string }, P>(dropped: readonly D[], rows: readonly BatchRow<P>[]): CheckGroup<D, P>[] {
  const isCsv = (name: string) => extensionOf(name) === 'csv';
  const byKey = new Map<string, Map<string, D>>();
  const groups: CheckGroup<D, P>[] = [];
  for (const file of dropped) {
    if (!isCsv(file.name)) continue;
    const key = groupKeyOfName(file.name);
    // a name that routes nowhere becomes a row of its own
    if (key === null) groups.push({ rowId: null, dropped: [file], listed: [] });
    else byKey.set(key, (byKey.get(key) ?? new Map()).set(file.name, file));
  }
  for (const [key, files] of byKey) {
    const row = rowJoinedBy(rows, key);
    const listed = (row?.files ?? []).filter((f) => isCsv(f.name) && !files.has(f.name)).map((f) => ({ name: f.name, payload: f.payload }));
    groups.push({ rowId: row?.id ?? null, dropped: [...files.values()], listed });
  }
  return groups;
}
