// The office directory lookup: which of the asked numbers exist (needs a person login). Limited
// per person, counted in the store: the screens ask a few times a minute, and the directory is
// not for walking number by number.
import { Hono } from 'hono';
import { MAX_BATCH_DESTINATIONS, officeNumberSchema, type OfficeLookupResponse } from '../../src/domain/contract';
import { requirePerson } from '../auth/sessions';
import { LOOKUP_RULE } from '../auth/throttle';
import type { AppDeps, AppEnv } from '../context';
import { badRequest, HttpError } from '../errors';

export function officeRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
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
