// Messages, their files and idempotency keys in PostgreSQL.
import type { FileCategory } from '../../../src/domain/contract';
import type { FileRecord, IdempotencyRecord, InsertSendResult, MessageRecord, MessageRepository, NewSend, TransferLogRecord } from '../types';
import { derivedColumns, pageQuery, POSTGRES_DIALECT, UNREAD } from '../mailbox-sql';
import { messageRecordFromRow, type MessageRow as StoredMessageRow } from '../message-rows';
import { writeAudit } from './audit';
import { writeContents } from './contents';
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
         m.expires_at AS "expiresAt", m.withdrawn_at AS "withdrawnAt", s.name AS "senderName", s.kind AS "senderKind",
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

/** A page in one round trip: each message with its files as JSON (times as the interfaces' ISO strings). */
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const SELECT_PAGE = SELECT_MESSAGE.replace(
  'FROM messages m',
  `, COALESCE((SELECT json_agg(json_build_object('id', f.id, 'position', f.position, 'name', f.name, 'size', f.size,
                 'category', f.category, 'sha256', f.sha256, 'downloadedAt', ${ISO('f.downloaded_at')}) ORDER BY f.position)
               FROM message_files f WHERE f.message_id = m.id), '[]') AS files
  FROM messages m`,
);

const SELECT_RECORDS = `
  SELECT message_id AS "messageId", file_id AS "fileId", position, sender, destination, sender_name AS "senderName",
         destination_name AS "destinationName", sent_by AS "sentBy", sent_at AS "sentAt", name, category, size, sha256,
         downloaded_at AS "downloadedAt", withdrawn_at AS "withdrawnAt"
  FROM transfer_log
  WHERE ((sender = $1 AND NOT sender_detached) OR (destination = $1 AND NOT destination_detached))
    AND sent_at >= $2::timestamptz AND sent_at < $3::timestamptz
  ORDER BY sent_at, message_id COLLATE "C", position`;

