// A thread of the relay's file writers (file-writer.ts): writes each batch of sends' files and moves
// them into place with synchronous fs calls, and answers each send's outcome. Plain JavaScript with
// only node: imports, started without the TypeScript loader: a thread that loads tsx costs about
// 30 MiB, this one about 1. Its shapes are FileWriteBatch, FileWriteAnswer (file-writes.ts).
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';

/** @param {string} path */
function syncPath(path) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** @param {string} path @param {Uint8Array} bytes */
function writeFileDurably(path, bytes) {
  const fd = openSync(path, 'wx');
  try {
    for (let at = 0; at < bytes.byteLength; ) at += writeSync(fd, bytes, at, bytes.byteLength - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** @param {string} path */
function removeQuietly(path) {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // the caller removes it again
  }
}

/** An error as it crosses the thread: a structured clone would drop its `code` (ENOSPC, …). */
function wireError(error) {
  const code = error?.code;
  return { message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) };
}

/** Writes and moves one send's files into place; on any failure removes both folders and answers the error. */
function placeJob(job) {
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
function placeBatch(jobs) {
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

parentPort.on('message', (batch) => {
  parentPort.postMessage({ id: batch.id, errors: placeBatch(batch.jobs) });
});
