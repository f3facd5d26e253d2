// Small sends' file contents in SQLite (table file_chunks, migration 5), read on the main
// connection one chunk at a time; written by send-rows.ts in the write worker's batch transaction.
import type { Db } from './connection';
import type { FileContentRepository } from '../types';

export function sqliteContents(db: Db): FileContentRepository {
  const chunk = db.prepare<[string, number], { data: Buffer }>('SELECT data FROM file_chunks WHERE file_id = ? AND seq = ?');
  const pages = db.prepare<[], { bytes: number }>('SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()');
  return {
    async chunk(fileId, seq) {
      return chunk.get(fileId, seq)?.data ?? null;
    },
    async databaseBytes() {
      return pages.get()!.bytes;
    },
  };
}
