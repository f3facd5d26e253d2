// File contents in PostgreSQL (table file_chunks): each file in chunks of CHUNK_BYTES, so no
// statement carries or returns more than about a megabyte, and a download reads one chunk at a
// time. Chunks are rows of bytea rather than large objects: they belong to their file row
// (ON DELETE CASCADE, so retention and office removal need no second clean-up), live in the
// relay's schema (a schema-only dump or a test schema holds them; large objects are per database),
// and are written in the send's own transaction like any other row.
import { chunksOf } from '../chunks';
import type { FileContent, FileContentRepository } from '../types';
import type { Pool, PoolClient } from './pool';

export { CHUNK_BYTES } from '../chunks';
/** The most bytes one INSERT carries: a 10 MB send never becomes one 10 MB protocol message. */
const STATEMENT_BYTES = 1024 * 1024;

type ChunkRow = [fileId: string, seq: number, data: Buffer];

/**
 * Collects chunks and writes them in INSERTs of at most STATEMENT_BYTES. Buffers go to the server
 * as binary parameters (node-postgres sends a Buffer as is, not as hex text).
 */
export class ChunkWriter {
  private rows: ChunkRow[] = [];
  private bytes = 0;

  constructor(private readonly client: PoolClient) {}

  async add(fileId: string, seq: number, data: Uint8Array): Promise<void> {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.rows.push([fileId, seq, buffer]);
    this.bytes += buffer.byteLength;
    if (this.bytes >= STATEMENT_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.bytes = 0;
    const values = rows.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`).join(', ');
    await this.client.query(`INSERT INTO file_chunks (file_id, seq, data) VALUES ${values}`, rows.flat());
  }
}

/** Every file's bytes as chunks 0…n (chunks.ts). */
export async function writeContents(client: PoolClient, contents: readonly FileContent[]): Promise<void> {
  const writer = new ChunkWriter(client);
  for (const { fileId, bytes } of contents) {
    for (const { seq, data } of chunksOf(bytes)) await writer.add(fileId, seq, data);
  }
  await writer.flush();
}

export function pgContents(pool: Pool): FileContentRepository {
  return {
    async chunk(fileId, seq) {
      // as base64 text (a third larger on the wire; hex, the default, doubles it): node-postgres
      // decodes every result column as UTF-8 text, so binary results would mangle the bytes
      const { rows } = await pool.query<{ data: string }>(
        "SELECT encode(data, 'base64') AS data FROM file_chunks WHERE file_id = $1 AND seq = $2",
        [fileId, seq],
      );
      const row = rows[0];
      // the line breaks PostgreSQL puts in base64 are skipped by the decoder
      return row ? Buffer.from(row.data, 'base64') : null;
    },
    async databaseBytes() {
      const { rows } = await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
      return Number(rows[0]?.bytes ?? 0);
    },
  };
}
