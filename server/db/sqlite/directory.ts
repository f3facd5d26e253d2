// Offices, people, their links and office users, in SQLite.
import type { Office } from '../../../src/domain/contract';
import type { Db } from '../connection';
import type { OfficeRepository, OfficeUserRecord, OfficeUserRepository, PeopleRepository, PersonRecord } from '../types';

const nowIso = () => new Date().toISOString();

export function sqliteOffices(db: Db): OfficeRepository {
  const getStmt = db.prepare<[string], Office>('SELECT number, name, kind FROM offices WHERE number = ?');
  return {
    async get(number) {
      return getStmt.get(number) ?? null;
    },
    async find(numbers) {
      const found: Office[] = [];
      for (const n of new Set(numbers)) {
        const office = getStmt.get(n);
        if (office) found.push(office);
      }
      return found;
    },
    async list() {
      return db.prepare<[], Office>('SELECT number, name, kind FROM offices ORDER BY number').all();
    },
    async upsert(o) {
      db.prepare(
        `INSERT INTO offices (number, name, kind, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(number) DO UPDATE SET name = excluded.name, kind = excluded.kind`,
      ).run(o.number, o.name, o.kind, nowIso());
    },
    async remove(number) {
      return db.prepare('DELETE FROM offices WHERE number = ?').run(number).changes > 0;
    },
    async count() {
      return (db.prepare('SELECT COUNT(*) AS n FROM offices').get() as { n: number }).n;
    },
  };
}

export function sqlitePeople(db: Db): PeopleRepository {
  return {
    async get(userId) {
      return (
        db
          .prepare<[string], PersonRecord>(
            'SELECT user_id AS userId, name, password_hash AS passwordHash FROM people WHERE user_id = ?',
          )
          .get(userId) ?? null
      );
    },
    async upsert(p) {
      db.prepare(
        `INSERT INTO people (user_id, name, password_hash, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(user_id) DO UPDATE SET name = excluded.name, password_hash = excluded.password_hash`,
      ).run(p.userId, p.name, p.passwordHash, nowIso());
    },
    async linkOffice(userId, officeNumber) {
      db.prepare('INSERT OR IGNORE INTO person_offices (user_id, office_number) VALUES (?, ?)').run(userId, officeNumber);
    },
    async isLinked(userId, officeNumber) {
      return !!db.prepare('SELECT 1 FROM person_offices WHERE user_id = ? AND office_number = ?').get(userId, officeNumber);
    },
  };
}

export function sqliteOfficeUsers(db: Db): OfficeUserRepository {
  return {
    async get(officeUserId) {
      return (
        db
          .prepare<[string], OfficeUserRecord>(
            `SELECT office_user_id AS officeUserId, office_number AS officeNumber, password_hash AS passwordHash
             FROM office_users WHERE office_user_id = ?`,
          )
          .get(officeUserId) ?? null
      );
    },
    async upsert(u) {
      db.prepare(
        `INSERT INTO office_users (office_user_id, office_number, password_hash, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(office_user_id) DO UPDATE SET office_number = excluded.office_number, password_hash = excluded.password_hash`,
      ).run(u.officeUserId, u.officeNumber, u.passwordHash, nowIso());
    },
  };
}
