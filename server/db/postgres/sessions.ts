// Sessions in PostgreSQL: only a SHA-256 of the cookie token is kept, so a copy of the database opens no session.
import type { SessionRecord, SessionRepository } from '../types';
import { iso, type Pool } from './pool';

interface SessionRow extends Omit<SessionRecord, 'createdAt' | 'expiresAt'> {
  createdAt: Date;
  expiresAt: Date;
}

export function pgSessions(pool: Pool): SessionRepository {
  return {
    async create(s) {
      await pool.query(
        `INSERT INTO sessions (token_hash, user_id, office_number, office_user_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [s.tokenHash, s.userId, s.officeNumber, s.officeUserId, s.createdAt, s.expiresAt],
      );
    },
    async get(tokenHash) {
      const { rows } = await pool.query<SessionRow>(
        `SELECT token_hash AS "tokenHash", user_id AS "userId", office_number AS "officeNumber",
                office_user_id AS "officeUserId", created_at AS "createdAt", expires_at AS "expiresAt"
         FROM sessions WHERE token_hash = $1`,
        [tokenHash],
      );
      const row = rows[0];
      return row ? { ...row, createdAt: iso(row.createdAt), expiresAt: iso(row.expiresAt) } : null;
    },
    async setOffice(tokenHash, officeNumber, officeUserId) {
      await pool.query('UPDATE sessions SET office_number = $1, office_user_id = $2 WHERE token_hash = $3', [
        officeNumber,
        officeUserId,
        tokenHash,
      ]);
    },
    async delete(tokenHash) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async deleteForUser(userId) {
      const result = await pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
      return result.rowCount ?? 0;
    },
    async deleteExpired(nowIso) {
      const result = await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [nowIso]);
      return result.rowCount ?? 0;
    },
  };
}
