// The relay runs the standard spec's CSV checks itself (src/domain/csv, as the client does):
// an error refuses the whole send with every problem named and nothing stored; a warning never refuses.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CSV_DETAILS } from '../../server/delivery/csv-checks';
import { apiErrorSchema, sendResponseSchema } from '../../src/domain/contract';
import { encodeCp932, fromRecords, makePlanUnit, makeRecords, PEOPLE, type GeneratedFile } from '../support/csvgen';
import { Agent, pdf } from '../support/agent';
import { CM, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;
let cm: Agent;
let sequence = 20250301090000;

beforeAll(async () => {
  t = await openTestRelay();
  cm = await t.agent().loginAs(CM.user, CM.officeUser);
});
afterAll(async () => {
  await t.stop();
});

/** A 第6表 + 第7表 + 補足 unit from 3300000001 to 3310000017 with its own 連番; `edit` changes the 第6表 rows. */
function unit(month: string, edit?: (rows: string[][]) => string[][]): GeneratedFile[] {
  const opts = { sender: CM.office, destination: HH.office, month, sequence: String(sequence++) };
  const files = makePlanUnit(opts);
  if (!edit) return files;
  return [fromRecords('UPPLAN', edit(makeRecords('UPPLAN', opts)), opts), ...files.slice(1)];
}

/** `contents`: the messages whose bytes are stored, in renkei.db (small sends) or in a folder of DATA_DIR/blobs. */
function storedCounts(): { messages: number; files: number; keys: number; contents: number } {
  const db = new Database(join(t.dataDir, 'renkei.db'), { readonly: true });
  try {
    const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const inline = db.prepare('SELECT COUNT(DISTINCT f.message_id) AS n FROM file_chunks c JOIN message_files f ON f.id = c.file_id').get() as { n: number };
    const contents = inline.n + readdirSync(join(t.dataDir, 'blobs')).length;
    return { messages: n('messages'), files: n('message_files'), keys: n('idempotency'), contents };
  } finally {
    db.close();
  }
}

async function expectCsvRefusal(files: GeneratedFile[], pattern: RegExp): Promise<{ message: string; details: string[] }> {
  const before = storedCounts();
  const res = await cm.send({ destination: HH.office, message: '' }, files);
  expect(res.status).toBe(422);
  const { error } = apiErrorSchema.parse(await res.json());
  expect(error.code).toBe('invalid-csv');
  expect(error.message).toMatch(pattern);
  expect(error.details?.[0]).toBe(error.message);
  expect(storedCounts()).toEqual(before);
  expect(readdirSync(join(t.dataDir, 'tmp'))).toEqual([]);
  return { message: error.message, details: error.details ?? [] };
}

describe('CSV content checks on the relay', () => {
  beforeEach(() => {
    expect(storedCounts().contents).toBe(storedCounts().messages);
  });

  it('accepts a spec-valid unit', async () => {
    const res = await cm.send({ destination: HH.office, message: '' }, unit('202504'));
    expect(res.status).toBe(201);
  });

  it('accepts the 第6・7表 sets for two kinds of one office (v4 names, 11 and 15) under one 連番: two units, not one unit of doubles', async () => {
    const files = unit('202504');
    const named = (code: string) => files.map((f) => ({ ...f, name: f.name.replace(`_${CM.office}_${HH.office}_`, `_${CM.office}_43_${HH.office}_${code}_`) }));
    const both = [...named('11'), ...named('15')];
    expect(new Set(both.map((f) => f.name)).size).toBe(6);
    const res = await cm.send({ destination: HH.office, message: '' }, both);
    expect(res.status).toBe(201);
  });

  it('refuses an impossible サービス利用日 with file, row and column, and stores nothing', async () => {
    const files = unit('202502', (rows) => rows.map((r, i) => (i === 2 ? r.map((v, c) => (c === 9 ? '20250230' : v)) : r)));
    const { message } = await expectCsvRefusal(files, /サービス利用日/);
    expect(message).toMatch(new RegExp(`^${files[0]!.name} 3行目 10列目\\(サービス利用日\\): 2025-02-30 `));
  });

  it('accepts a bad 事業所番号 check digit inside a file: a warning only', async () => {
    // 3310000018: the demo office's number with the last digit off by one
    const files = unit('202504', (rows) => rows.map((r) => r.map((v, c) => (c === 19 ? '3310000018' : v))));
    const res = await cm.send({ destination: HH.office, message: 'チェックデジット警告' }, files);
    expect(res.status, await res.clone().text()).toBe(201);
    const { message } = sendResponseSchema.parse(await res.json());
    expect(message.files.map((f) => f.name)).toEqual(files.map((f) => f.name));
  });

  const refusals: [string, () => GeneratedFile[], RegExp][] = [
    ['a wrong column count', () => unit('202504', (rows) => [rows[0]!.slice(0, 24), ...rows.slice(1)]), /1行目 25列目\(識別子\): 項目数が25ではなく24です/],
    ['CSV versions mixed within a file', () => unit('202504', (rows) => rows.map((r, i) => (i === 1 ? ['202208', ...r.slice(1)] : r))), /CSVバージョンが混在しています/],
    ['a 対象年月 that differs from the name', () => unit('202504', (rows) => rows.map((r) => r.map((v, c) => (c === 4 ? '202505' : v)))), /ファイル名の対象年月 202504 と異なります/],
    [
      'text that is not CP932',
      () => {
        const [plan, ...rest] = unit('202504');
        const bytes = new Uint8Array([...plan!.bytes.subarray(0, 40), 0x85, 0x40, ...plan!.bytes.subarray(40)]);
        return [{ name: plan!.name, bytes }, ...rest];
      },
      // the unreadable pair sits in record 1: named with its column and 項目名, not "N行目付近"
      /1行目 \d+列目\(.+\): Shift_JIS\(MS932\)として読めない文字/,
    ],
  ];
  for (const [name, files, pattern] of refusals) {
    it(`refuses ${name}`, async () => {
      await expectCsvRefusal(files(), pattern);
    });
  }

  it('names every error but caps the list, with the count of the rest', async () => {
    // every record of a 10-person 第6表 loses a column: one error per record, well over the cap
    const people = Array.from({ length: 10 }, (_, i) => ({ ...PEOPLE[0]!, insured: String(3_000_000 + i).padStart(10, '0') }));
    const opts = { sender: CM.office, destination: HH.office, month: '202504', sequence: String(sequence++), people };
    const rows = makeRecords('UPPLAN', opts);
    expect(rows.length).toBeGreaterThan(MAX_CSV_DETAILS);
    const files = [fromRecords('UPPLAN', rows.map((r) => r.slice(0, 24)), opts), ...makePlanUnit(opts).slice(1)];
    const { details } = await expectCsvRefusal(files, /項目数が25ではなく24です/);
    expect(details).toHaveLength(MAX_CSV_DETAILS + 1);
    expect(details.at(-1)).toMatch(/^ほかに\d+件の誤りがあります$/);
  });

  it('counts the errors a file had past its own limit of 200, not its 「ほかに…件」 line', async () => {
    const people = Array.from({ length: 15 }, (_, i) => ({ ...PEOPLE[0]!, insured: String(3_000_000 + i).padStart(10, '0') }));
    const opts = { sender: CM.office, destination: HH.office, month: '202504', sequence: String(sequence++), people };
    const rows = makeRecords('UPPLAN', opts);
    expect(rows.length).toBeGreaterThan(200);
    const files = [fromRecords('UPPLAN', rows.map((r) => r.slice(0, 24)), opts), ...makePlanUnit(opts).slice(1)];
    const { details } = await expectCsvRefusal(files, /項目数が25ではなく24です/);
    // one error per record, every one counted (the file kept 200 of them and the count of the rest)
    expect(details).toHaveLength(MAX_CSV_DETAILS + 1);
    expect(details.at(-1)).toBe(`ほかに${rows.length - MAX_CSV_DETAILS}件の誤りがあります`);
  });

  it('checks only CSVs: a PDF beside a valid unit is fine, a .txt is never parsed as a CSV', async () => {
    const files = [...unit('202504'), pdf('第1表.pdf'), { name: 'メモ.txt', bytes: encodeCp932('項目,が,ばらばら\r\n1\r\n') }];
    const res = await cm.send({ destination: HH.office, message: '' }, files);
    expect(res.status, await res.clone().text()).toBe(201);
  });
});
