// The send-time room check reads the disk's free space at most every REFRESH_MS (or after
// REFRESH_AFTER_BYTES written), not once per send, yet never lets a send through on an old "room
// left" once its own writes used the room up, and re-reads at once when it would refuse, so sends
// go again as soon as room is made. (The real full disk: disk-full.test.ts.)
import { describe, expect, it } from 'vitest';
import { FreeSpace, REFRESH_AFTER_BYTES, REFRESH_MS } from '../../server/blobs/free-space';

const MB = 1024 * 1024;

function fakeDisk(freeMb: number) {
  const disk = { free: freeMb * MB, reads: 0, now: 0 };
  const space = new FreeSpace(
    async () => {
      disk.reads++;
      return disk.free;
    },
    () => disk.now,
  );
  return { disk, space };
}

describe('the cached free space', () => {
  it('reads the disk once for many sends within REFRESH_MS, and again after it', async () => {
    const { disk, space } = fakeDisk(100);
    const answers = await Promise.all(Array.from({ length: 20 }, () => space.hasRoomFor(10_000, 2 * MB)));
    expect(answers.every(Boolean)).toBe(true);
    for (let i = 0; i < 20; i++) expect(await space.hasRoomFor(10_000, 2 * MB)).toBe(true);
    expect(disk.reads).toBe(1);
    disk.now += REFRESH_MS;
    await space.hasRoomFor(10_000, 2 * MB);
    expect(disk.reads).toBe(2);
  });

  it('takes its own writes off the figure and reads again after REFRESH_AFTER_BYTES', async () => {
    const { disk, space } = fakeDisk(100);
    await space.hasRoomFor(0, 2 * MB);
    space.wrote(REFRESH_AFTER_BYTES);
    await space.hasRoomFor(0, 2 * MB);
    expect(disk.reads).toBe(2);
  });

  it('refuses once its own writes reach the reserve, without waiting for a new reading', async () => {
    const { disk, space } = fakeDisk(5);
    expect(await space.hasRoomFor(MB, 2 * MB)).toBe(true);
    // the disk fills as this process writes: the next reading would say so, the count says it first
    space.wrote(2 * MB);
    disk.free -= 2 * MB;
    expect(await space.hasRoomFor(MB, 2 * MB)).toBe(true);
    space.wrote(MB);
    disk.free -= MB;
    expect(await space.hasRoomFor(MB, 2 * MB)).toBe(false);
  });

  it('reads again at once when it would refuse, so sends go again as soon as room is made', async () => {
    const { disk, space } = fakeDisk(1);
    expect(await space.hasRoomFor(10_000, 2 * MB)).toBe(false);
    disk.free = 50 * MB;
    expect(await space.hasRoomFor(10_000, 2 * MB)).toBe(true);
  });

  it('forgets its reading when a write met a full disk', async () => {
    const { disk, space } = fakeDisk(100);
    await space.hasRoomFor(0, 2 * MB);
    space.forget();
    disk.free = 0;
    expect(await space.hasRoomFor(10_000, 2 * MB)).toBe(false);
    expect(disk.reads).toBe(2);
  });
});
