// What 受信一覧 / 送信一覧 can be narrowed and ordered by, shared by the relay (SQL) and the page
// (its offline copy), so a filter means the same thing online and off: ファイル種別 groups, 対象年月,
// the text a search looks through, the list query as it travels in the URL, and the one predicate
// and order the page applies to what it has kept.
// zod's mini build, as the contract: the page (and the service worker, through the API client) carries it
import { z } from 'zod/mini';
import { boxSchema, type Box, type MessageSummary } from './contract';
import { parseFileName, type FileKind } from './filename';

/** ファイル種別 as a clerk looks for them, in the order the filter shows them. */
export const KIND_GROUPS = {
  plan: '予定(第6・7表)',
  actual: '実績',
  kyotaku: '第1・2・3表',
  hosoku: '補足',
  yobo: '介護予防・基本情報',
  delete: '削除',
  other: 'PDF等',
} as const;
export type KindGroup = keyof typeof KIND_GROUPS;
export const KIND_GROUP_IDS = Object.keys(KIND_GROUPS) as KindGroup[];
export const kindGroupSchema = z.enum(KIND_GROUP_IDS as [KindGroup, ...KindGroup[]]);

const GROUP_OF_KIND: Record<FileKind, KindGroup> = {
  UPPLAN: 'plan',
  UPSIKYU: 'plan',
  UPJSK: 'actual',
  UP1KYO: 'kyotaku',
  UP2KYO: 'kyotaku',
  UP3KYO: 'kyotaku',
  UPHOSOKU: 'hosoku',
  UPKIHON: 'yobo',
  UPKIHON_SUB1: 'yobo',
  UPKIHON_SUB2: 'yobo',
  UPKIHON_IMAGE: 'yobo',
  UPYOBO: 'yobo',
  UPYOBO_SUB: 'yobo',
  DLT1KYO: 'delete',
  DLTPLAN: 'delete',
  DLTJSK: 'delete',
  DLTKIHON: 'delete',
  DLTYOBO: 'delete',
};

export function kindGroupOf(fileName: string): KindGroup {
  const parsed = parseFileName(fileName);
  return parsed.ok ? GROUP_OF_KIND[parsed.value.kind] : 'other';
}

/** One bit per group: the relay keeps a message's groups as one integer, a filter is a mask. */
export const kindBit = (group: KindGroup): number => 1 << KIND_GROUP_IDS.indexOf(group);
export const kindMaskOf = (groups: Iterable<KindGroup>): number => [...groups].reduce((mask, g) => mask | kindBit(g), 0);
export const kindMaskOfFiles = (names: readonly string[]): number => kindMaskOf(names.map(kindGroupOf));

/** 対象年月 (YYYYMM) the files name, each once, sorted; a 補足's 000000 is no month. */
export function monthsOf(names: readonly string[]): string[] {
  const months = new Set<string>();
  for (const name of names) {
    const parsed = parseFileName(name);
    if (parsed.ok && parsed.value.targetMonth && parsed.value.targetMonth !== '000000') months.add(parsed.value.targetMonth);
  }
  return [...months].sort();
}

/**
 * How text is compared when searching: NFKC (full-width ＡＢＣ１ and half-width ｶﾅ fold into
 * their usual forms) and lower case. Kept texts are stored folded, queries are folded the same.
 */
export const searchKey = (text: string): string => text.normalize('NFKC').toLowerCase();

/** What 「検索」 looks through: the message and every file name. */
export const searchTextOf = (message: string, names: readonly string[]): string => searchKey([message, ...names].join('\n'));

/** A 相手先 written as digits (and the A of some numbers) is a number prefix; anything else a name. */
export const isNumberPrefix = (text: string): boolean => /^[0-9A]{1,10}$/i.test(text);

export const listStatusSchema = z.enum(['未', '済', '取消']);
export type ListStatus = z.infer<typeof listStatusSchema>;
/** newest: 送信日時の新しい順 (default); oldest: 古い順; office: 相手先事業所番号順, newest first within one. */
export const listSortSchema = z.enum(['newest', 'oldest', 'office']);
export type ListSort = z.infer<typeof listSortSchema>;

export const LIST_PAGE_SIZE = 50;
export const MAX_LIST_PAGE_SIZE = 100;

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** zod's preprocess, in the mini build's terms */
const preprocess = <T extends z.ZodMiniType>(fn: (value: unknown) => unknown, schema: T) => z.pipe(z.transform(fn), schema);
const optionalText = (max: number, label: string) =>
  preprocess(blankToUndefined, z.optional(z.string().check(z.trim(), z.maxLength(max, `${label}は${max}文字以内で入力してください`))));
