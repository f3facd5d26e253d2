// The CSV spec checks of a drop, one check per row: each row's CSVs are checked as one send (the
// checks across files included, batch-checks.ts), so a row says what 新規作成 says of the same
// files. Run before the files join the list, so a row is never listed as sendable before its
// content was looked at. The rows' checks run side by side in the worker pool.
import { contentCheckOf, type ContentCheck } from '../../domain/batch';
import { rowCheckGroups } from '../../domain/batch-checks';
import type { BatchInputFile, StoredBatchRow } from '../../db/batch';
import { checkCsvSends, problemsByFile } from '../../workers/csv-check';

export interface DropChecks {
  /** the dropped CSVs' checks (PDF等 and other files have none) */
  byFile: Map<Blob, ContentCheck>;
  /** the dropped CSVs' first bytes, read by the checks (so the page need not read them again) */
  heads: Map<Blob, Uint8Array>;
  /** new checks of CSVs already listed in the rows the drop adds to: row id → file name → check */
  rechecked: Map<string, Map<string, ContentCheck>>;
}

/** `rows`: the list as it is before the drop (the rows the dropped files will join). */
export async function contentChecksOf(files: readonly File[], rows: readonly StoredBatchRow[]): Promise<DropChecks> {
  const checks: DropChecks = { byFile: new Map(), heads: new Map(), rechecked: new Map() };
  const groups = rowCheckGroups(files, rows);
  // one check per row, as one send: the workers take the rows in a few jobs, each read at once
  const results = await checkCsvSends(
    groups.map((group) => [...group.listed.map((f) => ({ name: f.name, blob: f.payload.blob })), ...group.dropped.map((f) => ({ name: f.name, blob: f as Blob }))]),
  );
  for (const [i, group] of groups.entries()) {
    const result = results[i]!;
    const problems = problemsByFile(result);
    const checkOf = (name: string) => contentCheckOf(problems.get(name) ?? []);
    const heads = new Map(result.files.map((f) => [f.name, f.head]));
    for (const file of group.dropped) {
      checks.byFile.set(file, checkOf(file.name));
      const head = heads.get(file.name);
      if (head) checks.heads.set(file, head);
    }
    if (group.rowId !== null && group.listed.length > 0) {
      checks.rechecked.set(group.rowId, new Map(group.listed.map((f) => [f.name, checkOf(f.name)])));
    }
  }
  return checks;
}

/** The inputs with their file's check, where it has one. */
export function withChecks(inputs: readonly BatchInputFile[], checks: ReadonlyMap<Blob, ContentCheck>): BatchInputFile[] {
  return inputs.map((input) => {
    const contentCheck = checks.get(input.payload.blob);
    return contentCheck ? { ...input, contentCheck } : input;
  });
}