type RecordRow = Omit<TransferLogRecord, 'sentAt' | 'downloadedAt' | 'withdrawnAt'> & {
  sentAt: Date;
  downloadedAt: Date | null;
  withdrawnAt: Date | null;
};

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
      messageRecordFromRow(
        { ...row, sentAt: iso(row.sentAt), expiresAt: iso(row.expiresAt), withdrawnAt: isoOrNull(row.withdrawnAt) },
        byMessage.get(row.id) ?? [],
      ),
    );
  }

  async function findKey(officeNumber: string, key: string): Promise<IdempotencyRecord | null> {
    const { rows } = await pool.query<IdempotencyRecord>(SELECT_KEY, [officeNumber, key]);
    return rows[0] ?? null;
  }

  /** One attempt: the whole send, or KeyTaken (rolled back) when the key is someone else's. */
  function tryInsert(send: NewSend): Promise<void> {
    const { message: m, files, idempotency, audit, contents } = send;
    return inTransaction(pool, async (client) => {
      const derived = derivedColumns(m.message, files.map((f) => f.name));
      await client.query(
        `INSERT INTO messages (id, sender, destination, message, sent_by, sent_at, expires_at, pending_files, kinds, months, search_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [m.id, m.sender, m.destination, m.message, m.sentBy, m.sentAt, m.expiresAt, files.length, derived.kinds, derived.months, derived.searchText],
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
      await client.query(
        `INSERT INTO transfer_log (file_id, message_id, position, sender, destination, sender_name, destination_name,
                                   sent_by, sent_at, name, category, size, sha256)
         SELECT f.id, $1, f.position, $2, $3, COALESCE((SELECT name FROM offices WHERE number = $2), ''),
                COALESCE((SELECT name FROM offices WHERE number = $3), ''), $4, $5, f.name, f.category, f.size, f.sha256
         FROM message_files f WHERE f.message_id = $1`,
        [m.id, m.sender, m.destination, m.sentBy, m.sentAt],
      );
      // the bytes in the same commit as their rows: no file without its message, nor the reverse
      if (contents) await writeContents(client, contents);
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
    async page(request) {
      const { sql, params } = pageQuery(SELECT_PAGE, request, POSTGRES_DIALECT);
      const { rows } = await pool.query<MessageRow & { files: FileRecord[] }>(sql, params);
      const more = rows.length > request.limit;
      const records = (more ? rows.slice(0, request.limit) : rows).map(({ files, ...row }) =>
        messageRecordFromRow({ ...row, sentAt: iso(row.sentAt), expiresAt: iso(row.expiresAt), withdrawnAt: isoOrNull(row.withdrawnAt) }, files),
      );
      return { records, more };
    },
    async counts(officeNumber, nowIso, soonIso) {
      // one round trip: both boxes read their partial index (messages_unread_received / _sent)
      const { rows } = await pool.query<{ unread: number; expiring: number; newest: Date | null; sent: number }>(
        `SELECT r.unread, r.expiring, r.newest,
                (SELECT COUNT(*)::int FROM messages m
                 WHERE m.sender = $2 AND ${UNREAD} AND NOT m.sender_detached AND m.expires_at > $3::timestamptz
                   AND m.expires_at <= $1::timestamptz) AS sent
         FROM (SELECT COUNT(*)::int AS unread, COUNT(*) FILTER (WHERE m.expires_at <= $1::timestamptz)::int AS expiring,
                      MAX(m.sent_at) AS newest
               FROM messages m
               WHERE m.destination = $2 AND ${UNREAD} AND NOT m.destination_detached AND m.expires_at > $3::timestamptz) r`,
        [soonIso, officeNumber, nowIso],
      );
      const r = rows[0]!;
      return { unread: r.unread, expiringReceived: r.expiring, expiringSent: r.sent, newestUnreadAt: isoOrNull(r.newest) };
    },
    markDownloaded(messageId, fileId, atIso) {
      // the message row is locked first, as 送信取消 locks it: one of the two wins, never both
      return inTransaction(pool, async (client) => {
        const message = await client.query<{ withdrawn: boolean }>(
          'SELECT withdrawn_at IS NOT NULL AS withdrawn FROM messages WHERE id = $1 FOR UPDATE',
          [messageId],
        );
        if (message.rows[0]?.withdrawn) return 'withdrawn' as const;
        const marked = await client.query(
          'UPDATE message_files SET downloaded_at = $1 WHERE id = $2 AND message_id = $3 AND downloaded_at IS NULL',
          [atIso, fileId, messageId],
        );
        if ((marked.rowCount ?? 0) === 0) return 'again' as const;
        await client.query(
          'UPDATE messages SET pending_files = pending_files - 1, first_download_at = COALESCE(first_download_at, $1) WHERE id = $2',
          [atIso, messageId],
        );
        await client.query('UPDATE transfer_log SET downloaded_at = $1 WHERE file_id = $2', [atIso, fileId]);
        return 'first' as const;
      });
    },
    withdraw(messageId, senderOffice, atIso, by) {
      return inTransaction(pool, async (client) => {
        // a download holding the row lock is waited for; the conditions are then read again
        const done = await client.query(
          `UPDATE messages SET withdrawn_at = $1, withdrawn_by = $2
           WHERE id = $3 AND sender = $4 AND withdrawn_at IS NULL AND first_download_at IS NULL`,
          [atIso, by, messageId, senderOffice],
        );
        if ((done.rowCount ?? 0) > 0) {
          await client.query('UPDATE transfer_log SET withdrawn_at = $1 WHERE message_id = $2', [atIso, messageId]);
          return 'withdrawn' as const;
        }
        const { rows } = await client.query<{ withdrawn: boolean }>(
          'SELECT withdrawn_at IS NOT NULL AS withdrawn FROM messages WHERE id = $1 AND sender = $2',
          [messageId, senderOffice],
        );
        if (!rows[0]) return 'not-found' as const;
        return rows[0].withdrawn ? ('already-withdrawn' as const) : ('downloaded' as const);
      });
    },
    async records(officeNumber, fromIso, toIso) {
      const { rows } = await pool.query<RecordRow>(SELECT_RECORDS, [officeNumber, fromIso, toIso]);
      return rows.map((r) => ({ ...r, sentAt: iso(r.sentAt), downloadedAt: isoOrNull(r.downloadedAt), withdrawnAt: isoOrNull(r.withdrawnAt) }));
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
