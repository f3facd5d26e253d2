// Offices, people, their links and office users, in SQLite. Statements are prepared once.
import type { Office } from '../../../src/domain/contract';
import type { Db } from './connection';
import type { OfficeRepository, OfficeUserRecord, OfficeUserRepository, PeopleRepository, PersonRecord } from '../types';

const nowIso = () => new Date().toISOString();

export function sqliteOffices(db: Db): OfficeRepository {
  const get = db.prepare<[string], Office>('SELECT number, name, kind FROM offices WHERE number = ?');
  const list = db.prepare<[], Office>('SELECT number, name, kind FROM offices ORDER BY number');
  const upsert = db.prepare(
    `INSERT INTO offices (number, name, kind, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(number) DO UPDATE SET name = excluded.name, kind = excluded.kind`,
  );
  const remove = db.prepare('DELETE FROM offices WHERE number = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM offices');
  return {
    async get(number) {
      return get.get(number) ?? null;
    },
    async find(numbers) {
      const found: Office[] = [];
      for (const n of new Set(numbers)) {
        const office = get.get(n);
        if (office) found.push(office);
      }
      return found;
    },
    async list() {
      return list.all();
    },
    async upsert(o) {
      upsert.run(o.number, o.name, o.kind, nowIso());
    },
    async remove(number) {
      return remove.run(number).changes > 0;
    },
    async count() {
      return count.get()!.n;
    },
  };
}

export function sqlitePeople(db: Db): PeopleRepository {
  const get = db.prepare<[string], PersonRecord>(
    'SELECT user_id AS userId, name, password_hash AS passwordHash FROM people WHERE user_id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO people (user_id, name, password_hash, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(user_id) DO UPDATE SET name = excluded.name, password_hash = excluded.password_hash`,
  );
  const link = db.prepare('INSERT OR IGNORE INTO person_offices (user_id, office_number) VALUES (?, ?)');
  const linked = db.prepare('SELECT 1 FROM person_offices WHERE user_id = ? AND office_number = ?');
  return {
    async get(userId) {
      return get.get(userId) ?? null;
    },
    async upsert(p) {
      upsert.run(p.userId, p.name, p.passwordHash, nowIso());
    },
    async linkOffice(userId, officeNumber) {
      link.run(userId, officeNumber);
    },
    async isLinked(userId, officeNumber) {
      return !!linked.get(userId, officeNumber);
    },
  };
}

export function sqliteOfficeUsers(db: Db): OfficeUserRepository {
  const get = db.prepare<[string], OfficeUserRecord>(
    `SELECT office_user_id AS officeUserId, office_number AS officeNumber, password_hash AS passwordHash
     FROM office_users WHERE office_user_id = ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO office_users (office_user_id, office_number, password_hash, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(office_user_id) DO UPDATE SET office_number = excluded.office_number, password_hash = excluded.password_hash`,
  );
  return {
    async get(officeUserId) {
      return get.get(officeUserId) ?? null;
    },
    async upsert(u) {
      upsert.run(u.officeUserId, u.officeNumber, u.passwordHash, nowIso());
    },
  };
}
