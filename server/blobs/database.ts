// File contents in the database (PostgreSQL, DATABASE_URL): nothing on the process's own disk, so
// any process serves any download and a process can be added or killed at any time. A send's
// bytes are written by insertSend in the send's one transaction (server/db/postgres/contents.ts):
// a crash before its commit leaves nothing, after it a whole message, and there are no leftovers
// to sweep. Downloads read one chunk at a time, when the client is ready for it.
import type { FileContentRepository } from '../db/types';
import { chunkStream } from './chunk-stream';
import type { BlobFile, BlobStore, StagedBlobs } from './types';

/** How long a measured database size is trusted before DATABASE_MAX_MB is checked again. */
const SIZE_TTL_MS = 10_000;

export class DatabaseBlobStore implements BlobStore {
  readonly description = 'PostgreSQL (file_chunks)';
  private size: { bytes: number; at: number } | null = null;

  constructor(
    private readonly contents: FileContentRepository,
    /** databaseMaxBytes (DATABASE_MAX_MB): sends stop once the database has grown to it (0: no limit) */
    private readonly limits: { readonly databaseMaxBytes: number },
    private readonly clock: () => number = Date.now,
  ) {}

  async init(): Promise<void> {
    // nothing to prepare, and nothing can be left over: contents commit with their message
  }

  async hasRoomFor(bytes: number): Promise<boolean> {
    const max = this.limits.databaseMaxBytes;
    if (max <= 0) return true;
    const now = this.clock();
    if (!this.size || now - this.size.at > SIZE_TTL_MS) this.size = { bytes: await this.contents.databaseBytes(), at: now };
    // what this process stored since the size was measured counts too
    const fits = this.size.bytes + bytes <= max;
    if (fits) this.size.bytes += bytes;
    return fits;
  }

  async stage(_messageId: string, files: readonly BlobFile[]): Promise<StagedBlobs> {
    return {
      contents: files.map((f) => ({ fileId: f.id, bytes: f.bytes })),
      // a transaction that did not commit left nothing
      discard: async () => undefined,
    };
  }

  open(_messageId: string, file: { id: string; size: number }): Promise<ReadableStream<Uint8Array> | null> {
    return chunkStream(this.contents, file);
  }

  async remove(): Promise<void> {
    // the chunks went with the message's rows (ON DELETE CASCADE)
  }
}
