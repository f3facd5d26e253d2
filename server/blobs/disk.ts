// File contents beside SQLite (the default). A small send's (INLINE_MAX_BYTES) go into the SQLite
// file itself, in the transaction that stores its rows (the write worker's batch): one fsync'd
// commit for many sends, and nothing to sweep after a crash. A larger send's go on disk:
// DATA_DIR/blobs/<messageId>/<fileId>. Names users chose never become paths. Such a send is
// staged in DATA_DIR/tmp, synced, then renamed into place in one step, so a crash leaves either
// nothing or a whole folder (removed at the next start unless its message row exists). SQLite
// means one relay process per data folder, so whatever is in tmp or has no row at start is a
// leftover. Downloads look in the database first, then on disk (where every file of a data folder
// from before SQLite migration 5 is).
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ChunkReader, Store } from '../db/types';
import { isStorageFull } from '../errors';
import { isId, newId } from '../ids';
import { chunkStream } from './chunk-stream';
import { fileWriter } from './file-writer';
import { FreeSpace, freeBytes } from './free-space';
import type { BlobFile, BlobStore, StagedBlobs } from './types';

/** How much of a file a download holds in memory at a time. */
const READ_BYTES = 64 * 1024;

/**
 * The largest send (all its files) kept in the SQLite file. A month's CSVs of an office are a few
 * to some hundred KB, so they all go there; scanned PDFs of several MB stay on disk: every byte in
 * SQLite is written twice (WAL, then the checkpoint), and a batch of big sends would hold the
 * small ones that share its commit (writer.ts takes at most 8 MiB a batch). Up to 1 MiB, writing
 * the bytes twice costs about what the send's own five fsyncs would on a disk that syncs in
 * 0.2 ms (this machine's), and far less where an fsync waits milliseconds for the device.
 */
export const INLINE_MAX_BYTES = 1024 * 1024;

/** An inline send's files go with its rows: a commit that did not happen left nothing to remove. */
const nothingToDiscard = async () => undefined;

export class DiskBlobStore implements BlobStore {
  readonly tmpDir: string;
  readonly blobsDir: string;
  readonly description: string;
  private readonly freeSpace: FreeSpace;

  constructor(
    dataDir: string,
    /** diskReserveBytes (DISK_RESERVE_MB): sends stop while less would be left free */
    private readonly limits: { readonly diskReserveBytes: number },
    /** small sends' contents in the SQLite file (null: every send on disk) */
    private readonly inline: ChunkReader | null = null,
  ) {
    this.tmpDir = join(dataDir, 'tmp');
    this.blobsDir = join(dataDir, 'blobs');
    this.description = this.blobsDir;
    this.freeSpace = new FreeSpace(() => freeBytes(this.tmpDir));
  }

  async init(store: Pick<Store, 'messages'>): Promise<void> {
    await mkdir(this.tmpDir, { recursive: true });
    await mkdir(this.blobsDir, { recursive: true });
    for (const entry of await readdir(this.tmpDir)) await rm(join(this.tmpDir, entry), { recursive: true, force: true });
    await this.removeOrphans(store);
  }

  /** Message folders whose row never landed (a crash between rename and insert) or was deleted. */
  async removeOrphans(store: Pick<Store, 'messages'>): Promise<number> {
    const entries = await readdir(this.blobsDir, { withFileTypes: true });
    // anything not shaped like an id is not ours to judge
    const onDisk = entries.filter((e) => e.isDirectory() && isId(e.name)).map((e) => e.name);
    const known = await store.messages.existingIds(onDisk);
    const orphans = onDisk.filter((id) => !known.has(id));
    for (const id of orphans) await this.remove(id);
    return orphans.length;
  }

  async hasRoomFor(bytes: number): Promise<boolean> {
    const reserve = this.limits.diskReserveBytes;
    if (reserve <= 0) return true;
    return this.freeSpace.hasRoomFor(bytes, reserve);
  }

  /** Something else met a full disk: the next room check reads the disk instead of its cached figure. */
  diskFull(): void {
    this.freeSpace.forget();
  }

  async stage(messageId: string, files: readonly BlobFile[]): Promise<StagedBlobs> {
    const bytes = files.reduce((n, f) => n + f.bytes.byteLength, 0);
    // the SQLite file is on the same disk: either way the bytes come off the free space
    this.freeSpace.wrote(bytes);
    if (this.inline && bytes <= INLINE_MAX_BYTES) {
      // written by insertSend in the send's transaction; one that did not commit left nothing
      return { contents: files.map((f) => ({ fileId: f.id, bytes: f.bytes })), discard: nothingToDiscard };
    }
    await this.place(join(this.tmpDir, newId()), messageId, files);
    return { discard: () => this.remove(messageId) };
  }

  /**
   * Writes and syncs the files in a folder of their own under tmp, syncs the folder, and moves it
   * into place durably (one rename, then the parent synced: once for the sends of a batch). This
   * runs in the file writer threads (file-writer.ts), one file open at a time in each: however many
   * files and sends arrive, the relay stays far below its descriptor limit, so one send can never
   * make another's (or a download's) open fail with EMFILE. Leaves nothing behind when it fails.
   */
  private async place(stagedDir: string, messageId: string, files: readonly BlobFile[]): Promise<void> {
    const into = this.messageDir(messageId);
    try {
      if (!files.every((f) => isId(f.id))) throw new Error('bad file id');
      await fileWriter.write({ dir: stagedDir, into, files: files.map((f) => ({ name: f.id, bytes: f.bytes })) });
    } catch (err) {
      if (isStorageFull(err)) this.freeSpace.forget();
      // the rename may or may not have happened: clear both places
      await rm(stagedDir, { recursive: true, force: true });
      await this.remove(messageId);
      throw err;
    }
  }

  async open(messageId: string, file: { id: string; size: number }): Promise<ReadableStream<Uint8Array> | null> {
    if (!isId(file.id)) throw new Error('bad file id');
    const inline = this.inline && (await chunkStream(this.inline, file));
    if (inline) return inline;
    let handle;
    try {
      handle = await open(join(this.messageDir(messageId), file.id), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    // the stream closes the handle at its end, and when the download is cancelled
    return Readable.toWeb(handle.createReadStream({ highWaterMark: READ_BYTES })) as ReadableStream<Uint8Array>;
  }

  async remove(messageId: string): Promise<void> {
    await rm(this.messageDir(messageId), { recursive: true, force: true });
  }

  private messageDir(messageId: string): string {
    if (!isId(messageId)) throw new Error('bad message id');
    return join(this.blobsDir, messageId);
  }
}
