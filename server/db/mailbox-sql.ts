// The SQL both stores share for the mailbox lists: the columns kept beside each message so a
// filter never reads its files (ファイル種別 groups, 対象年月, the searched text, files not yet
// downloaded), and the one builder of a keyset page query. SQLite and PostgreSQL differ only in
// the few spellings a Dialect gives, so tests/server/store-conformance.test.ts can hold them equal.
import { isNumberPrefix, kindMaskOf, kindMaskOfFiles, monthsOf, searchKey, searchTextOf } from '../../src/domain/mailbox';
import type { PageRequest } from './types';

/** What a message keeps besides what was sent, derived from its text and file names. */
export interface DerivedColumns {
  kinds: number;
  /** 対象年月 separated by spaces: a 6-digit query can only match one of them whole */
  months: string;
  searchText: string;
}

export function derivedColumns(message: string, fileNames: readonly string[]): DerivedColumns {
  return { kinds: kindMaskOfFiles(fileNames), months: monthsOf(fileNames).join(' '), searchText: searchTextOf(message, fileNames) };
}

export interface Dialect {
  /** the n-th (1-based) parameter's placeholder */
  placeholder(n: number): string;
  /** true when `needle` (already a placeholder) occurs in `haystack` */
  contains(haystack: string, needle: string): string;
  /** a placeholder read as an instant */
  time(placeholder: string): string;
  /** a placeholder read as an integer */
  int(placeholder: string): string;
  /** a text column compared and ordered byte by byte */
  bytes(column: string): string;
}

export const SQLITE_DIALECT: Dialect = {
  placeholder: () => '?',
  contains: (haystack, needle) => `instr(${haystack}, ${needle}) > 0`,
  time: (p) => p,
  int: (p) => p,
  bytes: (column) => column,
};

export const POSTGRES_DIALECT: Dialect = {
  placeholder: (n) => `$${n}`,
  contains: (haystack, needle) => `strpos(${haystack}, ${needle}) > 0`,
  time: (p) => `${p}::timestamptz`,
  int: (p) => `${p}::int`,
  bytes: (column) => `${column} COLLATE "C"`,
};

/** 未: some file not yet downloaded; 済: every file; neither once withdrawn. */
export const UNREAD = 'm.pending_files > 0 AND m.withdrawn_at IS NULL';

/**
 * One page of a box: `select` (the message columns FROM messages m …) narrowed by the filter and
 * continued after the keyset position, one row more than the limit (so the caller knows whether
 * there is a next page). Keyset, not OFFSET: a page starts where the last one ended however many
 * messages arrived meanwhile, and costs the same at any depth.
 */
export function pageQuery(select: string, req: PageRequest, d: Dialect): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return d.placeholder(params.length);
  };
  const own = req.box === 'sent' ? 'm.sender' : 'm.destination';
  const other = req.box === 'sent' ? 'm.destination' : 'm.sender';
  const id = d.bytes('m.id');
  const f = req.filter;
  // a detached side is an office that left the directory; past its retention a message is gone
  // for the lists even before the sweep deletes it
  const where = [`${own} = ${p(req.office)}`, `NOT ${own}_detached`, `m.expires_at > ${d.time(p(req.nowIso))}`];
  if (f.status === '未') where.push(UNREAD);
  if (f.status === '済') where.push('m.pending_files = 0 AND m.withdrawn_at IS NULL');
  if (f.status === '取消') where.push('m.withdrawn_at IS NOT NULL');
  // the receiver no longer sees what a withdrawn message held: its content cannot match a search
  if (req.box === 'received' && ((f.kinds?.length ?? 0) > 0 || f.month || f.q)) where.push('m.withdrawn_at IS NULL');
  if (f.office) {
    if (isNumberPrefix(f.office)) where.push(`${other} LIKE ${p(`${f.office.toUpperCase()}%`)}`);
    else where.push(`${other} IN (SELECT number FROM offices WHERE ${d.contains('name_key', p(searchKey(f.office)))})`);
  }
  if (f.kinds && f.kinds.length > 0) where.push(`(m.kinds & ${d.int(p(kindMaskOf(f.kinds)))}) <> 0`);
  if (f.month) where.push(d.contains('m.months', p(f.month)));
  if (f.from) where.push(`m.sent_at >= ${d.time(p(new Date(f.from).toISOString()))}`);
  if (f.to) where.push(`m.sent_at < ${d.time(p(new Date(f.to).toISOString()))}`);
  if (f.q) where.push(d.contains('m.search_text', p(searchKey(f.q))));

  const after = req.after;
  let order: string;
  if (req.sort === 'oldest') {
    if (after) where.push(`(m.sent_at, ${id}) > (${d.time(p(after.sentAt))}, ${p(after.id)})`);
    order = `m.sent_at ASC, ${id} ASC`;
  } else if (req.sort === 'office') {
    if (after) {
      const office = after.office ?? '';
      where.push(`(${d.bytes(other)} > ${p(office)} OR (${other} = ${p(office)} AND (m.sent_at, ${id}) < (${d.time(p(after.sentAt))}, ${p(after.id)})))`);
    }
    order = `${d.bytes(other)} ASC, m.sent_at DESC, ${id} DESC`;
  } else {
    if (after) where.push(`(m.sent_at, ${id}) < (${d.time(p(after.sentAt))}, ${p(after.id)})`);
    order = `m.sent_at DESC, ${id} DESC`;
  }
  return { sql: `${select} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${p(req.limit + 1)}`, params };
}
