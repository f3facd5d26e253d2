// Records kept in IndexedDB. Files are kept as Blobs, byte for byte as picked. The outbox's own
// records are in src/outbox/types.ts.
import type { Owner } from './schema';

export interface KeptFile {
  name: string;
  type: string;
  blob: Blob;
}

export interface Draft {
  id: string;
  owner: Owner;
  destination: string;
  message: string;
  files: KeptFile[];
  savedAt: number;
}

/**
 * What a compose screen held when last changed, kept until it is sent, saved as a draft (一時保存)
 * or thrown away, so leaving the screen or a reload loses nothing. Its files are in
 * ComposeAutosaveFiles under the same id, written only when they change (typing writes this alone).
 */
export interface ComposeAutosave {
  /** `${userId}|${office}|${source}` */
  id: string;
  owner: Owner;
  /** 'new', 'draft:<id>' or 'batchRow:<id>': the screen the work belongs to */
  source: string;
  destination: string;
  message: string;
  savedAt: number;
}

export interface ComposeAutosaveFiles {
  id: string;
  owner: Owner;
  files: KeptFile[];
}
