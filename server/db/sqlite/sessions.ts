// Sessions in SQLite: only a SHA-256 of the cookie token is kept, so a copy of the database opens no session.
import type { Db } from './connection';
import type { SessionRecord, SessionRepository } from '../types';

export function sqliteSessions(db: Db): SessionRepository {
  // prepared once: every API request reads its session
  const insert = db.prepare(
    `INSERT INTO sessions (token_hash, user_id, office_number, office_user_id, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<[string], SessionRecord>(
    `SELECT token_hash AS tokenHash, user_id AS userId, office_number AS officeNumber,
            office_user_id AS officeUserId, created_at AS createdAt, expires_at AS expiresAt
     FROM sessions WHERE token_hash = ?`,
  );
  const setOffice = db.prepare('UPDATE sessions SET office_number = ?, office_user_id = ? WHERE token_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  return {
    async create(s) {
      insert.run(s.tokenHash, s.userId, s.officeNumber, s.officeUserId, s.createdAt, s.expiresAt);
    },
    async get(tokenHash) {
      return select.get(tokenHash) ?? null;
    },
    async setOffice(tokenHash, officeNumber, officeUserId) {
      setOffice.run(officeNumber, officeUserId, tokenHash);
    },
    async delete(tokenHash) {
      remove.run(tokenHash);
    },
    async deleteForUser(userId) {
      return removeForUser.run(userId).changes;
    },
    async deleteExpired(nowIso) {
      return removeExpired.run(nowIso).changes;
    },
  };
}
