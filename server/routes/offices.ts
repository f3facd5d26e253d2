// The office directory lookup: which of the asked numbers exist (needs a person login).
import { Hono } from 'hono';
import { MAX_BATCH_DESTINATIONS, officeNumberSchema, type OfficeLookupResponse } from '../../src/domain/contract';
import { requirePerson } from '../auth/sessions';
import type { AppDeps, AppEnv } from '../context';
import { badRequest } from '../errors';

export function officeRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/offices', async (c) => {
    requirePerson(c);
    const asked = c.req.queries('number') ?? [];
    if (asked.length > MAX_BATCH_DESTINATIONS) {
      throw badRequest(`一度に照会できる事業所は${MAX_BATCH_DESTINATIONS}件までです`);
    }
    // a malformed number cannot exist, so it is simply not found
    const wellFormed = asked.filter((n) => officeNumberSchema.safeParse(n).success);
    return c.json({ offices: await deps.store.offices.find(wellFormed) } satisfies OfficeLookupResponse);
  });
  return app;
}
