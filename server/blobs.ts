// File contents on disk: DATA_DIR/blobs/<messageId>/<fileId>. Names users chose never become paths.
// A send is staged in DATA_DIR/tmp, synced, then renamed into place in one step, so a crash
// leaves either nothing or a whole folder (removed at the next start unless its message row exists).
import { mkdir, open, readdir, readFile, rename, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { coalesced } from './coalesce';
import { isId, newId } from './ids';

export interface StagedSend {
  dir: string;
}

/**
 * Files held open at once for writing sends, by the whole process: however many files arrive and
 * however many sends come together, the relay stays far below its descriptor limit, so one send
 * can never make another's (or a download's) open fail with EMFILE.
 */
export const MAX_OPEN_WRITES = 32;
const writeSlots = pLimit(MAX_OPEN_WRITES);

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function olderThan(path: string, cutoff: number): Promise<boolean> {
  try {
    return (await stat(path)).mtimeMs < cutoff;
  } catch {
    return false; // already gone
  }
}

export class BlobStore {
  readonly tmpDir: string;
  readonly blobsDir: string;
  /** Sends committed at about the same time share one fsync of the blobs folder. */
  private readonly syncBlobsDir: () => Promise<void>;

  constructor(dataDir: string) {
    this.tmpDir = join(dataDir, 'tmp');
    this.blobsDir = join(dataDir, 'blobs');
    this.syncBlobsDir = coalesced(() => syncDir(this.blobsDir));
  }

  /**
   * Creates the folders and drops what an interrupted send left in tmp. With several processes
   * sharing the folder (PostgreSQL), only leftovers older than graceMs go: younger ones may be
   * another process's send in progress.
   */
  async init(graceMs = 0): Promise<void> {
    await mkdir(this.tmpDir, { recursive: true });
    await mkdir(this.blobsDir, { recursive: true });
    const cutoff = Date.now() - graceMs;
    for (const entry of await readdir(this.tmpDir)) {
      const path = join(this.tmpDir, entry);
      if (graceMs === 0 || (await olderThan(path, cutoff))) await rm(path, { recursive: true, force: true });
    }
  }

  /** Whether a message folder was last changed before cutoff (ms since epoch). */
  async messageDirOlderThan(messageId: string, cutoff: number): Promise<boolean> {
    return olderThan(this.messageDir(messageId), cutoff);
  }

  async stage(files: readonly { id: string; bytes: Uint8Array }[]): Promise<StagedSend> {
    const dir = join(this.tmpDir, newId());
    await mkdir(dir);
    try {
      if (!files.every((f) => isId(f.id))) throw new Error('bad file id');
      // written and synced side by side: the folder is synced once all are durable, as before
      const written = await Promise.allSettled(files.map((f) => writeSlots(() => writeDurably(join(dir, f.id), f.bytes))));
      const failed = written.find((w) => w.status === 'rejected');
      if (failed) throw failed.reason;
      await syncDir(dir);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    return { dir };
  }

  /** Whether `bytes` more would still leave `reserve` bytes free for the relay's other writes. */
  async hasRoomFor(bytes: number, reserve: number): Promise<boolean> {
    if (reserve <= 0) return true;
    const fs = await statfs(this.tmpDir);
    return fs.bavail * fs.bsize - bytes >= reserve;
  }

  async commit(staged: StagedSend, messageId: string): Promise<void> {
    await rename(staged.dir, this.messageDir(messageId));
    await this.syncBlobsDir();
  }

  async discard(staged: StagedSend): Promise<void> {
    await rm(staged.dir, { recursive: true, force: true });
  }

  async read(messageId: string, fileId: string): Promise<Uint8Array> {
    if (!isId(fileId)) throw new Error('bad file id');
    return readFile(join(this.messageDir(messageId), fileId));
  }

  async remove(messageId: string): Promise<void> {
    await rm(this.messageDir(messageId), { recursive: true, force: true });
  }

  /** Message folders present on disk (anything not shaped like an id is ignored). */
  async messageIds(): Promise<string[]> {
    const entries = await readdir(this.blobsDir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && isId(e.name)).map((e) => e.name);
  }

  private messageDir(messageId: string): string {
    if (!isId(messageId)) throw new Error('bad message id');
    return join(this.blobsDir, messageId);
  }
}
