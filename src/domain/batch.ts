// 一括送信: many dropped files become one row per destination + send unit, as the manual's screen.
// Pure: the rows carry an opaque payload per file (the Blob, in the client) that this module
// never looks at, so the same rules run in unit tests, the page and anything else.
import { MAX_BATCH_DESTINATIONS, type FileCategory } from './contract';
import { parseFileName, type ParsedFileName } from './filename';
import { categoryOf, checkAttachment, checkSend, isRoutedName } from './attachments';
import { contentLines, rowWarningLines, type ContentCheck } from './batch-content';
import { sendUnitKey } from './send-unit';

export { contentCheckOf, CONTENT_LINES_SHOWN, type ContentCheck } from './batch-content';

export { MAX_BATCH_DESTINATIONS };

export * from './batch-types';
import { senderKindOf, senderNumberOf, type AddFilesResult, type BatchContext, type BatchFileInput, type BatchRow, type BatchRowFile, type BatchSender, type BatchStatus, type DirectoryAnswer } from './batch-types';

export const UNKNOWN_OFFICE = '事業所が見つかりません';
const CATEGORY_ORDER: FileCategory[] = ['登録', '削除', 'PDF等'];
const IN_FLIGHT: BatchStatus[] = ['送信待ち', '送信中'];

/**
 * Adds dropped files to the batch list. Files for a destination + send unit already listed
 * merge into that row (same name replaces); files that would add a destination beyond
 * MAX_BATCH_DESTINATIONS are refused, and nothing already in the list is lost.
 */
export function addFilesToBatch<P>(
  existing: readonly BatchRow<P>[],
  inputs: readonly (BatchFileInput & { payload: P })[],
  ctx: BatchContext,
): AddFilesResult<P> {
  const rows = existing.map((r) => ({ ...r, files: [...r.files] }));
  const destinations = new Set(rows.flatMap((r) => (r.destination ? [r.destination] : [])));
  const touched = new Set<BatchRow<P>>();
  const refused: string[] = [];

  for (const input of inputs) {
    const parsed = parseFileName(input.name);
    if (!parsed.ok) {
      // one row per unreadable file, so nothing is silently dropped; dropping it again replaces it
      const problemRow = rows.find((r) => r.groupKey === null && r.files[0]?.name === input.name);
      const file = toRowFile(input, categoryGuess(input.name));
      if (problemRow && !isInFlight(problemRow)) {
        problemRow.files = [file];
        touched.add(problemRow);
      } else {
        const row = newRow<P>(ctx, null, null, [file]);
        rows.push(row);
        touched.add(row);
      }
      continue;
    }
    const p = parsed.value;
    if (!destinations.has(p.destination) && destinations.size >= MAX_BATCH_DESTINATIONS) {
      refused.push(input.name);
      continue;
    }
    destinations.add(p.destination);
    const key = groupKeyOf(p);
    let row = rowJoinedBy(rows, key);
    if (!row) {
      // same name + destination as a row still in flight: start a fresh row rather than change a send under way
      row = newRow<P>(ctx, p.destination, key, []);
      const knownName = rows.find((r) => r.destination === p.destination && r.officeName !== undefined)?.officeName;
      if (knownName !== undefined) row.officeName = knownName;
      rows.push(row);
    }
    row.files = [...row.files.filter((f) => f.name !== input.name), toRowFile(input, p.category)];
    touched.add(row);
  }

  const result = rows.map((r, i) => {
    // untouched rows stay the very objects passed in, so callers can tell what to write back
    if (!touched.has(r)) return existing[i] ?? r;
    // changed files: an earlier failure no longer describes this row
    const again = ctx.rechecked?.get(r.id);
    const files = again ? r.files.map((f) => withContentCheck(f, again.get(f.name))) : r.files;
    return validateRow({ ...r, files, status: '未送信' as BatchStatus, reason: null }, ctx.sender);
  });
  return { rows: result, refused, refusal: refusalMessage(refused) };
}

/** Replaces a row's files and message (the compose screen's 更新); the row keeps its id. */
export function rebuildRow<P>(
  row: BatchRow<P>,
  files: readonly (BatchFileInput & { payload: P })[],
  message: string,
  sender: BatchSender,
): BatchRow<P> {
  const rowFiles = files.map((f) => toRowFile(f, categoryGuess(f.name)));
  const parsed = parsedOf(rowFiles);
  const destination = parsed[0]?.destination ?? row.destination;
  const groupKey = parsed[0] ? groupKeyOf(parsed[0]) : row.groupKey;
  const sameOffice = destination === row.destination;
  const next: BatchRow<P> = {
    ...row, files: rowFiles, message, destination, groupKey, status: '未送信', reason: null,
    officeName: sameOffice ? row.officeName : undefined, officeKind: sameOffice ? row.officeKind : undefined,
  };
  return validateRow(next, sender);
}

