// Small sends' file contents in SQLite (table file_chunks, migration 5), read on the main
// connection one chunk at a time; written by send-rows.ts in the write worker's batch transaction.
import type { Db } from './connection';
import type { ChunkReader } from '../types';

export function sqliteContents(db: Db): ChunkReader {
  const chunk = db.prepare<[string, number], { data: Buffer }>('SELECT data FROM file_chunks WHERE file_id = ? AND seq = ?');
  return {
    async chunk(fileId, seq) {
      return chunk.get(fileId, seq)?.data ?? null;
    },
  };
}
