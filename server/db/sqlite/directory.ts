// Offices, people, their links and office users, in SQLite. Statements are prepared once. A change
// that takes a right away ends the sessions relying on it in the same transaction (see types.ts).
import type { Office } from '../../../src/domain/contract';
import { isNumberPrefix, searchKey } from '../../../src/domain/mailbox';
import type { Db } from './connection';
import type { OfficeRepository, OfficeUserRecord, OfficeUserRepository, PeopleRepository, PersonListing, PersonRecord } from '../types';

const nowIso = () => new Date().toISOString();

export function sqliteOffices(db: Db): OfficeRepository {
  const get = db.prepare<[string], Office>('SELECT number, name, kind FROM offices WHERE number = ?');
  const list = db.prepare<[], Office>('SELECT number, name, kind FROM offices ORDER BY number');
  const upsert = db.prepare(
    `INSERT INTO offices (number, name, kind, created_at, name_key) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(number) DO UPDATE SET name = excluded.name, kind = excluded.kind, name_key = excluded.name_key`,
  );
  const byNumber = db.prepare<[string, number], Office>('SELECT number, name, kind FROM offices WHERE number LIKE ? ORDER BY number LIMIT ?');
  const byName = db.prepare<[string, number], Office>(
    'SELECT number, name, kind FROM offices WHERE instr(name_key, ?) > 0 ORDER BY number LIMIT ?',
  );
  const remove = db.prepare('DELETE FROM offices WHERE number = ?');
  const detachSent = db.prepare('UPDATE messages SET sender_detached = 1 WHERE sender = ?');
  const detachReceived = db.prepare('UPDATE messages SET destination_detached = 1 WHERE destination = ?');
  // the 送受信記録 was that office's too: a new office under the number starts without it
  const detachLogSent = db.prepare('UPDATE transfer_log SET sender_detached = 1 WHERE sender = ?');
  const detachLogReceived = db.prepare('UPDATE transfer_log SET destination_detached = 1 WHERE destination = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM offices');
  const upsertMany = db.transaction((offices: readonly Office[]) => {
    const at = nowIso();
    for (const o of offices) upsert.run(o.number, o.name, o.kind, at, searchKey(o.name));
  });
  const removeOne = db.transaction((number: string) => {
    if (remove.run(number).changes === 0) return false;
    detachSent.run(number);
    detachReceived.run(number);
    detachLogSent.run(number);
    detachLogReceived.run(number);
    return true;
  });
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
      upsert.run(o.number, o.name, o.kind, nowIso(), searchKey(o.name));
    },
    async search(query, limit) {
      return isNumberPrefix(query) ? byNumber.all(`${query.toUpperCase()}%`, limit) : byName.all(searchKey(query), limit);
    },
    async upsertMany(offices) {
      upsertMany.immediate(offices);
    },
    async remove(number) {
      return removeOne.immediate(number);
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
  const setHash = db.prepare('UPDATE people SET password_hash = ? WHERE user_id = ?');
  const remove = db.prepare('DELETE FROM people WHERE user_id = ?');
  const endSessions = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const endSessionsIn = db.prepare('DELETE FROM sessions WHERE user_id = ? AND office_number = ?');
  const link = db.prepare('INSERT OR IGNORE INTO person_offices (user_id, office_number) VALUES (?, ?)');
  const unlink = db.prepare('DELETE FROM person_offices WHERE user_id = ? AND office_number = ?');
  const linked = db.prepare('SELECT 1 FROM person_offices WHERE user_id = ? AND office_number = ?');
  const list = db.prepare<[], { userId: string; name: string; offices: string | null }>(
    `SELECT p.user_id AS userId, p.name, (SELECT group_concat(office_number, ' ') FROM
       (SELECT office_number FROM person_offices l WHERE l.user_id = p.user_id ORDER BY office_number)) AS offices
     FROM people p ORDER BY p.user_id`,
  );

  const upsertOne = db.transaction((p: PersonRecord) => {
    const before = get.get(p.userId);
    upsert.run(p.userId, p.name, p.passwordHash, nowIso());
    if (before && before.passwordHash !== p.passwordHash) endSessions.run(p.userId);
  });
  const setPassword = db.transaction((userId: string, hash: string) => {
    if (setHash.run(hash, userId).changes === 0) return false;
    endSessions.run(userId);
    return true;
  });
  const unlinkOne = db.transaction((userId: string, officeNumber: string) => {
    if (unlink.run(userId, officeNumber).changes === 0) return false;
    endSessionsIn.run(userId, officeNumber);
    return true;
  });
  return {
    async get(userId) {
      return get.get(userId) ?? null;
    },
    async upsert(p) {
      upsertOne.immediate(p);
    },
    async setPassword(userId, passwordHash) {
      return setPassword.immediate(userId, passwordHash);
    },
    async remove(userId) {
      // links and sessions go by ON DELETE CASCADE
      return remove.run(userId).changes > 0;
    },
    async linkOffice(userId, officeNumber) {
      link.run(userId, officeNumber);
    },
    async unlinkOffice(userId, officeNumber) {
      return unlinkOne.immediate(userId, officeNumber);
    },
    async isLinked(userId, officeNumber) {
      return !!linked.get(userId, officeNumber);
    },
    async list(): Promise<PersonListing[]> {
      return list.all().map((r) => ({ userId: r.userId, name: r.name, offices: r.offices ? r.offices.split(' ') : [] }));
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
  const remove = db.prepare('DELETE FROM office_users WHERE office_user_id = ?');
  const endSessions = db.prepare('DELETE FROM sessions WHERE office_user_id = ?');
  const list = db.prepare<[], Omit<OfficeUserRecord, 'passwordHash'>>(
    'SELECT office_user_id AS officeUserId, office_number AS officeNumber FROM office_users ORDER BY office_user_id',
  );
  const upsertOne = db.transaction((u: OfficeUserRecord) => {
    const before = get.get(u.officeUserId);
    upsert.run(u.officeUserId, u.officeNumber, u.passwordHash, nowIso());
    if (before && (before.officeNumber !== u.officeNumber || before.passwordHash !== u.passwordHash)) endSessions.run(u.officeUserId);
  });
  const removeOne = db.transaction((officeUserId: string) => {
    if (remove.run(officeUserId).changes === 0) return false;
    endSessions.run(officeUserId);
    return true;
  });
  return {
    async get(officeUserId) {
      return get.get(officeUserId) ?? null;
    },
    async upsert(u) {
      upsertOne.immediate(u);
    },
    async remove(officeUserId) {
      return removeOne.immediate(officeUserId);
    },
    async list() {
      return list.all();
    },
  };
}
