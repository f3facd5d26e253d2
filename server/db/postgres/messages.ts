// Messages, their files and idempotency keys in PostgreSQL.
import type { Box, FileCategory } from '../../../src/domain/contract';
import type { FileRecord, IdempotencyRecord, InsertSendResult, MessageRecord, MessageRepository, NewSend } from '../types';
import { messageRecordFromRow, type MessageRow as StoredMessageRow } from '../message-rows';
import { writeAudit } from './audit';
import { inTransaction, iso, isoOrNull, type Pool } from './pool';

type MessageRow = StoredMessageRow<Date>;

interface FileRow {
  messageId: string;
  id: string;
  position: number;
  name: string;
  size: number;
  category: FileCategory;
  sha256: string;
  downloadedAt: Date | null;
}

const SELECT_MESSAGE = `
  SELECT m.id, m.sender, m.destination, m.message, m.sent_by AS "sentBy", m.sent_at AS "sentAt",
         m.expires_at AS "expiresAt", s.name AS "senderName", s.kind AS "senderKind",
         d.name AS "destinationName", d.kind AS "destinationKind",
         m.sender_detached AS "senderDetached", m.destination_detached AS "destinationDetached"
  FROM messages m
  LEFT JOIN offices s ON s.number = m.sender
  LEFT JOIN offices d ON d.number = m.destination`;

/** Files of many messages in one round trip. */
const SELECT_FILES = `
  SELECT message_id AS "messageId", id, position, name, size, category, sha256, downloaded_at AS "downloadedAt"
  FROM message_files WHERE message_id = ANY($1::text[]) ORDER BY message_id, position`;

const SELECT_KEY = `
  SELECT message_id AS "messageId", request_hash AS "requestHash"
  FROM idempotency WHERE office_number = $1 AND key = $2`;

/** A mailbox is listed whole; the cap only guards the response size should retention be set very long. */
const LIST_LIMIT = 2000;

/** Thrown inside the send transaction to roll it back when another request already holds the key. */
class KeyTaken extends Error {}

export function pgMessages(pool: Pool): MessageRepository {
  async function withFiles(rows: MessageRow[]): Promise<MessageRecord[]> {
    if (rows.length === 0) return [];
    const files = await pool.query<FileRow>(SELECT_FILES, [rows.map((r) => r.id)]);
    const byMessage = new Map<string, FileRecord[]>();
    for (const { messageId, downloadedAt, ...f } of files.rows) {
      const list = byMessage.get(messageId) ?? [];
      list.push({ ...f, downloadedAt: isoOrNull(downloadedAt) });
      byMessage.set(messageId, list);
    }
    return rows.map((row) =>
      messageRecordFromRow({ ...row, sentAt: iso(row.sentAt), expiresAt: iso(row.expiresAt) }, byMessage.get(row.id) ?? []),
    );

  }

  async function findKey(officeNumber: string, key: string): Promise<IdempotencyRecord | null> {
    const { rows } = await pool.query<IdempotencyRecord>(SELECT_KEY, [officeNumber, key]);
    return rows[0] ?? null;
  }

  /** One attempt: the whole send, or KeyTaken (rolled back) when the key is someone else's. */
  function tryInsert(send: NewSend): Promise<void> {
    const { message: m, files, idempotency, audit } = send;
    return inTransaction(pool, async (client) => {
      await client.query(
        `INSERT INTO messages (id, sender, destination, message, sent_by, sent_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [m.id, m.sender, m.destination, m.message, m.sentBy, m.sentAt, m.expiresAt],
      );
      await client.query(
        `INSERT INTO message_files (message_id, id, position, name, size, category, sha256)
         SELECT $1::text, * FROM unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[])`,
        [
          m.id,
          files.map((f) => f.id),
          files.map((f) => f.position),
          files.map((f) => f.name),
          files.map((f) => f.size),
          files.map((f) => f.category),
          files.map((f) => f.sha256),
        ],
      );
      // Last, so the unique key is held for the shortest time. A concurrent retry with the same key
      // waits here on the first one's uncommitted row, then finds it taken: one message, not two.
      const claimed = await client.query(
        `INSERT INTO idempotency (office_number, key, request_hash, message_id, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (office_number, key) DO NOTHING`,
        [m.sender, idempotency.key, idempotency.requestHash, m.id, m.sentAt],
      );
      if (claimed.rowCount === 0) throw new KeyTaken();
      if (audit) await writeAudit(client, audit);
    });
  }

  return {
    findIdempotent: findKey,
    async insertSend(send): Promise<InsertSendResult> {
      // The holder of the key may delete its message (retention) between our conflict and our read;
      // then the key is free again and the next attempt inserts.
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await tryInsert(send);
          return { outcome: 'inserted' };
        } catch (err) {
          if (!(err instanceof KeyTaken)) throw err;
        }
        const existing = await findKey(send.message.sender, send.idempotency.key);
        if (existing) return { outcome: 'exists', ...existing };
      }
      throw new Error('idempotency key kept changing hands');
    },
    async get(id) {
      const { rows } = await pool.query<MessageRow>(`${SELECT_MESSAGE} WHERE m.id = $1`, [id]);
      const [record] = await withFiles(rows);
      return record ?? null;
    },
    async list(box: Box, officeNumber) {
      const where = box === 'sent' ? 'm.sender = $1 AND NOT m.sender_detached' : 'm.destination = $1 AND NOT m.destination_detached';
      const { rows } = await pool.query<MessageRow>(
        `${SELECT_MESSAGE} WHERE ${where} ORDER BY m.sent_at DESC, m.id COLLATE "C" LIMIT $2`,
        [officeNumber, LIST_LIMIT],
      );
      return withFiles(rows);
    },
    async markDownloaded(messageId, fileId, atIso) {
      // a concurrent second download waits on the row lock, re-checks IS NULL and changes nothing
      const result = await pool.query(
        'UPDATE message_files SET downloaded_at = $1 WHERE id = $2 AND message_id = $3 AND downloaded_at IS NULL',
        [atIso, fileId, messageId],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async expiredIds(nowIso) {
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM messages WHERE expires_at <= $1', [nowIso]);
      return rows.map((r) => r.id);
    },
    async deleteMany(ids) {
      if (ids.length === 0) return 0;
      // files and idempotency keys go with their message (ON DELETE CASCADE)
      const result = await pool.query('DELETE FROM messages WHERE id = ANY($1::text[])', [[...ids]]);
      return result.rowCount ?? 0;
    },
    async existingIds(ids) {
      if (ids.length === 0) return new Set();
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM messages WHERE id = ANY($1::text[])', [[...ids]]);
      return new Set(rows.map((r) => r.id));
    },
  };
}
