// Writing a send's files durably with synchronous fs calls, run in a thread of its own
// (file-write-worker.ts): one hand-over per send instead of a libuv thread-pool round trip for
// each open, write, fsync and close (about 17 per send of 3 files, each a promise on the event loop).
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** One send's files: written into `dir` (made here), each synced, then `dir` itself synced. */
export interface FileWriteJob {
  dir: string;
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

/** Writes the job's files; on any failure removes `dir` and answers the error. */
export function writeJob(job: FileWriteJob): FileWriteError | null {
  try {
    mkdirSync(job.dir);
    for (const f of job.files) writeFileDurably(join(job.dir, f.name), f.bytes);
    syncPath(job.dir);
    return null;
  } catch (error) {
    try {
      rmSync(job.dir, { recursive: true, force: true });
    } catch {
      // the caller removes it again
    }
    const code = (error as { code?: unknown } | null)?.code;
    return { message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) };
  }
}

export const fromWriteError = (wire: FileWriteError): Error =>
  Object.assign(new Error(wire.message), wire.code ? { code: wire.code } : {});
