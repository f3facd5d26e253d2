// Messages, their files and idempotency keys in SQLite.
import type { Box } from '../../../src/domain/contract';
import type { Db } from './connection';
import type { FileRecord, IdempotencyRecord, MessageRecord, MessageRepository, NewSend } from '../types';
import { messageRecordFromRow, type MessageRow } from '../message-rows';
import { auditWriter } from './audit';
import { groupCommit } from './group-commit';


const SELECT_MESSAGE = `
  SELECT m.id, m.sender, m.destination, m.message, m.sent_by AS sentBy, m.sent_at AS sentAt,
         m.expires_at AS expiresAt, s.name AS senderName, s.kind AS senderKind,
         d.name AS destinationName, d.kind AS destinationKind,
         m.sender_detached AS senderDetached, m.destination_detached AS destinationDetached
  FROM messages m
  LEFT JOIN offices s ON s.number = m.sender
  LEFT JOIN offices d ON d.number = m.destination`;

const SELECT_FILES = `
  SELECT id, position, name, size, category, sha256, downloaded_at AS downloadedAt
  FROM message_files WHERE message_id = ? ORDER BY position`;

/** The ids come as one JSON array parameter, so the statement is the same for any count. */
const SELECT_FILES_OF_MANY = `
  SELECT message_id AS messageId, id, position, name, size, category, sha256, downloaded_at AS downloadedAt
  FROM message_files WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY message_id, position`;

/** A mailbox is listed whole; the cap only guards the response size should retention be set very long. */
const LIST_LIMIT = 2000;

export function sqliteMessages(db: Db): MessageRepository {
  // every statement is prepared once, here: preparing is a parse and plan each time
  const selectOne = db.prepare<[string], MessageRow>(`${SELECT_MESSAGE} WHERE m.id = ?`);
  const selectBox = {
    sent: db.prepare<[string, number], MessageRow>(`${SELECT_MESSAGE} WHERE m.sender = ? AND m.sender_detached = 0 ORDER BY m.sent_at DESC, m.id LIMIT ?`),
    received: db.prepare<[string, number], MessageRow>(
      `${SELECT_MESSAGE} WHERE m.destination = ? AND m.destination_detached = 0 ORDER BY m.sent_at DESC, m.id LIMIT ?`,
    ),
  } satisfies Record<Box, unknown>;
  const filesOf = db.prepare<[string], FileRecord>(SELECT_FILES);
  const filesOfMany = db.prepare<[string], FileRecord & { messageId: string }>(SELECT_FILES_OF_MANY);
  const findKey = db.prepare<[string, string], IdempotencyRecord>(
    'SELECT message_id AS messageId, request_hash AS requestHash FROM idempotency WHERE office_number = ? AND key = ?',
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, sender, destination, message, sent_by, sent_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFile = db.prepare(
    `INSERT INTO message_files (id, message_id, position, name, size, category, sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertKey = db.prepare(
    'INSERT INTO idempotency (office_number, key, request_hash, message_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const markDownloaded = db.prepare(
    'UPDATE message_files SET downloaded_at = ? WHERE id = ? AND message_id = ? AND downloaded_at IS NULL',
  );
  const expired = db.prepare<[string], { id: string }>('SELECT id FROM messages WHERE expires_at <= ?');
  const deleteOne = db.prepare('DELETE FROM messages WHERE id = ?');
  const exists = db.prepare('SELECT 1 FROM messages WHERE id = ?');
  const writeAudit = auditWriter(db);


  /** The files of many messages in one query instead of one query per message. */
  function withFiles(rows: MessageRow[]): MessageRecord[] {
    const byMessage = new Map<string, FileRecord[]>(rows.map((r) => [r.id, []]));
    if (rows.length > 0) {
      for (const { messageId, ...file } of filesOfMany.all(JSON.stringify(rows.map((r) => r.id)))) {
        byMessage.get(messageId)?.push(file);
      }
    }
    return rows.map((row) => messageRecordFromRow(row, byMessage.get(row.id)!));
  }

  const insertSend = groupCommit(db, (send: NewSend) => {
    const { message: m, files, idempotency, audit } = send;
    const existing = findKey.get(m.sender, idempotency.key);
    if (existing) return { outcome: 'exists' as const, ...existing };
    insertMessage.run(m.id, m.sender, m.destination, m.message, m.sentBy, m.sentAt, m.expiresAt);
    for (const f of files) insertFile.run(f.id, m.id, f.position, f.name, f.size, f.category, f.sha256);
    insertKey.run(m.sender, idempotency.key, idempotency.requestHash, m.id, m.sentAt);
    if (audit) writeAudit(audit);
    return { outcome: 'inserted' as const };
  });
  const deleteMany = db.transaction((ids: readonly string[]) => ids.reduce((n, id) => n + deleteOne.run(id).changes, 0));


  return {
    async findIdempotent(officeNumber, key) {
      return findKey.get(officeNumber, key) ?? null;
    },
    insertSend,
    async get(id) {
      const row = selectOne.get(id);
      return row ? messageRecordFromRow(row, filesOf.all(row.id)) : null;
    },
    async list(box: Box, officeNumber) {
      return withFiles(selectBox[box].all(officeNumber, LIST_LIMIT));
    },
    async markDownloaded(messageId, fileId, atIso) {
      return markDownloaded.run(atIso, fileId, messageId).changes > 0;
    },
    async expiredIds(nowIso) {
      return expired.all(nowIso).map((r) => r.id);
    },
    async deleteMany(ids) {
      return deleteMany.immediate(ids);
    },
    async existingIds(ids) {
      return new Set(ids.filter((id) => exists.get(id)));
    },
  };
}
