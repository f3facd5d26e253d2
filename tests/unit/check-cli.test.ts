// npm run check: the app's and the relay's checks for people and care software vendors. The
// JSON shape is a contract for vendors' scripts: this test pins it.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../server/check-cli';
import { encode, makeSpecFile } from '../support/spec-files';

const dir = mkdtempSync(join(tmpdir(), 'renkei-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const good = makeSpecFile('DLTPLAN', '202407');
const badRecords = makeSpecFile('DLTJSK', '202208').records.map((r) => [...r]);
badRecords[1]![5] = '1';
const bad = { name: makeSpecFile('DLTJSK', '202208').name, bytes: encode(badRecords) };
mkdirSync(join(dir, 'sub'));
writeFileSync(join(dir, good.name), good.bytes);
writeFileSync(join(dir, 'sub', bad.name), bad.bytes);
writeFileSync(join(dir, 'memo.txt'), 'not a routed file');

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run check', () => {
  it('--json: one object per file, name, kind, version, errors[], warnings[] of row, column, item, message', () => {
    const { code, out } = run(dir, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual([
      { name: good.name, kind: 'DLTPLAN', version: '202407', errors: [], warnings: [] },
      {
        name: bad.name,
        kind: 'DLTJSK',
        version: '202208',
        errors: [{
          row: 2, column: 6, item: 'サービス種類コード',
          message: `${bad.name} 2行目 6列目(サービス種類コード): 「1」 はサービス種類コード(2桁の英数字)ではありません`,
        }],
        warnings: [],
      },
    ]);
  });

  it('text: each problem with file, row, column number and 項目名; exit 0 when nothing is wrong', () => {
    const failing = run(dir);
    expect(failing.out).toContain(`${bad.name}  実績の削除(DLTJSK) CSVバージョン 202208: 誤り 1件`);
    expect(failing.out).toContain('  誤り  2行目 6列目(サービス種類コード): 「1」 はサービス種類コード(2桁の英数字)ではありません');
    expect(failing.out).toContain('2ファイルを検査しました。誤りのあるファイル: 1');
    const passing = run(join(dir, good.name));
    expect(passing.code).toBe(0);
    expect(passing.out).toContain(`${good.name}  予定の削除(DLTPLAN) CSVバージョン 202407: OK`);
  });

  it('a file past 200 errors: the count is every error, and its 「ほかに…件」 entry says how many it stands for', () => {
    const records = makeSpecFile('DLTJSK', '202208').records;
    const many = Array.from({ length: 250 }, () => { const r = [...records[1]!]; r[5] = '1'; return r; });
    const file = { name: makeSpecFile('DLTJSK', '202208').name, bytes: encode([records[0]!, ...many]) };
    const big = mkdtempSync(join(tmpdir(), 'renkei-check-many-'));
    try {
      writeFileSync(join(big, file.name), file.bytes);
      expect(run(join(big, file.name)).out).toContain(`${file.name}  実績の削除(DLTJSK) CSVバージョン 202208: 誤り 250件`);
      const [report] = JSON.parse(run(join(big, file.name), '--json').out) as { errors: { message: string; omitted?: number }[] }[];
      expect(report!.errors).toHaveLength(201);
      expect(report!.errors.at(-1)).toMatchObject({ omitted: 50, message: `${file.name}: ほかに誤りが50件あります(先頭200件を表示)` });
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });

  it('names whose rules fail are errors of the file, with no row or column', () => {
    const name = 'UP1KYO_123456789_0300000005_20191110102233.CSV';
    writeFileSync(join(dir, name), good.bytes);
    const [report] = JSON.parse(run(join(dir, name), '--json').out);
    expect(report.errors[0]).toEqual({ row: null, column: null, item: null, message: expect.stringContaining('10桁です') });
    rmSync(join(dir, name));
  });

  it('a name with the suffix Windows adds to a copy says so, in the words of the app and the relay', () => {
    const name = good.name.replace(/(\.csv)$/i, ' (1)$1');
    writeFileSync(join(dir, name), good.bytes);
    const [report] = JSON.parse(run(join(dir, name), '--json').out);
    expect(report.errors[0].message).toContain(`元の名前「${good.name}」に戻してください`);
    rmSync(join(dir, name));
  });

  it('usage errors exit 2', () => {
    expect(run().code).toBe(2);
    expect(run('--yaml', dir).code).toBe(2);
    expect(run(join(dir, 'missing')).err).toContain('見つかりません');
  });

  it('runs as the npm script', async () => {
    const result = await promisify(execFile)('npm', ['run', '-s', 'check', '--', join(dir, good.name), '--json'], { cwd: process.cwd() });
    expect(JSON.parse(result.stdout)).toEqual([{ name: good.name, kind: 'DLTPLAN', version: '202407', errors: [], warnings: [] }]);
  }, 30_000);
});
