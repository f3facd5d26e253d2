// Rate limits in SQLite: one row per counted attempt and key. take() runs in a BEGIN IMMEDIATE
// transaction, so two processes on the same file cannot both see room for the last attempt.
import { newId } from '../../ids';
import type { Db } from './connection';
import type { RateLimitRepository, RateRule } from '../types';

export function sqliteLimits(db: Db): RateLimitRepository {
  // the max-th newest attempt inside the window: while it is there, the key is full
  const fullAt = db.prepare<[string, string, number], { at: string }>(
    'SELECT at FROM rate_events WHERE key = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?',
  );
  const insert = db.prepare('INSERT INTO rate_events (attempt, key, at) VALUES (?, ?, ?)');
  const removeAttempt = db.prepare('DELETE FROM rate_events WHERE attempt = ?');
  const removeKey = db.prepare('DELETE FROM rate_events WHERE key = ?');
  const prune = db.prepare('DELETE FROM rate_events WHERE at <= ?');

  const take = db.transaction((rules: readonly RateRule[], atIso: string) => {
    const now = Date.parse(atIso);
    let wait = 0;
    for (const rule of rules) {
      const since = new Date(now - rule.windowMs).toISOString();
      const full = fullAt.get(rule.key, since, rule.max - 1);
      if (full) wait = Math.max(wait, Date.parse(full.at) + rule.windowMs - now, 1);
    }
    if (wait > 0) return { ok: false as const, retryAfterMs: wait };
    const attempt = newId();
    for (const rule of rules) insert.run(attempt, rule.key, atIso);
    return { ok: true as const, attempt };
  });
  const forgive = db.transaction((attempt: string, clearKeys: readonly string[]) => {
    removeAttempt.run(attempt);
    for (const key of clearKeys) removeKey.run(key);
  });

  return {
    async take(rules, atIso) {
      return take.immediate(rules, atIso);
    },
    async forgive(attempt, clearKeys = []) {
      forgive.immediate(attempt, clearKeys);
    },
    async prune(beforeIso) {
      return prune.run(beforeIso).changes;
    },
  };
}
