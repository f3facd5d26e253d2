// Offices, people, their links and office users, in PostgreSQL.
import type { Office } from '../../../src/domain/contract';
import type { OfficeRepository, OfficeUserRecord, OfficeUserRepository, PeopleRepository, PersonRecord } from '../types';
import type { Pool } from './pool';

const nowIso = () => new Date().toISOString();

export function pgOffices(pool: Pool): OfficeRepository {
  return {
    async get(number) {
      const { rows } = await pool.query<Office>('SELECT number, name, kind FROM offices WHERE number = $1', [number]);
      return rows[0] ?? null;
    },
    async find(numbers) {
      const wanted = [...new Set(numbers)];
      if (wanted.length === 0) return [];
      const { rows } = await pool.query<Office>('SELECT number, name, kind FROM offices WHERE number = ANY($1::text[])', [wanted]);
      const byNumber = new Map(rows.map((o) => [o.number, o]));
      return wanted.flatMap((n) => byNumber.get(n) ?? []);
    },
    async list() {
      // "C": byte order whatever the database's locale, as in SQLite
      const { rows } = await pool.query<Office>('SELECT number, name, kind FROM offices ORDER BY number COLLATE "C"');
      return rows;
    },
    async upsert(o) {
      await pool.query(
        `INSERT INTO offices (number, name, kind, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (number) DO UPDATE SET name = excluded.name, kind = excluded.kind`,
        [o.number, o.name, o.kind, nowIso()],
      );
    },
    async remove(number) {
      const result = await pool.query('DELETE FROM offices WHERE number = $1', [number]);
      return (result.rowCount ?? 0) > 0;
    },
    async count() {
      const { rows } = await pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM offices');
      return rows[0]?.n ?? 0;
    },
  };
}

export function pgPeople(pool: Pool): PeopleRepository {
  return {
    async get(userId) {
      const { rows } = await pool.query<PersonRecord>(
        'SELECT user_id AS "userId", name, password_hash AS "passwordHash" FROM people WHERE user_id = $1',
        [userId],
      );
      return rows[0] ?? null;
    },
    async upsert(p) {
      await pool.query(
        `INSERT INTO people (user_id, name, password_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, password_hash = excluded.password_hash`,
        [p.userId, p.name, p.passwordHash, nowIso()],
      );
    },
    async linkOffice(userId, officeNumber) {
      await pool.query('INSERT INTO person_offices (user_id, office_number) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        userId,
        officeNumber,
      ]);
    },
    async isLinked(userId, officeNumber) {
      const { rowCount } = await pool.query('SELECT 1 FROM person_offices WHERE user_id = $1 AND office_number = $2', [
        userId,
        officeNumber,
      ]);
      return (rowCount ?? 0) > 0;
    },
  };
}

export function pgOfficeUsers(pool: Pool): OfficeUserRepository {
  return {
    async get(officeUserId) {
      const { rows } = await pool.query<OfficeUserRecord>(
        `SELECT office_user_id AS "officeUserId", office_number AS "officeNumber", password_hash AS "passwordHash"
         FROM office_users WHERE office_user_id = $1`,
        [officeUserId],
      );
      return rows[0] ?? null;
    },
    async upsert(u) {
      await pool.query(
        `INSERT INTO office_users (office_user_id, office_number, password_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (office_user_id) DO UPDATE SET office_number = excluded.office_number, password_hash = excluded.password_hash`,
        [u.officeUserId, u.officeNumber, u.passwordHash, nowIso()],
      );
    },
  };
}
