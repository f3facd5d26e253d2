// The one outbox flush, run by the page and by the service worker alike. A Web Lock keeps two
// flushes from overlapping; where Web Locks are missing, claimNextDue's transaction still keeps
// two flushers off the same item, and the idempotency key keeps a double send single.
import {
  claimNextDue,
  confirmSent,
  isPausedForLogin,
  markFailed,
  markNeedsLogin,
  markRetryLater,
  pauseForLogin,
} from './store';
import type { SentRecord } from './types';
import { loginNeededFor } from '../domain/api';
import { sendOutboxItem, type FetchLike, type SendOutcome } from './send';
import { sendPendingLogout } from './pending-logout';

export const FLUSH_LOCK = 'renkei-outbox-flush';
/** The Background Sync tag: the page registers it, the service worker answers its 'sync' event. */
export { SYNC_TAG } from './channel';
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 5 * 60_000;
/** Answers a retry can fix: timeout, too early, too many requests. */
const RETRYABLE_4XX = new Set([408, 425, 429]);

export interface FlushOptions {
  /** send waiting items now even if their backoff has not run out (connection just came back, user asked) */
  ignoreBackoff?: boolean;
  fetchImpl?: FetchLike;
  now?: () => number;
  /** the host's Web Locks (navigator.locks in the page and the service worker; absent in old Safari) */
  locks?: Pick<LockManager, 'request'>;
}

export interface FlushReport {
  sent: SentRecord[];
  failed: { id: string; message: string }[];
  retrying: { id: string; message: string; nextAttemptAt: number }[];
  /** a 401/403 stopped the flush: nothing goes until resumeAfterLogin() */
  needsLogin: boolean;
  /** the network was unreachable, so the flush stopped early */
  offline: boolean;
}

export function backoffDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export async function flushOutbox(options: FlushOptions = {}): Promise<FlushReport> {
  if (options.locks) return options.locks.request(FLUSH_LOCK, () => flushUnlocked(options, true));
  return flushUnlocked(options, false);
}

async function flushUnlocked(options: FlushOptions, holdsFlushLock: boolean): Promise<FlushReport> {
  const now = options.now ?? Date.now;
  const report: FlushReport = { sent: [], failed: [], retrying: [], needsLogin: false, offline: false };
  // a logout made offline reaches the relay first, whoever is signed in next
  if ((await sendPendingLogout(options.fetchImpl)) === 'waiting') {
    report.offline = true;
    return report;
  }
  if (await isPausedForLogin()) {
    report.needsLogin = true;
    return report;
  }
  // Each item is tried at most once per flush, so a forced flush cannot spin on a failing item.
  const tried = new Set<string>();
  for (;;) {
    const item = await claimNextDue(now(), { ignoreBackoff: options.ignoreBackoff ?? false, skip: tried, holdsFlushLock });
    if (!item) break;
    tried.add(item.id);
    const outcome = await sendOutboxItem(item, options.fetchImpl);
    const verdict = judge(outcome);
    switch (verdict.kind) {
      case 'sent':
        report.sent.push(await confirmSent(item, verdict.response.message, now()));
        break;
      case 'failed':
        await markFailed(item.id, verdict.message);
        report.failed.push({ id: item.id, message: verdict.message });
        break;
      case 'needs-login':
        await markNeedsLogin(item.id, verdict.message);
        await pauseForLogin();
        report.needsLogin = true;
        return report;
      case 'other-office':
        // this item waits for its own office's login; the current office's items go on
        await markNeedsLogin(item.id, verdict.message);
        break;
      case 'retry': {
        const nextAttemptAt = now() + backoffDelay(item.attempts);
        await markRetryLater(item.id, verdict.message, nextAttemptAt);
        report.retrying.push({ id: item.id, message: verdict.message, nextAttemptAt });
        if (outcome.kind === 'unreachable') {
          // the other items would meet the same dead network
          report.offline = true;
          return report;
        }
        break;
      }
    }
  }
  return report;
}

type Verdict =
  | { kind: 'sent'; response: Extract<SendOutcome, { kind: 'sent' }>['response'] }
  | { kind: 'failed' | 'needs-login' | 'other-office' | 'retry'; message: string };

function judge(outcome: SendOutcome): Verdict {
  if (outcome.kind === 'sent') return { kind: 'sent', response: outcome.response };
  if (outcome.kind === 'unreachable') return { kind: 'retry', message: outcome.message };
  const { failure } = outcome;
  const code = failure.kind === 'refused' ? failure.code : null;
  // the relay repeats its first problem as the first detail
  const details = failure.kind === 'refused' ? failure.details.filter((d) => d !== failure.message) : [];
  const message = [failure.message, ...details].join('\n');
  const login = loginNeededFor(failure.status, code);
  if (login === 'person') return { kind: 'needs-login', message: message || '再ログインが必要です' };
  if (login === 'office') return { kind: 'needs-login', message: message || '事業所ユーザログインが必要です' };
  if (code === 'wrong-office' || code === 'wrong-person') return { kind: 'other-office', message };
  if (failure.status >= 500 || RETRYABLE_4XX.has(failure.status)) return { kind: 'retry', message };
  return { kind: 'failed', message };
}
