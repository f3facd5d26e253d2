// A file kept in the database as chunks (file_chunks), streamed one chunk at a time as the client
// takes it: PostgreSQL's every file (./database.ts), SQLite's small sends' (./disk.ts).
import type { ChunkReader } from '../db/types';

/** The file's bytes, or null when it has no chunk 0 (not in the database, or deleted). */
export async function chunkStream(contents: ChunkReader, file: { id: string; size: number }): Promise<ReadableStream<Uint8Array> | null> {
  const first = await contents.chunk(file.id, 0);
  if (!first) return null;
  let pending: Uint8Array | null = first;
  let seq = 0;
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = pending ?? (await contents.chunk(file.id, seq));
        pending = null;
        if (!chunk) {
          // deleted between two chunks (retention, or its office removed): the download breaks off
          controller.error(new Error(`file ${file.id} is gone after ${sent} of ${file.size} bytes`));
          return;
        }
        seq += 1;
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        if (sent >= file.size) controller.close();
      },
    },
    // pulled only when the client has taken the chunk before: one chunk in memory per download
    { highWaterMark: 0 },
  );
}
