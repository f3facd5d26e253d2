// Messages, their files and idempotency keys in SQLite.
import type { Box, Office } from '../../../src/domain/contract';
import type { Db } from '../connection';
import type { FileRecord, IdempotencyRecord, MessageRecord, MessageRepository } from '../types';

interface MessageRow {
  id: string;
  sender: string;
  destination: string;
  message: string;
  sentBy: string;
  sentAt: string;
  expiresAt: string;
  senderName: string | null;
  senderKind: string | null;
  destinationName: string | null;
  destinationKind: string | null;
}

const SELECT_MESSAGE = `
  SELECT m.id, m.sender, m.destination, m.message, m.sent_by AS sentBy, m.sent_at AS sentAt,
         m.expires_at AS expiresAt, s.name AS senderName, s.kind AS senderKind,
         d.name AS destinationName, d.kind AS destinationKind
  FROM messages m
  LEFT JOIN offices s ON s.number = m.sender
  LEFT JOIN offices d ON d.number = m.destination`;

const SELECT_FILES = `
  SELECT id, position, name, size, category, sha256, downloaded_at AS downloadedAt
  FROM message_files WHERE message_id = ? ORDER BY position`;

/** A mailbox is listed whole; the cap only guards the response size should retention be set very long. */
const LIST_LIMIT = 2000;

function office(number: string, name: string | null, kind: string | null): Office | null {
  return name === null ? null : { number, name, kind: kind ?? '' };
}

export function sqliteMessages(db: Db): MessageRepository {
  const filesOf = db.prepare<[string], FileRecord>(SELECT_FILES);
  const findKey = db.prepare<[string, string], IdempotencyRecord>(
    'SELECT message_id AS messageId, request_hash AS requestHash FROM idempotency WHERE office_number = ? AND key = ?',
  );
  const toRecord = (row: MessageRow): MessageRecord => ({
    id: row.id,
    sender: row.sender,
    destination: row.destination,
    message: row.message,
    sentBy: row.sentBy,
    sentAt: row.sentAt,
    expiresAt: row.expiresAt,
    senderOffice: office(row.sender, row.senderName, row.senderKind),
    destinationOffice: office(row.destination, row.destinationName, row.destinationKind),
    files: filesOf.all(row.id),
  });

  const insertSend = db.transaction((send: Parameters<MessageRepository['insertSend']>[0]) => {
    const { message: m, files, idempotency } = send;
    const existing = findKey.get(m.sender, idempotency.key);
    if (existing) return { outcome: 'exists' as const, ...existing };
    db.prepare(
      `INSERT INTO messages (id, sender, destination, message, sent_by, sent_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(m.id, m.sender, m.destination, m.message, m.sentBy, m.sentAt, m.expiresAt);
    const insertFile = db.prepare(
      `INSERT INTO message_files (id, message_id, position, name, size, category, sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of files) insertFile.run(f.id, m.id, f.position, f.name, f.size, f.category, f.sha256);
    db.prepare(
      'INSERT INTO idempotency (office_number, key, request_hash, message_id, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(m.sender, idempotency.key, idempotency.requestHash, m.id, m.sentAt);
    return { outcome: 'inserted' as const };
  });

  return {
    async findIdempotent(officeNumber, key) {
      return findKey.get(officeNumber, key) ?? null;
    },
    async insertSend(send) {
      return insertSend(send);
    },
    async get(id) {
      const row = db.prepare<[string], MessageRow>(`${SELECT_MESSAGE} WHERE m.id = ?`).get(id);
      return row ? toRecord(row) : null;
    },
    async list(box: Box, officeNumber) {
      const column = box === 'sent' ? 'm.sender' : 'm.destination';
      const rows = db
        .prepare<[string, number], MessageRow>(`${SELECT_MESSAGE} WHERE ${column} = ? ORDER BY m.sent_at DESC, m.id LIMIT ?`)
        .all(officeNumber, LIST_LIMIT);
      return rows.map(toRecord);
    },
    async markDownloaded(messageId, fileId, atIso) {
      const result = db
        .prepare('UPDATE message_files SET downloaded_at = ? WHERE id = ? AND message_id = ? AND downloaded_at IS NULL')
        .run(atIso, fileId, messageId);
      return result.changes > 0;
    },
    async expiredIds(nowIso) {
      return db
        .prepare<[string], { id: string }>('SELECT id FROM messages WHERE expires_at <= ?')
        .all(nowIso)
        .map((r) => r.id);
    },
    async deleteMany(ids) {
      const del = db.prepare('DELETE FROM messages WHERE id = ?');
      return db.transaction(() => ids.reduce((n, id) => n + del.run(id).changes, 0))();
    },
    async existingIds(ids) {
      const has = db.prepare('SELECT 1 FROM messages WHERE id = ?');
      return new Set(ids.filter((id) => has.get(id)));
    },
  };
}
