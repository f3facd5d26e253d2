// The rows of one send in SQLite: message, files, transfer log, idempotency key, audit row and,
// for a small send, its files' bytes (file_chunks). Run by the write worker (write-worker.ts)
// inside the batch's transaction, on its own connection.
// Nothing here may import the domain code (zod and the file-name parsers): the worker would load
// it for nothing. What is derived from the message (mailbox-sql.ts) comes ready (send-wire.ts).
import type { Db } from './connection';
import { chunksOf } from '../chunks';
import type { InsertSendResult } from '../types';
import { auditWriter } from './audit';
import type { PostedSend } from './send-wire';

export function sendRows(db: Db): (send: PostedSend) => InsertSendResult {
  const findKey = db.prepare<[string, string], { messageId: string; requestHash: string }>(
    'SELECT message_id AS messageId, request_hash AS requestHash FROM idempotency WHERE office_number = ? AND key = ?',
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, sender, destination, message, sent_by, sent_at, expires_at, pending_files, kinds, months, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLog = db.prepare(
    `INSERT INTO transfer_log (file_id, message_id, position, sender, destination, sender_name, destination_name,
                               sent_by, sent_at, name, category, size, sha256)
     VALUES (?, ?, ?, ?, ?, COALESCE((SELECT name FROM offices WHERE number = ?), ''),
             COALESCE((SELECT name FROM offices WHERE number = ?), ''), ?, ?, ?, ?, ?, ?)`,
  );
  const insertFile = db.prepare(
    `INSERT INTO message_files (id, message_id, position, name, size, category, sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertKey = db.prepare(
    'INSERT INTO idempotency (office_number, key, request_hash, message_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertChunk = db.prepare('INSERT INTO file_chunks (file_id, seq, data) VALUES (?, ?, ?)');
  const writeAudit = auditWriter(db);

  return (send) => {
    const { message: m, files, idempotency, audit, derived } = send;
    // a concurrent retry of the same key may have committed since deliver() looked
    const existing = findKey.get(m.sender, idempotency.key);
    if (existing) return { outcome: 'exists', ...existing };
    insertMessage.run(m.id, m.sender, m.destination, m.message, m.sentBy, m.sentAt, m.expiresAt, files.length, derived.kinds, derived.months, derived.searchText);
    for (const f of files) {
      insertFile.run(f.id, m.id, f.position, f.name, f.size, f.category, f.sha256);
      insertLog.run(f.id, m.id, f.position, m.sender, m.destination, m.sender, m.destination, m.sentBy, m.sentAt, f.name, f.category, f.size, f.sha256);
    }
    for (const { fileId, bytes } of send.contents ?? []) {
      for (const { seq, data } of chunksOf(bytes)) insertChunk.run(fileId, seq, asBuffer(data));
    }
    insertKey.run(m.sender, idempotency.key, idempotency.requestHash, m.id, m.sentAt);
    if (audit) writeAudit(audit);
    return { outcome: 'inserted' };
  };
}

/** better-sqlite3 binds a Buffer as a BLOB: the same bytes, not a copy. */
const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
