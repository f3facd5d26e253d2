// The rows of one send in SQLite: message, files, transfer log, idempotency key and audit row.
// Run by the write worker (write-worker.ts) inside the batch's transaction, on its own connection.
import type { Db } from './connection';
import type { InsertSendResult, NewSend } from '../types';
import { derivedColumns } from '../mailbox-sql';
import { auditWriter } from './audit';

export function sendRows(db: Db): (send: NewSend) => InsertSendResult {
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
  const writeAudit = auditWriter(db);

  return (send) => {
    const { message: m, files, idempotency, audit } = send;
    if (send.contents) throw new Error('the SQLite store keeps no file contents: they belong in DATA_DIR/blobs');
    // a concurrent retry of the same key may have committed since deliver() looked
    const existing = findKey.get(m.sender, idempotency.key);
    if (existing) return { outcome: 'exists', ...existing };
    const derived = derivedColumns(m.message, files.map((f) => f.name));
    insertMessage.run(m.id, m.sender, m.destination, m.message, m.sentBy, m.sentAt, m.expiresAt, files.length, derived.kinds, derived.months, derived.searchText);
    for (const f of files) {
      insertFile.run(f.id, m.id, f.position, f.name, f.size, f.category, f.sha256);
      insertLog.run(f.id, m.id, f.position, m.sender, m.destination, m.sender, m.destination, m.sentBy, m.sentAt, f.name, f.category, f.size, f.sha256);
    }
    insertKey.run(m.sender, idempotency.key, idempotency.requestHash, m.id, m.sentAt);
    if (audit) writeAudit(audit);
    return { outcome: 'inserted' };
  };
}
