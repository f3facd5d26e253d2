// Rate limits in PostgreSQL: one row per counted attempt and key. take() holds a transaction-scoped
// advisory lock per key (taken in key order, so two takes never wait on each other in a circle):
// processes that count the same key take turns, and none can see room for an attempt another has
// already used.
import { newId } from '../../ids';
import type { RateLimitRepository, RateRule, RateTake } from '../types';
import { inTransaction, type Pool } from './pool';

/** First half of the advisory lock key ("RKRL"); the second is the key's hash. */
const RATE_LOCK = 0x52_4b_52_4c;

export function pgLimits(pool: Pool): RateLimitRepository {
  return {
    take(rules: readonly RateRule[], atIso: string): Promise<RateTake> {
      const now = Date.parse(atIso);
      return inTransaction(pool, async (client) => {
        for (const key of [...new Set(rules.map((r) => r.key))].sort()) {
          await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RATE_LOCK, key]);
        }
        let wait = 0;
        for (const rule of rules) {
          // the max-th newest attempt inside the window: while it is there, the key is full
          const { rows } = await client.query<{ at: Date }>(
            'SELECT at FROM rate_events WHERE key = $1 AND at > $2 ORDER BY at DESC LIMIT 1 OFFSET $3',
            [rule.key, new Date(now - rule.windowMs).toISOString(), rule.max - 1],
          );
          const full = rows[0];
          if (full) wait = Math.max(wait, full.at.getTime() + rule.windowMs - now, 1);
        }
        if (wait > 0) return { ok: false as const, retryAfterMs: wait };
        const attempt = newId();
        await client.query(
          'INSERT INTO rate_events (attempt, key, at) SELECT $1::text, unnest($2::text[]), $3::timestamptz',
          [attempt, rules.map((r) => r.key), atIso],
        );
        return { ok: true as const, attempt };
      });
    },
    async forgive(attempt, clearKeys = []) {
      await pool.query('DELETE FROM rate_events WHERE attempt = $1 OR key = ANY($2::text[])', [attempt, [...clearKeys]]);
    },
    async prune(beforeIso) {
      const result = await pool.query('DELETE FROM rate_events WHERE at <= $1', [beforeIso]);
      return result.rowCount ?? 0;
    },
  };
}
