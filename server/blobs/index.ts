// The blob store that goes with the store: file contents in the database when it keeps them
// (PostgreSQL), else on disk under DATA_DIR with small sends' in the SQLite file (SQLite).
import type { Config } from '../config';
import type { Store } from '../db/types';
import { DatabaseBlobStore } from './database';
import { DiskBlobStore } from './disk';
import type { BlobStore } from './types';

export type { BlobStore, StagedBlobs } from './types';

export function openBlobStore(config: Pick<Config, 'dataDir' | 'diskReserveBytes' | 'databaseMaxBytes'>, store: Pick<Store, 'contents' | 'inlineContents'>): BlobStore {
  return store.contents
    ? new DatabaseBlobStore(store.contents, config)
    : new DiskBlobStore(config.dataDir, config, store.inlineContents);
}
