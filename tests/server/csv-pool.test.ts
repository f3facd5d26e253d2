// The relay's CSV checks in worker threads (server/delivery/csv-pool.ts) give the same verdict as
// the checks run inline: the same 422 with the same problems for a broken unit, none for a good
// one, and a worker that dies mid-check leaves its sends checked inline, never passed unchecked.
import { afterEach, describe, expect, it } from 'vitest';
import { csvContentRefusal } from '../../server/delivery/csv-checks';
import { CsvCheckPool, poolSize } from '../../server/delivery/csv-pool';
import { pdf } from '../support/agent';
import { fromRecords, makePlanUnit, makeRecords, type GeneratedFile } from '../support/csvgen';

const pools: CsvCheckPool[] = [];
/** Every send goes to a worker, however small. */
const workerPool = (size = 1) => {
  const pool = new CsvCheckPool(size, 0);
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

const opts = { month: '202504', sequence: '20250401000001' };
const good = (): GeneratedFile[] => makePlanUnit(opts);
/** 第6表 with an impossible date, sent without its 第7表. */
const broken = (): GeneratedFile[] => {
  const rows = makeRecords('UPPLAN', opts);
  rows[0]![9] = '20250432';
  return [fromRecords('UPPLAN', rows, opts), good()[2]!];
};

describe('the CSV check pool', () => {
  it('sizes itself from the cores, keeping one for the event loop (1 to 4 workers)', () => {
    expect([1, 2, 4, 8, 64].map((cores) => poolSize(cores))).toEqual([1, 1, 3, 4, 4]);
  });

  it('gives the same verdict as the inline checks, for good, broken and mixed sends', async () => {
    const pool = workerPool(2);
    const sends = [good(), broken(), [...good(), pdf('計画書.pdf')], [pdf('only.pdf')]];
    const inline = sends.map((files) => csvContentRefusal(files));
    expect(inline[0]).toBeNull();
    expect(inline[1]).toMatchObject({ status: 422, code: 'invalid-csv' });
    expect(inline[1]!.details!.length).toBeGreaterThan(0);
    expect(await Promise.all(sends.map((files) => pool.check(files)))).toEqual(inline);
  });

  it('checks inline what a dying worker had not answered', async () => {
    const pool = workerPool(1);
    const first = pool.check(broken());
    // the worker that took the job: stopped before it could answer (close() retires it)
    const answered = Promise.all([first, pool.check(good())]);
    await pool.close();
    const [refusal, none] = await answered;
    expect(refusal).toEqual(csvContentRefusal(broken()));
    expect(none).toBeNull();
    // and the next check starts a new worker
    expect(await pool.check(broken())).toEqual(csvContentRefusal(broken()));
  });
});
