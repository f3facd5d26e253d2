// A third, independent reading of the spec: the files a real care software export writes and the
// spec allows (tests/support/acceptance-cases.ts: every kind, every CSV version, the edge cases of
// each column) pass the checks with no error, and only the warnings the spec's reading makes right.
// The same files run through `npm run check` (server/check-cli.ts), and some through the relay
// (tests/server/csv-acceptance-relay.test.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../server/check-cli';
import { checkAttachment } from '../../src/domain/attachments';
import { FILE_KINDS, parseFileName, type FileKind } from '../../src/domain/filename';
import { checkFiles } from '../../src/domain/csv/check-files';
import { acceptanceCases } from '../support/acceptance-cases';

/** Column counts per kind as layouts-v4.1 §2 gives them: [pre-v4, v4]; the generator is held to them. */
const COLUMNS: Record<string, [number | null, number]> = {
  UPHOSOKU: [63, 63], UP1KYO: [28, 28], UP2KYO: [22, 22], UP3KYO: [null, 13], UPPLAN: [22, 25], UPJSK: [22, 25], UPSIKYU: [34, 37],
  DLT1KYO: [4, 4], DLTPLAN: [4, 4], DLTJSK: [6, 6], UPKIHON: [null, 71], UPKIHON_SUB1: [null, 7], UPKIHON_SUB2: [null, 11],
  DLTKIHON: [null, 4], UPYOBO: [null, 57], UPYOBO_SUB: [null, 17], DLTYOBO: [null, 4],
};
const kindOf = (name: string) => /^(UPKIHON_SUB[12]|UPYOBO_SUB|UPKIHON_IMAGE|[A-Z0-9]+)_/.exec(name)![1]!;

const cases = acceptanceCases();

describe('files the spec allows', () => {
  it('the corpus is what the layouts say: every kind with a layout, every version, the column counts of §2', () => {
    const kinds = new Set(cases.flatMap((c) => c.files.map((f) => kindOf(f.name))));
    expect([...kinds].sort()).toEqual([...Object.keys(COLUMNS), 'UPKIHON_IMAGE'].sort());
    const versions = new Set(cases.flatMap((c) => c.files.flatMap((f) => f.records.map((r) => r[0]))));
    expect([...versions].sort()).toEqual(['201910', '202003', '202208', '202407', '202504']);
    for (const c of cases) {
      for (const f of c.files) {
        for (const record of f.records) {
          const [pre, v4] = COLUMNS[kindOf(f.name)]!;
          expect(record.length, `${c.id} ${f.name}`).toBe(record[0] === '202407' || record[0] === '202504' ? v4 : pre);
        }
      }
    }
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s: no error, and only the warnings the spec makes right', (_id, c) => {
    const reports = checkFiles(c.files.map((f) => ({ name: f.name, bytes: f.bytes })));
    expect(reports.flatMap((r) => r.errors.map((e) => e.message)), c.why).toEqual([]);
    const warnings = reports.flatMap((r) => r.warnings.map((w) => w.message));
    for (const w of warnings) expect(c.warnings?.some((allowed) => allowed.test(w)), `unexpected warning: ${w}`).toBe(true);
    for (const allowed of c.warnings ?? []) expect(warnings.some((w) => allowed.test(w)), `expected a warning ${allowed}`).toBe(true);
  });
});

describe('file names the rule allows (layouts §1.5, v3.2 for the old form)', () => {
  const JPEG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
  const TEXT_HEAD = new TextEncoder().encode('202407,131016');
  // v4 with kind codes (digits, 2A/2B, A1–A8, 46, AF, an A as the office number's third character), old form without
  const BODIES = ['3300000001_43_3310000017_11', '3300000001_3310000017', '3300000001_46_33A0000017_A1', '0175701069_2A_1495000315_2B', '3300000001_AF_3310000017_78'];

  it.each(Object.keys(FILE_KINDS) as FileKind[])('%s: every month form, both name forms, the extension in any case', (kind) => {
    const rule = FILE_KINDS[kind].month;
    const months = rule === 'none' ? [''] : rule === 'month' ? ['_202504', '_202402'] : ['_000000', '_202504'];
    const tails = kind === 'UPKIHON_IMAGE' ? ['_0001.jpg', '_0002.JPG', '_9999.jpeg', '_0001.JPEG'] : ['.CSV', '.csv', '.Csv'];
    for (const month of months) {
      for (const body of BODIES) {
        for (const tail of tails) {
          const name = `${kind}${month}_${body}_20240229235959${tail}`;
          const parsed = parseFileName(name);
          expect(parsed.ok ? null : parsed.error).toBeNull();
          expect(checkAttachment({ name, size: 10, head: kind === 'UPKIHON_IMAGE' ? JPEG_HEAD : TEXT_HEAD })).toBeNull();
        }
      }
    }
  });
});

describe('npm run check on the corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-accept-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a folder per case: exit 0 and 「OK」 for every file', () => {
    const picked = cases.filter((c) => /^(plan-unit-(201910|202407)|usage-unit-202208|kihon-unit-v4|dltjsk-202407)$/.test(c.id));
    expect(picked).toHaveLength(5);
    for (const c of picked) {
      const folder = join(dir, c.id);
      mkdirSync(folder);
      for (const f of c.files) writeFileSync(join(folder, f.name), f.bytes);
      const out: string[] = [];
      const code = runCheck([folder], { out: (t) => out.push(t), err: (t) => out.push(t) });
      expect(out.join('\n'), c.id).toContain(`${c.files.filter((f) => /\.(csv|jpe?g)$/i.test(f.name)).length}ファイルを検査しました。誤りのあるファイル: 0`);
      expect(code).toBe(0);
    }
  });
});
