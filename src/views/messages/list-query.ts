// The filters and order of 送信一覧 / 受信一覧 in the address (#/received?status=未&q=…), so a
// reload, 戻る from a message and a bookmark keep them; and the form's local dates as instants.
import '../../domain/zod-config';
import { listFilterSchema, listQueryParams, listSortSchema, type ListFilter, type ListSort } from '../../domain/mailbox';

export interface ListView {
  filter: ListFilter;
  sort: ListSort;
}

export function viewFromParams(params: URLSearchParams): ListView {
  const raw = Object.fromEntries(params);
  const filter = listFilterSchema.safeParse(raw);
  const sort = listSortSchema.safeParse(raw.sort);
  return { filter: filter.success ? filter.data : {}, sort: sort.success ? sort.data : 'newest' };
}

export function paramsOfView(view: ListView): string {
  return new URLSearchParams(listQueryParams({ ...view.filter, ...(view.sort !== 'newest' ? { sort: view.sort } : {}) })).toString();
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** 2025-04-01 (a date input) → the instant that local day starts. */
export function dayStart(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** 2025-04-30 → the instant the next local day starts (the range includes the whole day). */
export function dayEnd(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

export const dateOfStart = (instant: string | undefined) => (instant ? localDate(new Date(instant)) : '');
export const dateOfEnd = (instant: string | undefined) => (instant ? localDate(new Date(Date.parse(instant) - 1)) : '');
