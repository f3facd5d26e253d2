// Sessions in SQLite: only a SHA-256 of the cookie token is kept, so a copy of the database opens no session.
import type { Db } from './connection';
import type { SessionRecord, SessionRepository } from '../types';

const COLUMNS = 'token_hash, user_id, office_number, office_user_id, created_at, expires_at';

export function sqliteSessions(db: Db): SessionRepository {
  // prepared once: every API request reads its session
  const insertIfPassword = db.prepare(
    `INSERT INTO sessions (${COLUMNS}) SELECT ?, ?, ?, ?, ?, ?
     WHERE EXISTS (SELECT 1 FROM people WHERE user_id = ? AND password_hash = ?)`,
  );
  const insertIfOffice = db.prepare(
    `INSERT INTO sessions (${COLUMNS}) SELECT ?, ?, ?, ?, ?, ?
     WHERE EXISTS (SELECT 1 FROM sessions WHERE token_hash = ? AND user_id = ?)
       AND EXISTS (SELECT 1 FROM office_users WHERE office_user_id = ? AND office_number = ? AND password_hash = ?)
       AND EXISTS (SELECT 1 FROM person_offices WHERE user_id = ? AND office_number = ?)`,
  );
  const select = db.prepare<[string], SessionRecord>(
    `SELECT token_hash AS tokenHash, user_id AS userId, office_number AS officeNumber,
            office_user_id AS officeUserId, created_at AS createdAt, expires_at AS expiresAt
     FROM sessions WHERE token_hash = ?`,
  );
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  const values = (s: SessionRecord) => [s.tokenHash, s.userId, s.officeNumber, s.officeUserId, s.createdAt, s.expiresAt] as const;

  const upgrade = db.transaction((oldTokenHash: string, next: SessionRecord, passwordHash: string) => {
    const inserted = insertIfOffice.run(
      ...values(next),
      oldTokenHash,
      next.userId,
      next.officeUserId,
      next.officeNumber,
      passwordHash,
      next.userId,
      next.officeNumber,
    ).changes;
    if (inserted === 0) return false;
    remove.run(oldTokenHash);
    return true;
  });
  return {
    async create(s, proof) {
      return insertIfPassword.run(...values(s), s.userId, proof.passwordHash).changes > 0;
    },
    async get(tokenHash) {
      return select.get(tokenHash) ?? null;
    },
    async upgradeToOffice(oldTokenHash, next, proof) {
      return upgrade.immediate(oldTokenHash, next, proof.passwordHash);
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
