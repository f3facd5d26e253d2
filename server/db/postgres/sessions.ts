// Sessions in PostgreSQL: only a SHA-256 of the cookie token is kept, so a copy of the database opens no session.
import type { SessionRecord, SessionRepository } from '../types';
import { inTransaction, iso, type Pool } from './pool';

const INSERT = 'INSERT INTO sessions (token_hash, user_id, office_number, office_user_id, created_at, expires_at) SELECT $1::text, $2::text, $3::text, $4::text, $5::timestamptz, $6::timestamptz';
const values = (s: SessionRecord) => [s.tokenHash, s.userId, s.officeNumber, s.officeUserId, s.createdAt, s.expiresAt];

interface SessionRow extends Omit<SessionRecord, 'createdAt' | 'expiresAt'> {
  createdAt: Date;
  expiresAt: Date;
}

export function pgSessions(pool: Pool): SessionRepository {
  return {
    async create(s, proof) {
      const result = await pool.query(`${INSERT} WHERE EXISTS (SELECT 1 FROM people WHERE user_id = $2 AND password_hash = $7)`, [
        ...values(s),
        proof.passwordHash,
      ]);
      return (result.rowCount ?? 0) > 0;
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
    async upgradeToOffice(oldTokenHash, next, proof) {
      return inTransaction(pool, async (client) => {
        const result = await client.query(
          `${INSERT}
           WHERE EXISTS (SELECT 1 FROM sessions WHERE token_hash = $7 AND user_id = $2)
             AND EXISTS (SELECT 1 FROM office_users WHERE office_user_id = $4 AND office_number = $3 AND password_hash = $8)
             AND EXISTS (SELECT 1 FROM person_offices WHERE user_id = $2 AND office_number = $3)`,
          [...values(next), oldTokenHash, proof.passwordHash],
        );
        if ((result.rowCount ?? 0) === 0) return false;
        await client.query('DELETE FROM sessions WHERE token_hash = $1', [oldTokenHash]);
        return true;
      });
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
