// Login throttling under a burst (issue 11, point 1): 100 tries at once against one account, split
// over two relays on one database (as two processes would be), check at most the allowed number of
// passwords: every try is counted before its password is checked, atomically, in the store. Each
// password check leaves one audit row (login / login-failed, office-login / office-login-failed),
// so the audit log counts the checks. Runs on SQLite and, when RENKEI_TEST_DATABASE_URL is set,
// PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_RULE } from '../../server/auth/throttle';
import { openRelay, type Relay } from '../../server/relay';
import { Agent } from '../support/agent';
import { DS, HH } from '../support/cast';
import { createTestSchema, PG_URL, type TestSchema } from '../support/postgres';
import { tempDataDir } from '../support/relay';

const BURST = 100;
const HOOK_TIMEOUT = 60_000;

const backends = [
  { name: 'SQLite', skipped: false },
  { name: 'PostgreSQL', skipped: !PG_URL },
] as const;

describe.each(backends)('$name: a burst of parallel tries against one account', ({ name, skipped }) => {
  let relays: Relay[] = [];
  let schema: TestSchema | null = null;
  const data = tempDataDir('renkei-throttle-');

  beforeAll(async () => {
    if (skipped) return;
    schema = name === 'PostgreSQL' ? await createTestSchema(PG_URL!) : null;
    const options = { dataDir: data.dir, staticDir: `${data.dir}/no-dist`, databaseUrl: schema?.url ?? null };
    // opened one after the other: the first seeds the demo directory
    relays = [await openRelay(options), await openRelay(options)];
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    for (const relay of relays) await relay.close();
    await schema?.drop();
    data.remove();
  }, HOOK_TIMEOUT);

  /** A browser stand-in on relay i % 2. */
  const agentOn = (i: number) => new Agent(async (path, init) => relays[i % 2]!.app.request(path, init));
  const checks = async (actions: readonly string[], actor: string) =>
    (await relays[0]!.deps.store.audit.recent(1000)).filter((e) => actions.includes(e.action) && e.actor === actor).length;

  it.skipIf(skipped)('person login: at most 5 passwords checked, the rest refused unchecked (429)', async () => {
    // the right password sits inside the burst: it may only log in if it was one of the 5 checked
    const tries = Array.from({ length: BURST }, (_, i) => agentOn(i).login(DS.user, i === BURST / 2 ? DS.password : `wrong-${i}`));
    const statuses = (await Promise.all(tries)).map((res) => res.status);
    const checked = await checks(['login', 'login-failed'], DS.user);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(ACCOUNT_RULE.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(BURST - checked);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(1);
  }, 60_000);

  it.skipIf(skipped)('事業所ユーザログイン: at most 5 office passwords checked', async () => {
    const person = agentOn(0);
    expect((await person.login(HH.user)).status).toBe(200);
    // one person session, tried from 100 tabs at once
    const people = Array.from({ length: BURST }, (_, i) => Object.assign(agentOn(i), { cookie: person.cookie }));
    const statuses = (await Promise.all(people.map((agent, i) => agent.officeLogin(HH.officeUser, `wrong-${i}`)))).map((r) => r.status);
    const checked = await checks(['office-login', 'office-login-failed'], HH.user);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(ACCOUNT_RULE.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(BURST - checked);
  }, 60_000);
});
