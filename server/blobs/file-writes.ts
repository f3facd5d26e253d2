// What passes between file-writer.ts (the event loop) and file-write-worker.mjs (the threads that
// write sends' files durably with synchronous fs calls): one hand-over per send instead of a libuv
// thread-pool round trip for each open, write, fsync and close (about 17 per send of 3 files, each
// a promise on the event loop).

/**
 * One send's files: written into `dir` (made there), each synced, then `dir` itself synced, then
 * renamed to `into`, whose parent folder is synced once for all the sends of a batch.
 */
export interface FileWriteJob {
  dir: string;
  into: string;
  files: { name: string; bytes: Uint8Array }[];
}

/** An error as it crosses the thread: a structured clone would drop its `code` (ENOSPC, …). */
export interface FileWriteError {
  message: string;
  code?: string;
}

export interface FileWriteBatch {
  id: number;
  jobs: FileWriteJob[];
}

/** Per job, in order: null once its files and folder entry are durable, else why not. */
export interface FileWriteAnswer {
  id: number;
  errors: (FileWriteError | null)[];
}

export const fromWriteError = (wire: FileWriteError): Error =>
  Object.assign(new Error(wire.message), wire.code ? { code: wire.code } : {});
