// Room kept back for the small writes that reads need on a full disk: a login's session row, the
// audit row, a 済 mark. A file of real bytes (DATA_DIR/disk-reserve) is written while there is
// room; when a store write meets a full disk, the file is deleted and the write tried once more,
// so logins, lists and downloads go on while sends are refused (they stop earlier anyway, at
// DISK_RESERVE_MB). The file is written again once the disk has room (at start and each sweep).
import { open, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from './db/types';
import { isStorageFull } from './errors';

/** The most kept back: some thousands of logins' rows. */
export const MAX_RESERVE_FILE_BYTES = 8 * 1024 * 1024;

export class DiskReserve {
  readonly path: string;

  constructor(
    dataDir: string,
    /** 0: keep nothing back */
    readonly bytes: number,
  ) {
    this.path = join(dataDir, 'disk-reserve');
  }

  /** Writes the file unless it is there, or the disk is too full to spare it. */
  async ensure(): Promise<void> {
    if (this.bytes <= 0) return;
    if ((await stat(this.path).catch(() => null))?.size === this.bytes) return;
    const fs = await statfs(join(this.path, '..'));
    if (fs.bavail * fs.bsize < this.bytes * 2) return;
    const handle = await open(this.path, 'w');
    try {
      // real bytes, not a sparse file: the room must be taken now to be given back later
      const block = Buffer.alloc(64 * 1024, 0);
      // (the file system counts the blocks as used once written; no fsync needed for that)
      for (let written = 0; written < this.bytes; written += block.length) await handle.write(block, 0, Math.min(block.length, this.bytes - written));
    } catch (err) {
      await handle.close();
      await rm(this.path, { force: true });
      if (isStorageFull(err)) return;
      throw err;
    }
    await handle.close();
  }

  /** Told whenever a store write met a full disk (the disk blob store then reads the free space again). */
  onFull: () => void = () => {};

  /** Gives the room back; false when there was none left to give. */
  async release(): Promise<boolean> {
    this.onFull();
    const present = await stat(this.path).catch(() => null);
    if (!present) return false;
    await rm(this.path, { force: true });
    console.error(`[renkei] the disk of DATA_DIR is full: released ${present.size} bytes kept for logins and downloads. Make room on it.`);
    return true;
  }
}

type AnyFunction = (...args: unknown[]) => Promise<unknown>;

/** The store, each of whose writes that meets a full disk is tried once more after releasing the reserve. */
export function withDiskReserve(store: Store, reserve: DiskReserve): Store {
  const retrying = <T extends object>(repository: T): T =>
    new Proxy(repository, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          try {
            return await (value as AnyFunction).apply(target, args);
          } catch (err) {
            // a full disk rolls the transaction back whole, so trying it again is safe
            if (!isStorageFull(err) || !(await reserve.release())) throw err;
            return (value as AnyFunction).apply(target, args);
          }
        };
      },
    });
  return {
    offices: retrying(store.offices),
    people: retrying(store.people),
    officeUsers: retrying(store.officeUsers),
    sessions: retrying(store.sessions),
    messages: retrying(store.messages),
    limits: retrying(store.limits),
    audit: retrying(store.audit),
    contents: store.contents,
    inlineContents: store.inlineContents,
    runAlone: (job, work) => store.runAlone(job, work),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}
