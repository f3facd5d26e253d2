// 月次チェック: for a 対象年月, one row per provider and person (the 居宅's view) or per 居宅 and
// person (a provider's view), with the versions used, the number of differences and a status;
// and the deadline the 居宅 works to: the 給付管理票 is due on the 10th of the following month.
import { comparePerson, type PersonComparison } from './match';
import { byCode } from './rows';
import { pairsOf, peopleOf, type KeptUsageFile, type Pair } from './versions';

/**
 * awaiting: a 予定 and no 実績 yet. differs / matches: both, compared. no-plan: a 実績 without
 * a 予定. plan-deleted: the 予定 was deleted (DLTPLAN) and no 実績 came. pending: the only 予定
 * is still waiting in the outbox.
 */
export type CheckStatus = 'awaiting' | 'differs' | 'matches' | 'no-plan' | 'plan-deleted' | 'pending';

export interface CheckRow {
  pair: Pair;
  /** null until both sides are there */
  comparison: PersonComparison | null;
  status: CheckStatus;
}

export type Role = 'care' | 'provider';

/** Status words: a 居宅 waits for a 実績 (未着), a provider has one to send (未送信). */
export function statusLabel(status: CheckStatus, role: Role): string {
  switch (status) {
    case 'awaiting': return role === 'care' ? '実績未着' : '実績未送信';
    case 'differs': return '差異あり';
    case 'matches': return '一致';
    case 'no-plan': return '予定なし';
    case 'plan-deleted': return '予定削除';
    case 'pending': return '予定送信待ち';
  }
}

export function checkRowOf(pair: Pair): CheckRow {
  const hasActual = pair.actuals.length > 0;
  if (pair.plan && hasActual) {
    const comparison = comparePerson(pair.plan.rows, pair.actualRows);
    return { pair, comparison, status: comparison.differences > 0 ? 'differs' : 'matches' };
  }
  if (pair.plan) return { pair, comparison: null, status: 'awaiting' };
  if (hasActual) return { pair, comparison: comparePerson([], pair.actualRows), status: 'no-plan' };
  return { pair, comparison: null, status: pair.planDeletedBy ? 'plan-deleted' : 'pending' };
}

export interface MonthlyCheck {
  /** rows where this office is the 居宅: the 予定 it sent, the 実績 it received */
  asCare: CheckRow[];
  /** rows where this office is the provider: the 予定 it received, the 実績 it sent */
  asProvider: CheckRow[];
}

const STATUS_ORDER: Record<CheckStatus, number> = { awaiting: 0, differs: 1, 'no-plan': 2, pending: 3, 'plan-deleted': 4, matches: 5 };

/** What needs doing first: missing, then differing; within a status by office and 被保険者番号. */
function rowOrder(counterpart: (row: CheckRow) => string) {
  return (a: CheckRow, b: CheckRow) =>
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byCode(counterpart(a), counterpart(b)) ||
    byCode(a.pair.key.insurer, b.pair.key.insurer) || byCode(a.pair.key.insured, b.pair.key.insured);
}

/** The check of one 対象年月 for one office, from the files it keeps (any month: others are left out). */
export function monthlyCheck(files: readonly KeptUsageFile[], month: string, office: string): MonthlyCheck {
  const rows = pairsOf(peopleOf(files.filter((f) => f.month === month && (f.care === office || f.provider === office)))).map(checkRowOf);
  return {
    asCare: rows.filter((r) => r.pair.key.care === office).sort(rowOrder((r) => r.pair.key.provider)),
    asProvider: rows.filter((r) => r.pair.key.provider === office).sort(rowOrder((r) => r.pair.key.care)),
  };
}

export interface Deadline {
  /** YYYYMMDD: the 10th of the month after the 対象年月 */
  date: string;
  /** whole days from `today` to the deadline; negative once it has passed */
  daysLeft: number;
}

/** The 給付管理票 deadline of a 対象年月 (YYYYMM), seen on `today` (local date). */
export function deadlineOf(month: string, today: Date): Deadline {
  const year = Number(month.slice(0, 4));
  const next = Number(month.slice(4, 6)); // 0-based month index of the following month
  const due = new Date(Date.UTC(year, next, 10));
  const date = `${due.getUTCFullYear()}${String(due.getUTCMonth() + 1).padStart(2, '0')}10`;
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return { date, daysLeft: Math.round((due.getTime() - now) / 86_400_000) };
}

/** The 対象年月 a care manager checks on `today`: last month's (its 実績 arrive early in this one). */
export function defaultCheckMonth(today: Date): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export interface StatusCounts {
  total: number;
  byStatus: Record<CheckStatus, number>;
}

export function countStatuses(rows: readonly CheckRow[]): StatusCounts {
  const byStatus: Record<CheckStatus, number> = { awaiting: 0, differs: 0, matches: 0, 'no-plan': 0, 'plan-deleted': 0, pending: 0 };
  for (const r of rows) byStatus[r.status] += 1;
  return { total: rows.length, byStatus };
}
