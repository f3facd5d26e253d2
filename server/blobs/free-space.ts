// The free space of DATA_DIR's disk for the send-time room check, without a statfs per send: the
// figure is read again at most every REFRESH_MS, or sooner once REFRESH_AFTER_BYTES have been
// written since, or whenever it says "no room" (so sends go again as soon as room is made). What
// this process wrote since the last reading is taken off the figure; what others wrote shows at
// the next reading, sooner when a store write meets the full disk (the reserve's release,
// server/disk-reserve.ts, forgets the reading), and a blob write that meets a full disk meanwhile
// is answered 507 all the same (server/app.ts) and forgets it too.
import { statfs } from 'node:fs/promises';

/** The free space of the disk that holds `path`, as statfs says (blocks left to unprivileged users). */
export const freeBytes = async (path: string) => {
  const fs = await statfs(path);
  return fs.bavail * fs.bsize;
};

export const REFRESH_MS = 1000;
export const REFRESH_AFTER_BYTES = 8 * 1024 * 1024;

interface Reading {
  free: number;
  at: number;
  /** bytes this process wrote since the reading */
  written: number;
}

export class FreeSpace {
  private reading: Reading | null = null;
  private pending: Promise<Reading> | null = null;

  constructor(
    /** bytes free for this process's writes now */
    private readonly readFree: () => Promise<number>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Whether `bytes` more would still leave `reserve` bytes free. */
  async hasRoomFor(bytes: number, reserve: number): Promise<boolean> {
    const cached = this.reading;
    const fresh = cached && this.clock() - cached.at < REFRESH_MS && cached.written < REFRESH_AFTER_BYTES;
    if (fresh && cached.free - cached.written - bytes >= reserve) return true;
    // stale, or too little room by the cached figure: ask the file system
    const now = await this.read();
    return now.free - now.written - bytes >= reserve;
  }

  /** Counts bytes written (taken off the cached figure until the next reading). */
  wrote(bytes: number): void {
    if (this.reading) this.reading.written += bytes;
  }

  /** A write met a full disk: the next check asks the file system. */
  forget(): void {
    this.reading = null;
  }

  /** One statfs for all callers that ask at the same moment. */
  private read(): Promise<Reading> {
    this.pending ??= this.readFree()
      .then((free) => (this.reading = { free, at: this.clock(), written: 0 }))
      .finally(() => (this.pending = null));
    return this.pending;
  }
}
