// The admin CLI works on the live database while the server runs (WAL), and reads the audit log.
// Its commands run in-process on a connection of their own to the relay's data folder, as the
// CLI process would have; one case runs the real `server/admin.ts` to cover the entry point.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { runAdmin } from '../../server/admin/commands';
import { openStore } from '../../server/db';
import { sendResponseSchema } from '../../src/domain/contract';
import { adminCli } from '../support/admin';
import { pdf, planCsv } from '../support/agent';
import { CM, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;

beforeAll(async () => {
  t = await openTestRelay();
});
afterAll(async () => {
  await t.stop();
});

async function admin(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const store = await openStore({ dataDir: t.dataDir, databaseUrl: null, databasePoolSize: 1 });
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runAdmin(store, args, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join(''), code };
  } finally {
    await store.close();
  }
}

describe('the admin CLI process', () => {
  it('runs a command on DATA_DIR and exits 0, or 1 with the usage on stderr', async () => {
    const run = promisify(execFile);
    const cli = (...args: string[]) =>
      run(process.execPath, adminCli(...args), { env: { ...process.env, DATA_DIR: t.dataDir } });
    expect((await cli('list-offices')).stdout).toContain(`${CM.office}\t${CM.officeName}`);
    const failed = await cli('frobnicate').catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('使い方: npm run admin');
  });
});

