// Health checks for a load balancer: /api/health says the process answers (liveness), /api/ready
// also asks the database (readiness), so a process that lost its database is taken out of rotation
// while it still answers. SQLite, and PostgreSQL when RENKEI_TEST_DATABASE_URL is set.
import { describe, expect, it, vi } from 'vitest';
import { createTestSchema, PG_URL } from '../support/postgres';
import { openTestRelay } from '../support/relay';

const backends = [
  { name: 'SQLite', skipped: false },
  { name: 'PostgreSQL', skipped: !PG_URL },
] as const;

describe.each(backends)('$name: /api/health and /api/ready', ({ name, skipped }) => {
  it.skipIf(skipped)('are ready while the database answers; once it does not, ready says 503 and health still 200', async () => {
    const schema = name === 'PostgreSQL' ? await createTestSchema(PG_URL!) : null;
    const t = await openTestRelay({ databaseUrl: schema?.url ?? null });
    try {
      expect(await (await t.request('/api/ready')).json()).toEqual({ ok: true });
      expect((await t.request('/api/health')).status).toBe(200);
      // the database goes away under the running process
      await t.relay.close();
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const ready = await t.request('/api/ready');
        expect(ready.status).toBe(503);
        expect(await ready.json()).toEqual({ ok: false });
        expect(quiet).toHaveBeenCalledWith(expect.stringContaining('readiness'), expect.anything());
      } finally {
        quiet.mockRestore();
      }
      expect((await t.request('/api/health')).status).toBe(200);
    } finally {
      await t.stop().catch(() => undefined);
      await schema?.drop();
    }
  });
});
