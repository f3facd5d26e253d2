// Passwords are never written anywhere: not in the relay's output, not in the admin CLI's output,
// not in the audit log, not in the database files. The real process is started as in production
// (the compiled relay, as `npm start` runs it) and everything it prints is kept.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../server/admin/commands';
import { openStore } from '../../server/db';
import { Agent } from '../support/agent';
import { CM } from '../support/cast';
import { spawnRelay, tempDataDir, type SpawnedRelay } from '../support/relay';

const data = tempDataDir('renkei-secrets-test-');
const dataDir = data.dir;

/** Distinctive enough that any occurrence is a leak, never a coincidence. */
const SECRETS = {
  person: 'Pw-person-8e1f-秘密のことば',
  office: 'Pw-office-3c7a-事業所鍵',
  wrongPerson: 'Pw-wrong-person-52d9',
  wrongOffice: 'Pw-wrong-office-91b4',
  throttled: 'Pw-while-locked-0aa3',
  tooLong: `Pw-too-long-77c2-${'x'.repeat(300)}`,
  typedAsUserId: 'Pw-in-the-id-field-4be8',
};

let relay: SpawnedRelay;
let url = '';
const cliOutput: string[] = [];

/** The admin CLI's commands on the data folder, everything they print kept (server/admin.ts adds nothing to it). */
async function admin(...args: string[]): Promise<void> {
  const store = await openStore({ dataDir, databaseUrl: null, databasePoolSize: 1 });
  try {
    await runAdmin(store, args, { out: (line) => cliOutput.push(line), err: (line) => cliOutput.push(line) });
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  relay = await spawnRelay({ DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-dist') });
  url = relay.url;

  await admin('add-user', 'sec01', '秘密 太郎', '--password', SECRETS.person, '--office', CM.office);
  await admin('add-office-user', 'KJ330000000199', '--password', SECRETS.office, '--office', CM.office);

  const good = new Agent(url);
  expect((await good.login('sec01', SECRETS.person)).status).toBe(200);
  expect((await good.officeLogin('KJ330000000199', SECRETS.wrongOffice)).status).toBe(401);
  expect((await good.officeLogin('KJ330000000199', SECRETS.office)).status).toBe(200);
  expect((await good.request('/api/auth/logout', { method: 'POST' })).status).toBe(200);

  const bad = new Agent(url);
  for (let i = 0; i < 5; i++) expect((await bad.login('sec01', `${SECRETS.wrongPerson}-${i}`)).status).toBe(401);
  expect((await bad.login('sec01', SECRETS.throttled)).status).toBe(429);
  expect((await bad.login('nobody', SECRETS.tooLong)).status).toBe(400);
  // people do type a password into the ID field; that "user" is then what a failure is about
  expect((await bad.login(SECRETS.typedAsUserId, 'x')).status).toBe(401);

  await admin('audit', '--limit', '1000');
  await admin('list-offices');
}, 60_000);

afterAll(async () => {
  await relay?.stop();
  data.remove();
});

const leaked = (text: string) =>
  Object.entries(SECRETS)
    .filter(([, secret]) => text.includes(secret.slice(0, 24)))
    .map(([name]) => name);

describe('passwords are never written', () => {
  it('the relay printed its start line and nothing that holds a password', () => {
    expect(relay.output()).toContain('Renkei relay:');
    expect(leaked(relay.output())).toEqual([]);
  });

  it('the admin CLI printed no password (add-user, add-office-user, audit)', () => {
    expect(cliOutput.join('\n')).toContain('sec01');
    expect(leaked(cliOutput.join('\n'))).toEqual([]);
  });

  it('the audit log recorded every attempt, with no password in any column', () => {
    const db = new Database(join(dataDir, 'renkei.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM audit_log').all() as Record<string, unknown>[];
      const actions = rows.map((r) => r.action);
      for (const action of ['login', 'login-failed', 'login-throttled', 'office-login', 'office-login-failed', 'logout']) {
        expect(actions).toContain(action);
      }
      expect(leaked(JSON.stringify(rows))).toEqual([]);
      // the ID-field password is there only as a short hash, so repeated tries still line up
      expect(rows.some((r) => r.action === 'login-failed' && /^unknown:[0-9a-f]{12}$/.test(String(r.actor)))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('the database files hold only hashes', () => {
    for (const file of readdirSync(dataDir).filter((f) => f.startsWith('renkei.db'))) {
      const bytes = readFileSync(join(dataDir, file));
      for (const [name, secret] of Object.entries(SECRETS)) {
        expect(bytes.includes(Buffer.from(secret.slice(0, 24))), `${name} in ${file}`).toBe(false);
      }
    }
  });
});
