// Offices, people, their links and office users, in PostgreSQL. A change that takes a right away
// ends the sessions relying on it in the same transaction (see types.ts).
import type { Office } from '../../../src/domain/contract';
import { isNumberPrefix, searchKey } from '../../../src/domain/mailbox';
import type { OfficeRepository, OfficeUserRecord, OfficeUserRepository, PeopleRepository, PersonListing, PersonRecord } from '../types';
import { inTransaction, type Pool } from './pool';

const nowIso = () => new Date().toISOString();

const UPSERT_OFFICE = `INSERT INTO offices (number, name, kind, created_at, name_key) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (number) DO UPDATE SET name = excluded.name, kind = excluded.kind, name_key = excluded.name_key`;

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
      await pool.query(UPSERT_OFFICE, [o.number, o.name, o.kind, nowIso(), searchKey(o.name)]);
    },
    async upsertMany(offices) {
      const at = nowIso();
      await inTransaction(pool, async (client) => {
        for (const o of offices) await client.query(UPSERT_OFFICE, [o.number, o.name, o.kind, at, searchKey(o.name)]);
      });
    },
    async search(query, limit) {
      const { rows } = isNumberPrefix(query)
        ? await pool.query<Office>('SELECT number, name, kind FROM offices WHERE number LIKE $1 ORDER BY number COLLATE "C" LIMIT $2', [
            `${query.toUpperCase()}%`,
            limit,
          ])
        : await pool.query<Office>('SELECT number, name, kind FROM offices WHERE strpos(name_key, $1) > 0 ORDER BY number COLLATE "C" LIMIT $2', [
            searchKey(query),
            limit,
          ]);
      return rows;
    },
    async remove(number) {
      return inTransaction(pool, async (client) => {
        const result = await client.query('DELETE FROM offices WHERE number = $1', [number]);
        if ((result.rowCount ?? 0) === 0) return false;
        await client.query('UPDATE messages SET sender_detached = true WHERE sender = $1', [number]);
        await client.query('UPDATE messages SET destination_detached = true WHERE destination = $1', [number]);
        // the 送受信記録 was that office's too: a new office under the number starts without it
        await client.query('UPDATE transfer_log SET sender_detached = true WHERE sender = $1', [number]);
        await client.query('UPDATE transfer_log SET destination_detached = true WHERE destination = $1', [number]);
        return true;
      });
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
      await inTransaction(pool, async (client) => {
        const before = await client.query<{ hash: string }>('SELECT password_hash AS hash FROM people WHERE user_id = $1 FOR UPDATE', [p.userId]);
        await client.query(
          `INSERT INTO people (user_id, name, password_hash, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, password_hash = excluded.password_hash`,
          [p.userId, p.name, p.passwordHash, nowIso()],
        );
        const old = before.rows[0];
        if (old && old.hash !== p.passwordHash) await client.query('DELETE FROM sessions WHERE user_id = $1', [p.userId]);
      });
    },
    async setPassword(userId, passwordHash) {
      return inTransaction(pool, async (client) => {
        const result = await client.query('UPDATE people SET password_hash = $1 WHERE user_id = $2', [passwordHash, userId]);
        if ((result.rowCount ?? 0) === 0) return false;
        await client.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
        return true;
      });
    },
    async remove(userId) {
      // links and sessions go by ON DELETE CASCADE
      const result = await pool.query('DELETE FROM people WHERE user_id = $1', [userId]);
      return (result.rowCount ?? 0) > 0;
    },
    async linkOffice(userId, officeNumber) {
      await pool.query('INSERT INTO person_offices (user_id, office_number) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        userId,
        officeNumber,
      ]);
    },
    async unlinkOffice(userId, officeNumber) {
      return inTransaction(pool, async (client) => {
        const result = await client.query('DELETE FROM person_offices WHERE user_id = $1 AND office_number = $2', [userId, officeNumber]);
        if ((result.rowCount ?? 0) === 0) return false;
        await client.query('DELETE FROM sessions WHERE user_id = $1 AND office_number = $2', [userId, officeNumber]);
        return true;
      });
    },
    async isLinked(userId, officeNumber) {
      const { rowCount } = await pool.query('SELECT 1 FROM person_offices WHERE user_id = $1 AND office_number = $2', [
        userId,
        officeNumber,
      ]);
      return (rowCount ?? 0) > 0;
    },
    async list(): Promise<PersonListing[]> {
      const { rows } = await pool.query<PersonListing>(
        `SELECT p.user_id AS "userId", p.name,
                ARRAY(SELECT office_number FROM person_offices l WHERE l.user_id = p.user_id ORDER BY office_number COLLATE "C") AS offices
         FROM people p ORDER BY p.user_id COLLATE "C"`,
      );
      return rows;
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
      await inTransaction(pool, async (client) => {
        const before = await client.query<{ office: string; hash: string }>(
          'SELECT office_number AS office, password_hash AS hash FROM office_users WHERE office_user_id = $1 FOR UPDATE',
          [u.officeUserId],
        );
        await client.query(
          `INSERT INTO office_users (office_user_id, office_number, password_hash, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (office_user_id) DO UPDATE SET office_number = excluded.office_number, password_hash = excluded.password_hash`,
          [u.officeUserId, u.officeNumber, u.passwordHash, nowIso()],
        );
        const old = before.rows[0];
        if (old && (old.office !== u.officeNumber || old.hash !== u.passwordHash)) {
          await client.query('DELETE FROM sessions WHERE office_user_id = $1', [u.officeUserId]);
        }
      });
    },
    async remove(officeUserId) {
      return inTransaction(pool, async (client) => {
        const result = await client.query('DELETE FROM office_users WHERE office_user_id = $1', [officeUserId]);
        if ((result.rowCount ?? 0) === 0) return false;
        await client.query('DELETE FROM sessions WHERE office_user_id = $1', [officeUserId]);
        return true;
      });
    },
    async list() {
      const { rows } = await pool.query<Omit<OfficeUserRecord, 'passwordHash'>>(
        'SELECT office_user_id AS "officeUserId", office_number AS "officeNumber" FROM office_users ORDER BY office_user_id COLLATE "C"',
      );
      return rows;
    },
  };
}
