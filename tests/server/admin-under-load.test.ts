// The admin CLI under send load (issue 11, point 3): every command, each as its own process on the
// data folder as an operator runs it, while offices keep sending. Not one send may fail: writes
// take SQLite's write lock at BEGIN (IMMEDIATE) where busy_timeout waits, instead of failing with
// "database is locked" when they would have to upgrade a read.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE } from '../../server/admin/commands';
import { adminCli } from '../support/admin';
import { Agent, pdf } from '../support/agent';
import { CM, DS, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

const run = promisify(execFile);
let t: TestRelay;

beforeAll(async () => {
  t = await openTestRelay();
});
afterAll(async () => {
  await t.stop();
});

/** `npm run admin -- …args` as its own process; throws (failing the test) on a non-zero exit. */
const admin = (...args: string[]) => run(process.execPath, adminCli(...args), { env: { ...process.env, DATA_DIR: t.dataDir } });

describe('every admin command while offices send', () => {
  it('answers every send 201: none fails with a locked database', async () => {
    const file = join(t.dataDir, 'offices.csv');
    const lines = Array.from({ length: 3000 }, (_, i) => `39${String(i).padStart(8, '0')},負荷試験事業所${i},訪問介護`);
    writeFileSync(file, `number,name,kind\n${lines.join('\n')}\n`);
    const nurse = { office: '1495000315', user: 'vn01', officeUser: 'KJ149500031501' };
    // two operators at once: the directory, and one person's whole life
    const directory = async () => {
      await admin('import-offices', file);
      await admin('list-offices');
      await admin('audit', '--limit', '50');
    };
    const lifecycle = async () => {
      await admin('add-office', nurse.office, 'テスト訪問看護', '--kind', '訪問看護');
      await admin('add-user', nurse.user, '山本 看護師', '--password', 'kango-2026', '--office', nurse.office);
      await admin('add-office-user', nurse.officeUser, '--password', 'kj-pass-1', '--office', nurse.office);
      await admin('reset-password', nurse.user, '--password', 'kango-2027');
      await admin('reset-password', nurse.officeUser, '--password', 'kj-pass-2');
      await admin('list-users');
      await admin('unlink', nurse.user, '--office', nurse.office);
      await admin('remove-office-user', nurse.officeUser);
      await admin('remove-user', nurse.user);
      await admin('remove-office', nurse.office);
    };
    const commands = new Set(['import-offices', 'list-offices', 'audit', 'add-office', 'add-user', 'add-office-user', 'reset-password', 'list-users', 'unlink', 'remove-office-user', 'remove-user', 'remove-office']);
    // every command in USAGE is run above but copy-to-postgres, which is run on a stopped relay's
    // folder (it refuses one written to during the copy: tests/server/copy-to-postgres.test.ts)
    const documented = [...USAGE.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set([...commands, 'copy-to-postgres']));

    const senders: Agent[] = [];
    for (const who of [CM, HH, DS]) for (let i = 0; i < 3; i++) senders.push(await t.agent().loginAs(who.user, who.officeUser));
    let adminDone = false;
    const statuses: number[] = [];
    const send = async (agent: Agent, i: number) => {
      const from = [CM, HH, DS][Math.floor(i / 3)]!;
      const to = from === CM ? HH.office : CM.office;
      while (!adminDone) {
        // in-process answers can come back without I/O: let the admin processes' exits be heard
        await new Promise((resolve) => setImmediate(resolve));
        const res = await agent.send({ destination: to, message: '' }, [pdf(`負荷_${i}_${statuses.length}.pdf`)]);
        statuses.push(res.status);
        if (res.status !== 201) console.error(await res.text());
      }
    };
    const load = senders.map((agent, i) => send(agent, i));
    try {
      await Promise.all([directory(), lifecycle()]);
    } finally {
      adminDone = true;
      await Promise.all(load);
    }
    expect(statuses.length).toBeGreaterThan(50);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    expect((await admin('list-offices')).stdout.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(3000);
  }, 120_000);
});