describe('admin CLI', () => {
  it('adds an office, a person and an office user that can log in at once', async () => {
    expect((await admin('add-office', '1495000315', 'テスト薬局訪問看護', '--kind', '訪問看護')).code).toBe(0);
    const user = await admin('add-user', 'vn01', '山本 看護師', '--password', 'kango-2026', '--office', '1495000315');
    expect(user.code).toBe(0);
    expect(user.stdout + user.stderr).not.toContain('kango-2026');
    expect((await admin('add-office-user', 'KJ149500031501', '--password', 'kj-pass-1', '--office', '1495000315')).code).toBe(0);

    const agent = t.agent();
    expect((await agent.login('vn01', 'kango-2026')).status).toBe(200);
    const office = await agent.officeLogin('KJ149500031501', 'kj-pass-1');
    expect(office.status).toBe(200);
    expect(((await office.json()) as { office: { name: string } }).office.name).toBe('テスト薬局訪問看護');

    const cm = await t.agent().loginAs(CM.user, CM.officeUser);
    expect((await cm.send({ destination: '1495000315', message: '' }, [pdf()])).status).toBe(201);
  });

  it('imports offices from a Shift_JIS CSV and lists them', async () => {
    const file = join(t.dataDir, 'offices.csv');
    writeFileSync(file, iconv.encode('number,name,kind\r\n0175701069,髙﨑ケアセンター,居宅介護支援\r\n3270401916,"みどり, デイ",通所介護\r\n', 'cp932'));
    const result = await admin('import-offices', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2件の事業所を登録しました');
    const listed = (await admin('list-offices')).stdout;
    expect(listed).toContain('0175701069\t髙﨑ケアセンター\t居宅介護支援');
    expect(listed).toContain('3270401916\tみどり, デイ\t通所介護');
  });

  it('removes an office, which then cannot be a destination', async () => {
    expect((await admin('remove-office', '3270401916')).code).toBe(0);
    const cm = await t.agent().loginAs(CM.user, CM.officeUser);
    expect((await cm.send({ destination: '3270401916', message: '' }, [pdf()])).status).toBe(422);
    expect((await admin('remove-office', '3270401916')).code).toBe(1);
  });

  it('refuses bad input with a usage message', async () => {
    const bad = await admin('add-office-user', 'KJ12', '--password', 'x', '--office', '3300000001');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('事業所ユーザIDは「KJ」に続く12桁の数字(14文字)で入力してください');
    expect((await admin('add-user', 'x', 'y', '--password', 'p', '--office', '9999999999')).stderr).toContain('登録されていません');
    expect((await admin('frobnicate')).code).toBe(1);
  });

  it('says so when add-user or add-office overwrites an existing one, and the overwritten password ends its sessions', async () => {
    expect((await admin('add-office', '3310000041', 'みどり訪問看護', '--kind', '訪問看護')).stdout).toContain('事業所 3310000041 を登録しました');
    expect((await admin('add-office', '3310000041', 'みどり訪問看護ST')).stdout).toContain('既存の事業所 3310000041 の名称・種別を更新しました');
    expect((await admin('add-user', 'ow01', '上書き 一郎', '--password', 'first-pass-1', '--office', '3310000041')).stdout).toContain('ユーザ ow01 を登録しました');
    const nurse = t.agent();
    expect((await nurse.login('ow01', 'first-pass-1')).status).toBe(200);
    expect((await nurse.request('/api/session')).status).toBe(200);
    const again = await admin('add-user', 'ow01', '上書き 二郎', '--password', 'second-pass-2', '--office', '3310000041');
    expect(again.stdout).toContain('既存のユーザ ow01 を更新しました(氏名とパスワードを上書きし、このユーザのログインはすべて終了しました');
    expect((await nurse.request('/api/session')).status).toBe(401);
  });

  it('refuses a password a person could not set themselves (under 8 characters, or the ID), creating and changing nothing', async () => {
    const short = await admin('add-user', 'pw01', '短い パスワード', '--password', 'short', '--office', CM.office);
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('パスワードは8文字以上にしてください');
    expect((await t.agent().login('pw01', 'short')).status).toBe(401);
    expect((await admin('add-user', 'pw012345', '同じ', '--password', 'PW012345 ', '--office', CM.office)).stderr).toContain('IDと同じパスワードは使えません');
    expect((await admin('add-office-user', 'KJ330000000198', '--password', '1234567', '--office', CM.office)).stderr).toContain('8文字以上');
    // an existing account keeps its password
    const reset = await admin('reset-password', CM.user, '--password', 'abc');
    expect(reset.code).toBe(1);
    expect((await t.agent().login(CM.user, CM.password)).status).toBe(200);
    expect((await admin('reset-password', CM.officeUser, '--password', CM.officeUser.toLowerCase())).stderr).toContain('IDと同じ');
    expect((await admin('list-users')).stdout).not.toMatch(/pw01|KJ330000000198/);
  });

  it('adds a person typed with the IME on (ｎｓ０２) under the half-width ID the app signs in with', async () => {
    const added = await admin('add-user', 'ｎｓ０２', '全角 入力', '--password', 'zenkaku-2026', '--office', CM.office);
    expect(added.stdout).toContain('ユーザ ns02 を登録しました');
    expect((await t.agent().login('ns02', 'zenkaku-2026')).status).toBe(200);
  });

  it('shows the audit log: logins, failures, sends, downloads, logouts; never a password', async () => {
    const wrong = t.agent();
    await wrong.login('cm01', 'secret-wrong-password');
    const agent = await t.agent().loginAs(CM.user, CM.officeUser);
    const sent = await agent.send({ destination: HH.office, message: '' }, [planCsv()]);
    const { message } = sendResponseSchema.parse(await sent.json());
    const hh = await t.agent().loginAs(HH.user, HH.officeUser);
    expect((await hh.request(`/api/messages/${message.id}/files/${message.files[0]!.id}`)).status).toBe(200);
    await agent.request('/api/auth/logout', { method: 'POST' });
    const { stdout, code } = await admin('audit', '--limit', '200');
    expect(code).toBe(0);
    const actions = stdout.split('\n').map((line) => line.split('\t')[1]);
    for (const action of ['login', 'login-failed', 'office-login', 'send', 'download', 'logout']) expect(actions).toContain(action);
    expect(stdout).not.toContain('secret-wrong-password');
    expect(stdout).not.toContain('renkei2026');
  });
});
