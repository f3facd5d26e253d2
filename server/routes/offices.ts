// The office directory: which of the asked numbers exist, and a search by name or number prefix
// for choosing a destination. Both need a person login and are limited per person, counted in the
// store: the screens ask a few times a minute, and the directory is not for walking.
import { Hono } from 'hono';
import { z } from 'zod';
import {
  MAX_BATCH_DESTINATIONS,
  MAX_OFFICE_SEARCH_RESULTS,
  officeNumberSchema,
  type OfficeLookupResponse,
} from '../../src/domain/contract';
import { requirePerson } from '../auth/sessions';
import { LOOKUP_RULE } from '../auth/throttle';
import type { AppDeps, AppEnv } from '../context';
import { badRequest, HttpError } from '../errors';
import { parseOr400 } from '../validate';

/** A person typing a name asks once per pause; 60 a minute is generous for that and slow for a crawl. */
export const SEARCHES_PER_MINUTE = 60;
export const SEARCH_RULE = { max: SEARCHES_PER_MINUTE, windowMs: 60_000 };

const searchQuerySchema = z
  .string({ error: '事業所名または事業所番号を入力してください' })
  .trim()
  .min(1, '事業所名または事業所番号を入力してください')
  .max(60, '検索する文字は60文字以内で入力してください');

export function officeRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/offices/search', async (c) => {
    const session = requirePerson(c);
    const query = parseOr400(searchQuerySchema, c.req.query('q'));
    const taken = await deps.store.limits.take([{ key: `search:${session.userId}`, ...SEARCH_RULE }], deps.now().toISOString());
    if (!taken.ok) {
      const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
      c.header('Retry-After', String(seconds));
      throw new HttpError(429, 'throttled', `検索が続いたため、${seconds}秒後に再度お試しください`);
    }
    const offices = await deps.store.offices.search(query, MAX_OFFICE_SEARCH_RESULTS);
    return c.json({ offices } satisfies OfficeLookupResponse);
  });

  app.get('/offices', async (c) => {
    const session = requirePerson(c);
    const asked = c.req.queries('number') ?? [];
    if (asked.length > MAX_BATCH_DESTINATIONS) {
      throw badRequest(`一度に照会できる事業所は${MAX_BATCH_DESTINATIONS}件までです`);
    }
    const taken = await deps.store.limits.take([{ key: `lookup:${session.userId}`, ...LOOKUP_RULE }], deps.now().toISOString());
    if (!taken.ok) {
      const minutes = Math.max(1, Math.ceil(taken.retryAfterMs / 60_000));
      throw new HttpError(429, 'throttled', `事業所の照会が多すぎます。${minutes}分後に再度お試しください`);
    }
    // a malformed number cannot exist, so it is simply not found
    const wellFormed = asked.filter((n) => officeNumberSchema.safeParse(n).success);
    return c.json({ offices: await deps.store.offices.find(wellFormed) } satisfies OfficeLookupResponse);
  });
  return app;
}
