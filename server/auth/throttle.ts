// Counts recent login failures per account and per address, in memory (a restart forgives).
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000 };
/** Looser per address: a whole office may sit behind one address. */
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000 };

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until another try is allowed, or 0 when it is allowed now. */
  waitMs(keys: readonly { key: string; rule: ThrottleRule }[]): number {
    let wait = 0;
    for (const { key, rule } of keys) {
      const recent = this.recent(key, rule);
      if (recent.length >= rule.maxFailures) {
        const oldest = recent[recent.length - rule.maxFailures] ?? this.now();
        wait = Math.max(wait, oldest + rule.windowMs - this.now());
      }
    }
    return wait;
  }

  fail(keys: readonly { key: string; rule: ThrottleRule }[]): void {
    for (const { key, rule } of keys) this.failures.set(key, [...this.recent(key, rule), this.now()]);
  }

  /** A success forgives the account, not the address. */
  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, rule: ThrottleRule): number[] {
    const since = this.now() - rule.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}

export function throttledMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `ログインの失敗が続いたため、${minutes}分後に再度お試しください`;
}
