// coalesced (server/coalesce.ts), which lets sends share the fsync of the blobs folder: every
// caller must get a run that began after it asked (or its rename might not be covered), and
// callers arriving during one run share the next.
import { describe, expect, it } from 'vitest';
import { coalesced } from '../../server/coalesce';

/** A job whose runs are finished by hand, recording when each began. */
function manualJob() {
  const runs: { startedAfter: number; finish(error?: Error): void }[] = [];
  let asked = 0;
  const job = coalesced(
    () =>
      new Promise<void>((resolve, reject) => {
        runs.push({ startedAfter: asked, finish: (error) => (error ? reject(error) : resolve()) });
      }),
  );
  const ask = () => {
    asked++;
    return job();
  };
  return { runs, ask };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesced', () => {
  it('answers each caller with a run that began after it asked, sharing runs among callers that waited together', async () => {
    const { runs, ask } = manualJob();
    const answered: number[] = [];
    const first = ask().then(() => answered.push(1));
    expect(runs).toHaveLength(1);
    // three callers arrive while the first run is under way: none may be answered by it
    const waiting = [ask(), ask(), ask()].map((p, i) => p.then(() => answered.push(2 + i)));
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await first;
    await settle();
    expect(answered).toEqual([1]);
    // the three share one run, begun after all three asked
    expect(runs).toHaveLength(2);
    expect(runs[1]!.startedAfter).toBe(4);
    runs[1]!.finish();
    await Promise.all(waiting);
    expect(answered).toEqual([1, 2, 3, 4]);
    // idle again: the next caller starts a run at once
    const later = ask();
    expect(runs).toHaveLength(3);
    runs[2]!.finish();
    await later;
  });

  it('fails only the callers of a failed run, and still runs for those who waited on it', async () => {
    const { runs, ask } = manualJob();
    const first = ask();
    const second = ask();
    runs[0]!.finish(new Error('disk'));
    await expect(first).rejects.toThrow('disk');
    await settle();
    expect(runs).toHaveLength(2);
    runs[1]!.finish();
    await expect(second).resolves.toBeUndefined();
  });
});
