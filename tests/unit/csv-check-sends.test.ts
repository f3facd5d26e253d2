// 一括送信 checks its rows in a few jobs, each job's files read at once (one Blob) rather than one
// read per file: the answers must be exactly those of checking each row's files on their own.
import { describe, expect, it } from 'vitest';
import { checkFiles, checkSends } from '../../src/workers/csv-check-core';
import { checkCsvSends, JOB_BYTES, jobsOf } from '../../src/workers/csv-check';
import { CARE_OFFICE, fromRecords, makePlanUnit, makeRecords, type GeneratedFile } from '../support/csvgen';

const asBlobs = (files: GeneratedFile[]) => files.map((f) => ({ name: f.name, blob: new Blob([new Uint8Array(f.bytes)]) }));

/** Three rows: a clean unit, a unit with a bad date, a unit whose 第2表 does not match its 第1表. */
function rows(): GeneratedFile[][] {
  const clean = makePlanUnit({ sender: CARE_OFFICE, destination: '3310000017', sequence: '20250325103000' });
  const badDate = makePlanUnit({ sender: CARE_OFFICE, destination: '3310000025', sequence: '20250325103001' });
  const records = makeRecords('UPPLAN', { destination: '3310000025' }).map((r) => { const x = [...r]; x[9] = '20250431'; return x; });
  badDate[0] = fromRecords('UPPLAN', records, { destination: '3310000025', sequence: '20250325103001' });
  const plan2 = makeRecords('UP2KYO', { destination: '3310000033' });
  plan2[plan2.length - 1]![4] = '20250321';
  const mismatched = [
    fromRecords('UP1KYO', makeRecords('UP1KYO', { destination: '3310000033' }), { destination: '3310000033' }),
    fromRecords('UP2KYO', plan2, { destination: '3310000033' }),
  ];
  return [clean, badDate, mismatched];
}

describe('checks of many sends read at once', () => {
  it('gives each send what checking its files alone gives, problems, checks across files and first bytes alike', async () => {
    const sends = rows();
    const one = new Blob(sends.flat().map((f) => new Uint8Array(f.bytes)));
    const together = await checkSends({ blob: one, sends: sends.map((send) => send.map((f) => ({ name: f.name, size: f.bytes.length }))) });
    const alone = await Promise.all(sends.map((send) => checkFiles({ files: asBlobs(send), asOneSend: true }, () => undefined)));
    expect(together).toEqual(alone);
    // the rows are not all clean: the comparison says something
    expect(alone[1]!.files[0]!.problems.some((p) => p.message.includes('2025-04-31'))).toBe(true);
    expect(alone[2]!.crossProblems.length).toBeGreaterThan(0);
  });

  it('answers in the order asked, an empty send with nothing (the page\'s own checks where no worker runs)', async () => {
    const sends = rows();
    const answers = await checkCsvSends([asBlobs(sends[0]!), [], asBlobs(sends[2]!)]);
    expect(answers.map((a) => a.files.map((f) => f.name))).toEqual([sends[0]!.map((f) => f.name), [], sends[2]!.map((f) => f.name)]);
    expect(answers[2]!.crossProblems.length).toBeGreaterThan(0);
  });
});

describe('jobsOf', () => {
  const send = (bytes: number) => [{ blob: new Blob([new Uint8Array(bytes)]) }];

  it('shares 50 small rows among the workers in order, about evenly', () => {
    const sends = Array.from({ length: 50 }, () => send(14_000));
    const jobs = jobsOf(sends, 2);
    expect(jobs).toHaveLength(2);
    expect(jobs.flat()).toEqual(sends);
    expect(jobs.map((job) => job.length)).toEqual([25, 25]);
  });

  it('keeps a job under JOB_BYTES (a worker holds a job\'s bytes at once), unless one row alone is more', () => {
    const big = JOB_BYTES / 2 - 1000;
    const sends = [send(big), send(big), send(big), send(JOB_BYTES + 5), send(big)];
    const jobs = jobsOf(sends, 2);
    expect(jobs.flat()).toEqual(sends);
    for (const job of jobs) {
      const bytes = job.reduce((sum, s) => sum + s[0]!.blob.size, 0);
      expect(bytes <= JOB_BYTES || job.length === 1).toBe(true);
    }
    expect(jobsOf([send(10)], 4)).toHaveLength(1);
  });
});
