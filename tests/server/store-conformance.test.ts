// One behaviour for both stores: every case below runs against SQLite and against PostgreSQL
// (when RENKEI_TEST_DATABASE_URL is set, as in CI), through the Store interface only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewSend, Store } from '../../server/db/types';
import { BEFORE_ANY_EXPIRY as NOW_ISO } from '../support/mailbox';
import { BACKENDS, holdJob, type OpenedStore, type SchemaShape } from '../support/stores';

const A = { number: '3300000001', name: 'れんけい居宅', kind: '居宅介護支援' };
const B = { number: '3310000017', name: 'さくら訪問介護', kind: '訪問介護' };
const C = { number: '3310000025', name: 'ひまわりデイ', kind: '通所介護' };
const HOOK_TIMEOUT = 60_000;

let serial = 0;
/** A send from A to B; ids and keys unique per call. */
function newSend(overrides: { sentAt?: string; expiresAt?: string; key?: string; sender?: string; destination?: string } = {}): NewSend {
  serial += 1;
  const id = `m${String(serial).padStart(4, '0')}`;
  return {
    message: {
      id,
      sender: overrides.sender ?? A.number,
      destination: overrides.destination ?? B.number,
      message: `メッセージ ${serial}`,
      sentBy: 'cm01',
      sentAt: overrides.sentAt ?? '2025-04-01T09:00:00.000Z',
      expiresAt: overrides.expiresAt ?? '2025-05-01T09:00:00.000Z',
    },
    files: [
      { id: `${id}-f2`, position: 1, name: '第3表.pdf', size: 20, category: 'PDF等', sha256: 'b'.repeat(64) },
      { id: `${id}-f1`, position: 0, name: `UP1KYO_${A.number}_${B.number}_20250401090000.CSV`, size: 10, category: '登録', sha256: 'a'.repeat(64) },
    ],
    idempotency: { key: overrides.key ?? `key-${serial}`, requestHash: `hash-${serial}` },
    audit: { action: 'send', actor: 'cm01', office: A.number, target: id },
  };
}

const schemas = new Map<string, SchemaShape>();

