// Login throttling, counted in the store (so it holds across relay processes): every try is
// counted before its password is checked, so a burst of parallel tries gets no more checks than
// the rule allows. A try that succeeds stops counting and forgives the account.
import { sha256Hex } from '../digest';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import { clientAddress } from '../context';
import type { RateRule } from '../db/types';
import { HttpError } from '../errors';

export const ACCOUNT_RULE = { max: 5, windowMs: 15 * 60_000 };
/** Looser per address: a whole office may sit behind one address. */
export const ADDRESS_RULE = { max: 20, windowMs: 15 * 60_000 };
/** The office lookup per person: far above what the screens ask, far below walking the directory. */
export const LOOKUP_RULE = { max: 200, windowMs: 5 * 60_000 };
/** Counted attempts older than the longest window are of no more use. */
export const LONGEST_WINDOW_MS = Math.max(ACCOUNT_RULE.windowMs, ADDRESS_RULE.windowMs, LOOKUP_RULE.windowMs);

export function throttledMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `ログインの失敗が続いたため、${minutes}分後に再度お試しください`;
}

/**
 * Counts a login try under its account and its address, refuses (429) when either is full, runs
 * `check` (the password), and forgives the account when it succeeds. `who` names it in the audit log.
 */
export async function guardedLogin(
  c: Context<AppEnv>,
  deps: AppDeps,
  account: string,
  who: { actor: string; target?: string },
  check: () => Promise<boolean>,
): Promise<boolean> {
  const address = clientAddress(c, deps.config.trustProxy);
  // hashed: a typed user ID is often a password typed into the wrong field, and is kept nowhere
  const accountKey = `account:${sha256Hex(account)}`;
  const rules: RateRule[] = [
    { key: accountKey, ...ACCOUNT_RULE },
    { key: `address:${address}`, ...ADDRESS_RULE },
  ];
  const taken = await deps.store.limits.take(rules, deps.now().toISOString());
  if (!taken.ok) {
    await deps.store.audit.add({ action: 'login-throttled', ...who, address });
    throw new HttpError(429, 'throttled', throttledMessage(taken.retryAfterMs));
  }
  const ok = await check();
  if (ok) await deps.store.limits.forgive(taken.attempt, [accountKey]);
  return ok;
}