/**
 * Re-runs every rule on a row (after a change, a login as another office, or a directory
 * lookup). The single-send rules come from checkSend, so 新規作成 and 一括送信 say the same.
 */
export function validateRow<P>(row: BatchRow<P>, sender: BatchSender): BatchRow<P> {
  const parsed = parsedOf(row.files);
  const sequences = unique(parsed.map((p) => p.sequenceDisplay)).sort();
  const base = { ...row, sequenceDisplay: sequences.join('、'), categories: CATEGORY_ORDER.filter((c) => row.files.some((f) => f.category === c)) };

  if (row.groupKey === null) {
    // a file dropped whose name does not route it anywhere
    // PDF等 are never routed by their name (the line after these says where they go): only what is
    // wrong with the file itself is said of one, never that its name is no 連携ファイル kind
    const problems = row.files.flatMap((f) => {
      if (!isRoutedName(f.name)) return [checkAttachment(f)].filter((p): p is string => p !== null);
      const p = parseFileName(f.name);
      return [p.ok ? `${f.name}: 送信先を読み取れません` : p.error];
    });
    if (row.files.some((f) => !isRoutedName(f.name))) problems.push('PDF等は、送信先の行の「編集」から追加してください。');
    return { ...base, problems: unique(problems), warnings: [] };
  }

  const check = checkSend(row.files, {
    sender: senderNumberOf(sender),
    senderKind: senderKindOf(sender),
    destinationKind: row.officeKind ?? null,
    ...(row.destination !== null ? { destination: row.destination } : {}),
  });
  const problems = [...check.errors, ...row.files.flatMap((f) => contentLines(f, 'errors'))];
  if (parsed.length === 0) problems.push('CSVファイルがありません。');
  if (sequences.length > 1) {
    problems.push(`ファイル出力日時(連番)の異なるファイルが混ざっています(${sequences.join('、')})。1つの送信単位の連番はそろえてください。`);
  }
  if (row.destination !== null && row.officeName === null) {
    problems.push(`送信先事業所番号 ${row.destination} の${UNKNOWN_OFFICE}。`);
  }
  return { ...base, problems: unique(problems), warnings: rowWarningLines(check.warnings, row.files) };
}

/** Puts the directory's answer on the rows: the name and kind, or the unknown-office problem. */
export function applyDirectory<P>(
  rows: readonly BatchRow<P>[],
  directory: ReadonlyMap<string, DirectoryAnswer>,
  sender: BatchSender,
): BatchRow<P>[] {
  return rows.map((r) => {
    if (r.destination === null || !directory.has(r.destination)) return r;
    const answer = directory.get(r.destination) ?? null;
    const officeName = typeof answer === 'string' || answer === null ? answer : answer.name;
    const officeKind = typeof answer === 'object' && answer !== null ? answer.kind ?? null : r.officeKind;
    if (officeName === r.officeName && officeKind === r.officeKind) return r;
    return validateRow({ ...r, officeName, ...(officeKind !== undefined ? { officeKind } : {}) }, sender);
  });
}

/** Destinations whose name has not been looked up yet. */
export function destinationsToLookUp(rows: readonly BatchRow<unknown>[]): string[] {
  return unique(rows.flatMap((r) => (r.destination !== null && r.officeName === undefined ? [r.destination] : [])));
}

/** Destinations of dropped files whose name the list does not know yet (asked while the files are checked). */
export function newDestinationsOf(names: readonly string[], rows: readonly BatchRow<unknown>[]): string[] {
  const known = new Set(rows.flatMap((r) => (r.destination !== null && r.officeName !== undefined ? [r.destination] : [])));
  return unique(names.flatMap((name) => {
    const parsed = parseFileName(name);
    return parsed.ok && !known.has(parsed.value.destination) ? [parsed.value.destination] : [];
  }));
}

export function isInFlight(row: BatchRow<unknown>): boolean {
  return IN_FLIGHT.includes(row.status);
}