describe.each(BACKENDS)('$name store', (backend) => {
  const run = backend.skipped ? describe.skip : describe;
  run(backend.skipped ? `skipped: ${backend.skipped}` : 'conforms to the Store interface', () => {
    let opened: OpenedStore;
    let store: Store;

    beforeAll(async () => {
      opened = await backend.open();
      store = opened.store;
      schemas.set(backend.name, await opened.schema());
    }, HOOK_TIMEOUT);
    afterAll(async () => {
      await opened?.dispose();
    }, HOOK_TIMEOUT);
    beforeEach(async () => {
      for (const office of [A, B, C]) await store.offices.upsert(office);
    });

    describe('offices', () => {
      it('upserts, finds in the order asked, lists by number, counts and removes', async () => {
        await store.offices.upsert({ ...C, name: 'ひまわりデイサービス' });
        expect(await store.offices.get(C.number)).toEqual({ ...C, name: 'ひまわりデイサービス' });
        expect(await store.offices.get('9999999999')).toBeNull();
        expect((await store.offices.find([C.number, '9999999999', A.number, C.number])).map((o) => o.number)).toEqual([C.number, A.number]);
        expect(await store.offices.find([])).toEqual([]);
        // two numbers (a send's sender and destination) are read in one statement: same answer, in the order asked
        expect(await store.offices.find([C.number, A.number])).toEqual([{ ...C, name: 'ひまわりデイサービス' }, A]);
        expect((await store.offices.find(['9999999999', A.number])).map((o) => o.number)).toEqual([A.number]);
        const listed = (await store.offices.list()).map((o) => o.number);
        expect(listed).toEqual([...listed].sort());
        expect(await store.offices.count()).toBe(listed.length);
        await store.offices.upsert({ number: '0100000009', name: '一時', kind: '' });
        expect(await store.offices.remove('0100000009')).toBe(true);
        expect(await store.offices.remove('0100000009')).toBe(false);
      });
    });

    describe('people and office users', () => {
      it('keeps people, their offices and office users; an upsert replaces name and password', async () => {
        await store.people.upsert({ userId: 'p1', name: '佐藤', passwordHash: 'h1' });
        await store.people.upsert({ userId: 'p1', name: '佐藤 花子', passwordHash: 'h2' });
        expect(await store.people.get('p1')).toEqual({ userId: 'p1', name: '佐藤 花子', passwordHash: 'h2' });
        expect(await store.people.get('nobody')).toBeNull();
        await store.people.linkOffice('p1', A.number);
        await store.people.linkOffice('p1', A.number);
        expect(await store.people.isLinked('p1', A.number)).toBe(true);
        expect(await store.people.isLinked('p1', B.number)).toBe(false);

        await store.officeUsers.upsert({ officeUserId: 'KJ330000000101', officeNumber: A.number, passwordHash: 'o1' });
        await store.officeUsers.upsert({ officeUserId: 'KJ330000000101', officeNumber: A.number, passwordHash: 'o2' });
        expect(await store.officeUsers.get('KJ330000000101')).toEqual({ officeUserId: 'KJ330000000101', officeNumber: A.number, passwordHash: 'o2' });
        expect(await store.officeUsers.get('KJ000000000000')).toBeNull();
      });

      it('removing an office removes its office users, links and the sessions logged in to it', async () => {
        const gone = { number: '0200000008', name: '閉鎖', kind: '' };
        await store.offices.upsert(gone);
        await store.people.upsert({ userId: 'p2', name: '鈴木', passwordHash: 'h' });
        await store.people.linkOffice('p2', gone.number);
        await store.officeUsers.upsert({ officeUserId: 'KJ020000000801', officeNumber: gone.number, passwordHash: 'o' });
        expect(await store.sessions.create(session('t-gone', 'p2', gone.number), { passwordHash: 'h' })).toBe(true);
        expect(await store.offices.remove(gone.number)).toBe(true);
        expect(await store.officeUsers.get('KJ020000000801')).toBeNull();
        expect(await store.people.isLinked('p2', gone.number)).toBe(false);
        expect(await store.sessions.get('t-gone')).toBeNull();
        expect(await store.people.get('p2')).not.toBeNull();
      });
    });

    describe('sessions', () => {
      beforeAll(async () => {
        await store.people.upsert({ userId: 's1', name: '高橋', passwordHash: 'h' });
        await store.people.upsert({ userId: 's2', name: '田中', passwordHash: 'h' });
      });

      it('creates, reads with ISO times, moves to a new token with the office and deletes', async () => {
        expect(await store.sessions.create(session('t1', 's1', null), { passwordHash: 'h' })).toBe(true);
        expect(await store.sessions.get('t1')).toEqual(session('t1', 's1', null));
        await store.people.linkOffice('s1', A.number);
        await store.officeUsers.upsert({ officeUserId: `KJ${A.number}01`, officeNumber: A.number, passwordHash: 'o' });
        expect(await store.sessions.upgradeToOffice('t1', session('t1b', 's1', A.number), { passwordHash: 'o' })).toBe(true);
        expect(await store.sessions.get('t1')).toBeNull();
        expect(await store.sessions.get('t1b')).toMatchObject({ officeNumber: A.number, officeUserId: `KJ${A.number}01` });
        await store.sessions.delete('t1b');
        expect(await store.sessions.get('t1b')).toBeNull();
      });

      it('ends every session of one person, and the expired ones, counting them', async () => {
        await store.sessions.create(session('t2', 's2', null), { passwordHash: 'h' });
        await store.sessions.create(session('t3', 's2', A.number), { passwordHash: 'h' });
        await store.sessions.create(session('t4', 's1', null, '2025-04-01T21:00:00.000Z'), { passwordHash: 'h' });
        await store.sessions.create(session('t5', 's1', null, '2025-04-02T21:00:00.000Z'), { passwordHash: 'h' });
        expect(await store.sessions.deleteForUser('s2')).toBe(2);
        expect(await store.sessions.get('t3')).toBeNull();
        expect(await store.sessions.deleteExpired('2025-04-01T21:00:00.000Z')).toBe(1);
        expect(await store.sessions.get('t4')).toBeNull();
        expect(await store.sessions.get('t5')).not.toBeNull();
      });
    });

    describe('messages', () => {
      it('stores a send whole: files in position order, both offices, ISO times, its audit row', async () => {
        const send = newSend();
        expect(await store.messages.insertSend(send)).toEqual({ outcome: 'inserted' });
        const record = await store.messages.get(send.message.id);
        expect(record).toEqual({
          ...send.message,
          withdrawnAt: null,
          senderOffice: A,
          destinationOffice: B,
          senderDetached: false,
          destinationDetached: false,
          files: [...send.files].sort((a, b) => a.position - b.position).map((f) => ({ ...f, downloadedAt: null })),
        });
        expect(await store.messages.findIdempotent(A.number, send.idempotency.key)).toEqual({
          messageId: send.message.id,
          requestHash: send.idempotency.requestHash,
        });
        expect((await store.audit.recent(1))[0]).toMatchObject({ action: 'send', actor: 'cm01', office: A.number, target: send.message.id });
        expect(await store.messages.get('m-none')).toBeNull();
      });

      it('answers an existing key with its message instead of storing a second one', async () => {
        const first = newSend();
        await store.messages.insertSend(first);
        const again = newSend({ key: first.idempotency.key });
        expect(await store.messages.insertSend(again)).toEqual({ outcome: 'exists', messageId: first.message.id, requestHash: first.idempotency.requestHash });
        expect(await store.messages.get(again.message.id)).toBeNull();
        // a key is per office: another office may use the same one
        const other = newSend({ key: first.idempotency.key, sender: C.number });
        expect(await store.messages.insertSend(other)).toEqual({ outcome: 'inserted' });
      });

      it('stores one message when the same key arrives ten times at once', async () => {
        const key = `together-${serial}`;
        const results = await Promise.all(Array.from({ length: 10 }, () => store.messages.insertSend(newSend({ key }))));
        expect(results.filter((r) => r.outcome === 'inserted')).toHaveLength(1);
        const winner = await store.messages.findIdempotent(A.number, key);
        expect(results.filter((r) => r.outcome === 'exists').every((r) => r.outcome === 'exists' && r.messageId === winner?.messageId)).toBe(true);
      });

      it('pages a box newest first, then by id, for its office only', async () => {
        const office = '3400000001';
        await store.offices.upsert({ number: office, name: '一覧テスト', kind: '' });
        const older = newSend({ destination: office, sentAt: '2025-03-01T00:00:00.000Z' });
        const newer = newSend({ destination: office, sentAt: '2025-03-02T00:00:00.000Z' });
        const sameTime = newSend({ destination: office, sentAt: '2025-03-02T00:00:00.000Z' });
        for (const send of [older, sameTime, newer]) await store.messages.insertSend(send);
        const page = (limit: number, after: { sentAt: string; id: string } | null = null) =>
          store.messages.page({ nowIso: NOW_ISO, box: 'received', office, filter: {}, sort: 'newest', after, limit });
        const first = await page(10);
        // newer and sameTime share a time: the id decides, the larger first (a keyset in one direction)
        expect(first.records.map((m) => m.id)).toEqual([sameTime.message.id, newer.message.id, older.message.id]);
        expect(first.more).toBe(false);
        expect(first.records.every((m) => m.files.length === 2 && m.files[0]!.position === 0 && m.withdrawnAt === null)).toBe(true);
        const two = await page(2);
        expect(two.more).toBe(true);
        const last = two.records[1]!;
        expect((await page(2, { sentAt: last.sentAt, id: last.id })).records.map((m) => m.id)).toEqual([older.message.id]);
        expect((await store.messages.page({ nowIso: NOW_ISO, box: 'sent', office, filter: {}, sort: 'newest', after: null, limit: 10 })).records).toEqual([]);
      });

      it('marks a file downloaded once and keeps the first time', async () => {
        const send = newSend();
        await store.messages.insertSend(send);
        const file = send.files[0]!.id;
        expect(await store.messages.markDownloaded(send.message.id, file, '2025-04-02T00:00:00.000Z')).toBe('first');
        expect(await store.messages.markDownloaded(send.message.id, file, '2025-04-03T00:00:00.000Z')).toBe('again');
        expect(await store.messages.markDownloaded('m-none', file, '2025-04-03T00:00:00.000Z')).toBe('again');
        const stored = (await store.messages.get(send.message.id))!.files.find((f) => f.id === file);
        expect(stored?.downloadedAt).toBe('2025-04-02T00:00:00.000Z');
      });

      it('finds expired messages and deletes them with their files and keys', async () => {
        const expired = newSend({ expiresAt: '2000-01-01T00:00:00.000Z' });
        const kept = newSend({ expiresAt: '2999-01-01T00:00:00.000Z' });
        await store.messages.insertSend(expired);
        await store.messages.insertSend(kept);
        const ids = await store.messages.expiredIds('2001-01-01T00:00:00.000Z');
        expect(ids).toContain(expired.message.id);
        expect(ids).not.toContain(kept.message.id);
        expect(await store.messages.existingIds([expired.message.id, kept.message.id, 'm-none'])).toEqual(new Set([expired.message.id, kept.message.id]));
        expect(await store.messages.deleteMany(ids)).toBe(ids.length);
        expect(await store.messages.deleteMany([])).toBe(0);
        expect(await store.messages.get(expired.message.id)).toBeNull();
        expect(await store.messages.findIdempotent(A.number, expired.idempotency.key)).toBeNull();
        expect(await store.messages.existingIds([expired.message.id])).toEqual(new Set());
      });

      it('keeps a message whose office left the directory, without its name', async () => {
        const leaving = { number: '3500000001', name: '退会', kind: '訪問介護' };
        await store.offices.upsert(leaving);
        const send = newSend({ destination: leaving.number });
        await store.messages.insertSend(send);
        await store.offices.remove(leaving.number);
        expect((await store.messages.get(send.message.id))?.destinationOffice).toBeNull();
      });
    });

    describe('jobs', () => {
      it('runs a job alone: the same job asked for meanwhile is skipped, here and (PostgreSQL) in another process', async () => {
        const held = await holdJob(store, 'sweep');
        expect(held.ran).toBe(true);
        expect(await store.runAlone('sweep', async () => 'second')).toBeNull();
        // another job is not held up
        expect(await store.runAlone('other', async () => 'other')).toBe('other');
        // SQLite has one relay process per data folder; PostgreSQL's lock holds across processes
        if (backend.name === 'PostgreSQL') expect(await (await opened.another()).runAlone('sweep', async () => 'elsewhere')).toBeNull();
        await held.release();
        expect(await store.runAlone('sweep', async () => 'again')).toBe('again');
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('audit log', () => {
      it('adds entries and reads the most recent first', async () => {
        await store.audit.add({ action: 'login', actor: 'cm01', address: '127.0.0.1' });
        await store.audit.add({ action: 'logout', actor: 'cm01', office: A.number });
        const [last, before] = await store.audit.recent(2);
        expect(last).toMatchObject({ action: 'logout', actor: 'cm01', office: A.number, target: null, address: null, detail: null });
        expect(before).toMatchObject({ action: 'login', address: '127.0.0.1' });
        expect(last!.id).toBeGreaterThan(before!.id);
        expect(new Date(last!.at).toISOString()).toBe(last!.at);
      });
    });
  });
});

describe('the two schemas', () => {
  it.skipIf(BACKENDS.some((b) => b.skipped))('have the same tables, columns and indexes', () => {
    // each migration runner keeps its own bookkeeping table; file contents are in file_chunks in
    // both (every send's in PostgreSQL, small sends' in SQLite)
    const [sqlite, postgres] = ['SQLite', 'PostgreSQL'].map((name) => {
      const { schema_version: _bookkeeping, ...tables } = schemas.get(name)!.tables;
      return { tables, indexes: schemas.get(name)!.indexes };
    });
    expect(sqlite!.tables.file_chunks).toEqual(['data', 'file_id', 'seq']);
    expect(Object.keys(sqlite!.tables)).toContain('messages');
    expect(postgres).toEqual(sqlite);
  });
});

function session(tokenHash: string, userId: string, officeNumber: string | null, expiresAt = '2025-04-01T21:00:00.000Z') {
  return {
    tokenHash,
    userId,
    officeNumber,
    officeUserId: officeNumber ? `KJ${officeNumber}01` : null,
    createdAt: '2025-04-01T09:00:00.000Z',
    expiresAt,
  };
}
