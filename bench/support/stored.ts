// What a relay's data folder holds contents for: the messages whose bytes are in renkei.db
// (small sends, file_chunks) plus the folders of DATA_DIR/blobs (larger sends).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export function storedContents(dataDir: string): number {
  const folders = readdirSync(join(dataDir, 'blobs')).length;
  const file = join(dataDir, 'renkei.db');
  // the bare baseline keeps only folders
  if (!existsSync(file)) return folders;
  const db = new Database(file, { readonly: true });
  try {
    const inline = db.prepare('SELECT COUNT(DISTINCT f.message_id) AS n FROM file_chunks c JOIN message_files f ON f.id = c.file_id').get() as { n: number };
    return folders + inline.n;
  } finally {
    db.close();
  }
}
