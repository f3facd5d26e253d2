// Messages, their files and idempotency keys in SQLite.
import type { Db } from './connection';
import type { FileRecord, IdempotencyRecord, InsertSendResult, MessageRecord, MessageRepository, NewSend, TransferLogRecord } from '../types';
import { pageQuery, SQLITE_DIALECT, UNREAD } from '../mailbox-sql';
import { messageRecordFromRow, type MessageRow } from '../message-rows';
import type { SqliteWriter } from './writer';

const SELECT_MESSAGE = `
  SELECT m.id, m.sender, m.destination, m.message, m.sent_by AS sentBy, m.sent_at AS sentAt,
         m.expires_at AS expiresAt, m.withdrawn_at AS withdrawnAt, s.name AS senderName, s.kind AS senderKind,
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

const SELECT_RECORDS = `
  SELECT message_id AS messageId, file_id AS fileId, position, sender, destination, sender_name AS senderName,
         destination_name AS destinationName, sent_by AS sentBy, sent_at AS sentAt, name, category, size, sha256,
         downloaded_at AS downloadedAt, withdrawn_at AS withdrawnAt
  FROM transfer_log
  WHERE ((sender = ? AND NOT sender_detached) OR (destination = ? AND NOT destination_detached)) AND sent_at >= ? AND sent_at < ?
  ORDER BY sent_at, message_id, position`;

/** `sends`: the write worker that commits sends (writer.ts); everything else uses `db`. */
export function sqliteMessages(db: Db, sends: SqliteWriter<NewSend, InsertSendResult>): MessageRepository {
  // every statement is prepared once, here: preparing is a parse and plan each time
  const selectOne = db.prepare<[string], MessageRow>(`${SELECT_MESSAGE} WHERE m.id = ?`);
  // a page's statement depends on which filters are set: each shape is prepared once
  const pageStatements = new Map<string, ReturnType<typeof db.prepare<unknown[], MessageRow>>>();
  const prepared = (sql: string) => {
    let stmt = pageStatements.get(sql);
    if (!stmt) pageStatements.set(sql, (stmt = db.prepare<unknown[], MessageRow>(sql)));
    return stmt;
  };
  const receivedCounts = db.prepare<[string, string, string], { unread: number; expiring: number; newest: string | null }>(
    `SELECT COUNT(*) AS unread, COALESCE(SUM(CASE WHEN m.expires_at <= ? THEN 1 ELSE 0 END), 0) AS expiring,
            MAX(m.sent_at) AS newest
     FROM messages m WHERE m.destination = ? AND ${UNREAD} AND NOT m.destination_detached AND m.expires_at > ?`,
  );
  const sentExpiring = db.prepare<[string, string, string], { n: number }>(
    `SELECT COUNT(*) AS n FROM messages m
     WHERE m.sender = ? AND ${UNREAD} AND NOT m.sender_detached AND m.expires_at > ? AND m.expires_at <= ?`,
  );
  const records = db.prepare<[string, string, string, string], TransferLogRecord>(SELECT_RECORDS);
  const filesOf = db.prepare<[string], FileRecord>(SELECT_FILES);
  const filesOfMany = db.prepare<[string], FileRecord & { messageId: string }>(SELECT_FILES_OF_MANY);
  const findKey = db.prepare<[string, string], IdempotencyRecord>(
    'SELECT message_id AS messageId, request_hash AS requestHash FROM idempotency WHERE office_number = ? AND key = ?',
  );
  const markFile = db.prepare(
    'UPDATE message_files SET downloaded_at = ? WHERE id = ? AND message_id = ? AND downloaded_at IS NULL',
  );
  const withdrawnAt = db.prepare<[string], { withdrawnAt: string | null }>('SELECT withdrawn_at AS withdrawnAt FROM messages WHERE id = ?');
  const countDownload = db.prepare(
    'UPDATE messages SET pending_files = pending_files - 1, first_download_at = COALESCE(first_download_at, ?) WHERE id = ?',
  );
  const logDownload = db.prepare('UPDATE transfer_log SET downloaded_at = ? WHERE file_id = ?');
  const withdrawIfUntouched = db.prepare(
    `UPDATE messages SET withdrawn_at = ?, withdrawn_by = ?
     WHERE id = ? AND sender = ? AND withdrawn_at IS NULL AND first_download_at IS NULL`,
  );
  const withdrawState = db.prepare<[string, string], { withdrawnAt: string | null; firstDownloadAt: string | null }>(
    'SELECT withdrawn_at AS withdrawnAt, first_download_at AS firstDownloadAt FROM messages WHERE id = ? AND sender = ?',
  );
  const logWithdrawal = db.prepare('UPDATE transfer_log SET withdrawn_at = ? WHERE message_id = ?');
  const expired = db.prepare<[string], { id: string }>('SELECT id FROM messages WHERE expires_at <= ?');
  const deleteOne = db.prepare('DELETE FROM messages WHERE id = ?');
  const exists = db.prepare('SELECT 1 FROM messages WHERE id = ?');


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

  const download = db.transaction((messageId: string, fileId: string, atIso: string) => {
    if (withdrawnAt.get(messageId)?.withdrawnAt) return 'withdrawn' as const;
    if (markFile.run(atIso, fileId, messageId).changes === 0) return 'again' as const;
    countDownload.run(atIso, messageId);
    logDownload.run(atIso, fileId);
    return 'first' as const;
  });
  const withdraw = db.transaction((messageId: string, sender: string, atIso: string, by: string) => {
    if (withdrawIfUntouched.run(atIso, by, messageId, sender).changes > 0) {
      logWithdrawal.run(atIso, messageId);
      return 'withdrawn' as const;
    }
    const state = withdrawState.get(messageId, sender);
    if (!state) return 'not-found' as const;
    return state.withdrawnAt ? ('already-withdrawn' as const) : ('downloaded' as const);
  });
  const deleteMany = db.transaction((ids: readonly string[]) => ids.reduce((n, id) => n + deleteOne.run(id).changes, 0));


  return {
    async findIdempotent(officeNumber, key) {
      return findKey.get(officeNumber, key) ?? null;
    },
    insertSend: (send) => sends.write(send),
    async get(id) {
      const row = selectOne.get(id);
      return row ? messageRecordFromRow(row, filesOf.all(row.id)) : null;
    },
    async page(request) {
      const { sql, params } = pageQuery(SELECT_MESSAGE, request, SQLITE_DIALECT);
      const rows = prepared(sql).all(...params);
      const more = rows.length > request.limit;
      return { records: withFiles(more ? rows.slice(0, request.limit) : rows), more };
    },
    async counts(officeNumber, nowIso, soonIso) {
      const received = receivedCounts.get(soonIso, officeNumber, nowIso)!;
      return {
        unread: received.unread,
        expiringReceived: received.expiring,
        expiringSent: sentExpiring.get(officeNumber, nowIso, soonIso)!.n,
        newestUnreadAt: received.newest,
      };
    },
    async markDownloaded(messageId, fileId, atIso) {
      // IMMEDIATE: it reads before it writes, and the write worker commits on its own connection
      // meanwhile; a deferred transaction could then not upgrade ("database is locked", no wait)
      return download.immediate(messageId, fileId, atIso);
    },
    async withdraw(messageId, senderOffice, atIso, by) {
      return withdraw.immediate(messageId, senderOffice, atIso, by);
    },
    async records(officeNumber, fromIso, toIso) {
      return records.all(officeNumber, officeNumber, fromIso, toIso);
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