const instant = (label: string) =>
  preprocess(blankToUndefined, z.optional(z.iso.datetime({ offset: true, error: `${label}の形式が正しくありません` })));

export const listFilterSchema = z.object({
  status: preprocess(blankToUndefined, z.optional(listStatusSchema)),
  /** 相手先: number prefix or part of the name */
  office: optionalText(60, '相手先'),
  kinds: preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.optional(z.array(kindGroupSchema, { error: 'ファイル種別の指定が正しくありません' })),
  ),
  /** 対象年月 YYYYMM */
  month: preprocess(blankToUndefined, z.optional(z.string().check(z.regex(/^\d{6}$/, '対象年月は6桁(YYYYMM)で指定してください')))),
  /** sent at or after (an instant: the page turns its local day into one) */
  from: instant('期間(から)'),
  /** sent before */
  to: instant('期間(まで)'),
  /** free text over the message and the file names */
  q: optionalText(100, '検索語'),
});
export type ListFilter = z.infer<typeof listFilterSchema>;

export const listQuerySchema = z.extend(listFilterSchema, {
  box: preprocess((v) => v ?? 'received', boxSchema),
  sort: preprocess((v) => v ?? 'newest', listSortSchema),
  cursor: z.optional(z.string().check(z.maxLength(400, '続きの指定が正しくありません'))),
  limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(MAX_LIST_PAGE_SIZE))), LIST_PAGE_SIZE),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export { listQueryParams } from './list-params';

export function hasFilter(filter: ListFilter): boolean {
  return Object.values(filter).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
}

/** 未 / 済 / 取消 of a message as the lists show it. */
export function listStatusOf(message: Pick<MessageSummary, 'withdrawnAt' | 'downloadStatus'>): ListStatus {
  return message.withdrawnAt ? '取消' : message.downloadStatus;
}

/** The other office of a message: the destination in 送信一覧, the sender in 受信一覧. */
export const counterpartOf = (message: Pick<MessageSummary, 'sender' | 'destination'>, box: Box) =>
  box === 'sent' ? message.destination : message.sender;

/** The relay's filter, applied to a kept message (the page's offline lists). */
export function matchesFilter(message: MessageSummary, box: Box, filter: ListFilter): boolean {
  const names = message.files.map((f) => f.name);
  if (filter.status && listStatusOf(message) !== filter.status) return false;
  if (filter.office) {
    const office = counterpartOf(message, box);
    if (isNumberPrefix(filter.office)) {
      if (!office.number.startsWith(filter.office.toUpperCase())) return false;
    } else if (!searchKey(office.name).includes(searchKey(filter.office))) return false;
  }
  if (filter.kinds && filter.kinds.length > 0 && (kindMaskOfFiles(names) & kindMaskOf(filter.kinds)) === 0) return false;
  if (filter.month && !monthsOf(names).includes(filter.month)) return false;
  const sent = Date.parse(message.sentAt);
  if (filter.from && sent < Date.parse(filter.from)) return false;
  if (filter.to && sent >= Date.parse(filter.to)) return false;
  if (filter.q && !searchTextOf(message.message, names).includes(searchKey(filter.q))) return false;
  return true;
}

/** The relay's order (ties broken by id, as its keyset pages are). */
export function compareForSort(sort: ListSort, box: Box): (a: MessageSummary, b: MessageSummary) => number {
  const byTimeDesc = (a: MessageSummary, b: MessageSummary) => cmp(b.sentAt, a.sentAt) || cmp(b.id, a.id);
  if (sort === 'oldest') return (a, b) => cmp(a.sentAt, b.sentAt) || cmp(a.id, b.id);
  if (sort === 'office') return (a, b) => cmp(counterpartOf(a, box).number, counterpartOf(b, box).number) || byTimeDesc(a, b);
  return byTimeDesc;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** 保存期限 within this many days, for a message still 未, is marked in both lists and counted on トップ. */
export const EXPIRY_WARNING_DAYS = 7;

export function expiresSoon(message: Pick<MessageSummary, 'expiresAt' | 'downloadStatus' | 'withdrawnAt'>, now: number): boolean {
  if (message.withdrawnAt || message.downloadStatus !== '未') return false;
  return Date.parse(message.expiresAt) <= now + EXPIRY_WARNING_DAYS * 86_400_000;
}
