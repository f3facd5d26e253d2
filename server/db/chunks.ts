// How a file's bytes are cut into rows of file_chunks, the same in both stores (PostgreSQL keeps
// every send's contents there, SQLite small sends'): no row and no statement carries more than a
// chunk, and a download holds one chunk at a time.

/** Big enough that a 10 MB send is 40 rows, small enough that a download holds one at a time. */
export const CHUNK_BYTES = 256 * 1024;

/** The chunks 0…n of a file (an empty file still gets chunk 0, so "no chunk 0" means gone); views, not copies. */
export function* chunksOf(bytes: Uint8Array): Generator<{ seq: number; data: Uint8Array }> {
  let seq = 0;
  do {
    const at = seq * CHUNK_BYTES;
    yield { seq, data: bytes.subarray(at, at + CHUNK_BYTES) };
    seq += 1;
  } while (seq * CHUNK_BYTES < bytes.byteLength);
}
