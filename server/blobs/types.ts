// Where the bytes of sent files live, behind one interface: beside SQLite (./disk.ts: small sends'
// in the SQLite file, larger ones on disk) or in PostgreSQL (./database.ts). deliver(), downloads, retention and the full-storage checks use
// either the same way; server/blobs/index.ts picks the one that goes with the store.
import type { FileContent, Store } from '../db/types';

export interface BlobFile {
  id: string;
  bytes: Uint8Array;
}

/** A send's files, ready for the one commit that makes the send visible (Store.messages.insertSend). */
export interface StagedBlobs {
  /** What insertSend must write in that same transaction (database, or SQLite for a small send); absent when the files are already in place (disk). */
  contents?: readonly FileContent[];
  /** The send was not stored (a failure, or a concurrent retry of the same key won): nothing of it may stay. */
  discard(): Promise<void>;
}

export interface BlobStore {
  /** For the start-up line: where the contents are. */
  readonly description: string;
  /** Makes the store ready and removes what an interrupted send left behind. */
  init(store: Pick<Store, 'messages'>): Promise<void>;
  /** Whether `bytes` more still leave the room kept back for everything else (DISK_RESERVE_MB, DATABASE_MAX_MB). */
  hasRoomFor(bytes: number): Promise<boolean>;
  /**
   * Disk (a large send beside SQLite): the files are written, synced and moved into place, durable
   * before the row commits. Database (and a small send beside SQLite): nothing is written yet; the
   * contents go into insertSend's transaction.
   */
  stage(messageId: string, files: readonly BlobFile[]): Promise<StagedBlobs>;
  /**
   * A file's bytes as a stream read a piece at a time (never the whole file in memory), or null
   * when they are gone (retention deleted the message meanwhile). `size` is the file row's.
   */
  open(messageId: string, file: { id: string; size: number }): Promise<ReadableStream<Uint8Array> | null>;
  /** Called once the message's rows are deleted. */
  remove(messageId: string): Promise<void>;
}
