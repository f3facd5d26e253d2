import type { Owner } from './schema';

// Records kept in IndexedDB. Files are kept as Blobs, byte for byte as picked. The outbox's own
// records are in src/outbox/types.ts.

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