/** A row can go out when nothing blocks it and it is not already on its way. */
export function isSendable(row: BatchRow<unknown>): boolean {
  return row.destination !== null && row.problems.length === 0 && !isInFlight(row) && row.status !== '成功';
}

/**
 * The list's order: by destination, then ファイル出力日時, so a row stays where it is whatever is
 * dropped or looked up later; rows whose name routes nowhere come last, in the order dropped.
 */
export function compareRows(a: BatchRow<unknown>, b: BatchRow<unknown>): number {
  if (a.destination !== b.destination) {
    if (a.destination === null) return 1;
    if (b.destination === null) return -1;
    return a.destination < b.destination ? -1 : 1;
  }
  if (a.sequenceDisplay !== b.sequenceDisplay) return a.sequenceDisplay < b.sequenceDisplay ? -1 : 1;
  return a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function countDestinations(rows: readonly BatchRow<unknown>[]): number {
  return unique(rows.flatMap((r) => (r.destination ? [r.destination] : []))).length;
}

/** The row key a file name gives (rows merge by it), or null when the name routes nowhere. */
export function groupKeyOfName(name: string): string | null {
  const parsed = parseFileName(name);
  return parsed.ok ? groupKeyOf(parsed.value) : null;
}

/** The listed row a file of this key joins: the row of its send unit, unless that one is on its way. */
export function rowJoinedBy<P>(rows: readonly BatchRow<P>[], key: string): BatchRow<P> | undefined {
  return rows.find((r) => rowKeysOf(r).includes(key) && !isInFlight(r));
}

/** A row is one send unit (send-unit.ts): files of another 連番 make a row of their own, as another month does. */
function groupKeyOf(p: ParsedFileName): string {
  return sendUnitKey(p);
}

/**
 * A row's keys from its files, not from its stored groupKey, and from every file, not the first:
 * rows kept on the device by older clients may hold files of several of today's units (before each
 * 連番, or each pair of v4 kind codes, became a row of its own). A later drop of any of them must
 * replace its files there; a row of its own beside the kept one would send that unit twice.
 */
function rowKeysOf(row: BatchRow<unknown>): string[] {
  if (row.groupKey === null) return [];
  const parsed = parsedOf(row.files);
  return parsed.length > 0 ? unique(parsed.map(groupKeyOf)) : [row.groupKey];
}

function refusalMessage(refused: readonly string[]): string | null {
  if (refused.length === 0) return null;
  const shown = refused.slice(0, 5).join('、');
  const more = refused.length > 5 ? ` ほか${refused.length - 5}件` : '';
  return (
    `一括送信できる送信先は${MAX_BATCH_DESTINATIONS}事業所までです。` +
    `${MAX_BATCH_DESTINATIONS}事業所を超える送信先のファイル${refused.length}件は追加していません: ${shown}${more}。` +
    '先に送信するか、行を削除してから追加してください。'
  );
}

function newRow<P>(ctx: BatchContext, destination: string | null, groupKey: string | null, files: BatchRowFile<P>[]): BatchRow<P> {
  return {
    id: ctx.newId(),
    destination,
    groupKey,
    files,
    message: '',
    sequenceDisplay: '',
    categories: [],
    problems: [],
    warnings: [],
    status: '未送信',
    reason: null,
    addedAt: ctx.now,
  };
}

function toRowFile<P>(input: BatchFileInput & { payload: P }, category: FileCategory): BatchRowFile<P> {
  const file: BatchRowFile<P> = { name: input.name, size: input.size, head: input.head, category, payload: input.payload };
  if (input.contentCheck) file.contentCheck = input.contentCheck;
  return file;
}

function withContentCheck<P>(file: BatchRowFile<P>, contentCheck: ContentCheck | undefined): BatchRowFile<P> {
  return contentCheck ? { ...file, contentCheck } : file;
}

/** ファイル種別 even for a CSV whose name is broken (it is still a 登録 or 削除 file, not PDF等). */
function categoryGuess(name: string): FileCategory {
  if (!isRoutedName(name)) return categoryOf(name);
  const parsed = parseFileName(name);
  if (parsed.ok) return parsed.value.category;
  return name.toUpperCase().startsWith('DLT') ? '削除' : '登録';
}

function parsedOf(files: readonly BatchFileInput[]): ParsedFileName[] {
  return files.flatMap((f) => {
    const p = parseFileName(f.name);
    return p.ok ? [p.value] : [];
  });
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
