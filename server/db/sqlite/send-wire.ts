// A send as the write worker gets it (send-rows.ts): with the columns derived from its message and
// file names (kinds, months, search text) worked out on the event loop, so the worker never loads
// the domain code they need (zod, the file-name parsers: tens of MiB in a thread of its own), and
// with its bytes moved rather than cloned.
import { derivedColumns, type DerivedColumns } from '../mailbox-sql';
import type { NewSend } from '../types';

export interface PostedSend extends NewSend {
  derived: DerivedColumns;
}

/**
 * Each file's bytes are copied once into a buffer of their own, which is transferred: posting the
 * view would clone the whole buffer under it, and the caller's bytes stay whole for a retry
 * (withDiskReserve tries a send again after a full disk).
 */
export function sendForWorker(send: NewSend): { arg: PostedSend; transfer: ArrayBuffer[] } {
  const derived = derivedColumns(send.message.message, send.files.map((f) => f.name));
  const transfer: ArrayBuffer[] = [];
  const contents = send.contents?.map(({ fileId, bytes }) => {
    const own = new Uint8Array(bytes);
    transfer.push(own.buffer);
    return { fileId, bytes: own };
  });
  return { arg: { ...send, derived, ...(contents ? { contents } : {}) }, transfer };
}
