// TRUST_PROXY (issue 11, point 6): behind N proxies the client's address is read from the right of
// X-Forwarded-For, N entries in. What the client wrote to the left can neither dodge the address
// throttle nor put a forged address in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_RULE } from '../../server/auth/throttle';
import { configFromEnv } from '../../server/config';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;
beforeAll(async () => {
  t = await openTestRelay({ trustProxy: 1 });
});
afterAll(async () => {
  await t.stop();
});

/** A login with a wrong password for a user of its own, through a proxy that appended `client`. */
const tryLogin = (userId: string, forwarded: string) =>
  t.agent().postJson('/api/auth/login', { userId, password: 'wrong' }, { headers: { 'x-forwarded-for': forwarded } });

describe('TRUST_PROXY=1', () => {
  it('throttles the address the proxy saw, whatever the client wrote before it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= ADDRESS_RULE.max; i++) {
      // a different account each time (the account rule stays out of it) and a forged entry each time
      statuses.push((await tryLogin(`proxy-user-${i}`, `10.0.0.${i}, 203.0.113.7`)).status);
    }
    expect(statuses.slice(0, ADDRESS_RULE.max).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // another client behind the same proxy is not caught by it
    expect((await tryLogin('proxy-user-x', '203.0.113.8')).status).toBe(401);
  });

  it('writes the proxy-seen address to the audit log, never the forged one', async () => {
    const audit = await t.relay.deps.store.audit.recent(50);
    const addresses = new Set(audit.filter((e) => e.action === 'login-failed').map((e) => e.address));
    expect(addresses).toEqual(new Set(['203.0.113.7', '203.0.113.8']));
  });
});

describe('the setting', () => {
  it('counts proxies: unset or false 0, true 1, a number that many', () => {
    const read = (value?: string) => configFromEnv(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;
    expect([read(), read('false'), read('0'), read('true'), read('1'), read('2')]).toEqual([0, 0, 0, 1, 1, 2]);
    expect(() => read('yes')).toThrow(/TRUST_PROXY/);
  });

  it('with 2 proxies takes the entry the outer proxy appended', async () => {
    const two = await openTestRelay({ trustProxy: 2 });
    try {
      await two.agent().postJson('/api/auth/login', { userId: 'x', password: 'y' }, { headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.9, 10.1.1.1' } });
      expect((await two.relay.deps.store.audit.recent(1))[0]?.address).toBe('198.51.100.9');
    } finally {
      await two.stop();
    }
  });
});
