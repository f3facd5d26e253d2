// Writing a send's files durably with synchronous fs calls, run in a thread of its own
// (file-write-worker.ts): one hand-over per send instead of a libuv thread-pool round trip for
// each open, write, fsync and close (about 17 per send of 3 files, each a promise on the event loop).
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * One send's files: written into `dir` (made here), each synced, then `dir` itself synced, then
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

export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeFileDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx');
  try {
    for (let at = 0; at < bytes.byteLength; ) at += writeSync(fd, bytes, at, bytes.byteLength - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const removeQuietly = (path: string) => {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // the caller removes it again
  }
};

const wireError = (error: unknown): FileWriteError => {
  const code = (error as { code?: unknown } | null)?.code;
  return { message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) };
};

/** Writes and moves the job's files into place; on any failure removes both folders and answers the error. */
function placeJob(job: FileWriteJob): FileWriteError | null {
  try {
    mkdirSync(job.dir);
    for (const f of job.files) writeFileDurably(join(job.dir, f.name), f.bytes);
    syncPath(job.dir);
    renameSync(job.dir, job.into);
    return null;
  } catch (error) {
    // the rename may or may not have happened: clear both places
    removeQuietly(job.dir);
    removeQuietly(job.into);
    return wireError(error);
  }
}

/**
 * A batch of sends: each written and moved into place, then each parent folder synced once; a
 * send is answered null only when its files and its folder's entry are durable.
 */
export function placeBatch(jobs: readonly FileWriteJob[]): (FileWriteError | null)[] {
  const errors = jobs.map(placeJob);
  const parents = new Set(jobs.filter((_, i) => !errors[i]).map((j) => dirname(j.into)));
  for (const parent of parents) {
    try {
      syncPath(parent);
    } catch (error) {
      jobs.forEach((job, i) => {
        if (errors[i] || dirname(job.into) !== parent) return;
        removeQuietly(job.into);
        errors[i] = wireError(error);
      });
    }
  }
  return errors;
}

export const fromWriteError = (wire: FileWriteError): Error =>
  Object.assign(new Error(wire.message), wire.code ? { code: wire.code } : {});
