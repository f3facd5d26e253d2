// The store conformance suite, part two (part one: store-conformance.test.ts): rate limits that
// hold across processes, and rights taken away ending the sessions that relied on them. Every
// case runs against SQLite and against PostgreSQL (when RENKEI_TEST_DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateRule, SessionRecord, Store } from '../../server/db/types';
import { allMessages } from '../support/mailbox';
import { BACKENDS, type OpenedStore } from '../support/stores';

const HOOK_TIMEOUT = 60_000;
const A = { number: '3300000001', name: 'れんけい居宅', kind: '居宅介護支援' };
const B = { number: '3310000017', name: 'さくら訪問介護', kind: '訪問介護' };
const T0 = Date.parse('2025-04-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

let serial = 0;
function session(userId: string, officeNumber: string | null = null, officeUserId: string | null = null): SessionRecord {
  serial += 1;
  return {
    tokenHash: `tok-${serial}`,
    userId,
    officeNumber,
    officeUserId,
    createdAt: '2025-04-01T09:00:00.000Z',
    expiresAt: '2999-01-01T00:00:00.000Z',
  };
}

describe.each(BACKENDS)('$name store', (backend) => {
  const run = backend.skipped ? describe.skip : describe;
  run(backend.skipped ? `skipped: ${backend.skipped}` : 'conforms: limits and rights', () => {
    let opened: OpenedStore;
    let store: Store;

    beforeAll(async () => {
      opened = await backend.open();
      store = opened.store;
      for (const office of [A, B]) await store.offices.upsert(office);
    }, HOOK_TIMEOUT);
    afterAll(async () => {
      await opened?.dispose();
    }, HOOK_TIMEOUT);

    /** A person with a session per office they are linked to (office users KJ<number>01, password 'o'). */
    async function person(userId: string, offices: string[] = []): Promise<{ plain: SessionRecord; inOffice: SessionRecord[] }> {
      await store.people.upsert({ userId, name: userId, passwordHash: 'h' });
      const plain = session(userId);
      expect(await store.sessions.create(plain, { passwordHash: 'h' })).toBe(true);
      const inOffice: SessionRecord[] = [];
      for (const number of offices) {
        await store.people.linkOffice(userId, number);
        await store.officeUsers.upsert({ officeUserId: `KJ${number}01`, officeNumber: number, passwordHash: 'o' });
        const first = session(userId);
        await store.sessions.create(first, { passwordHash: 'h' });
        const next = session(userId, number, `KJ${number}01`);
        expect(await store.sessions.upgradeToOffice(first.tokenHash, next, { passwordHash: 'o' })).toBe(true);
        inOffice.push(next);
      }
      return { plain, inOffice };
    }
    const alive = async (s: SessionRecord) => (await store.sessions.get(s.tokenHash)) !== null;

    describe('rate limits', () => {
      const rule = (key: string): RateRule => ({ key, max: 3, windowMs: 60_000 });

      it('counts up to max, then refuses without counting, saying when one leaves the window', async () => {
        const taken = [];
        for (let i = 0; i < 3; i++) taken.push(await store.limits.take([rule('k1')], at(i * 1000)));
        expect(taken.every((t) => t.ok)).toBe(true);
        expect(await store.limits.take([rule('k1')], at(10_000))).toEqual({ ok: false, retryAfterMs: 50_000 });
        // the oldest left the window: room for one again
        expect((await store.limits.take([rule('k1')], at(60_001))).ok).toBe(true);
        expect((await store.limits.take([rule('k1')], at(60_002))).ok).toBe(false);
      });

      it('refuses when any of the keys is full, and then counts none of them', async () => {
        for (let i = 0; i < 3; i++) await store.limits.take([rule('full'), rule(`other-${i}`)], at(0));
        expect((await store.limits.take([rule('fresh'), rule('full')], at(1))).ok).toBe(false);
        for (let i = 0; i < 3; i++) expect((await store.limits.take([rule('fresh')], at(2 + i))).ok).toBe(true);
      });

      it('forgives one attempt, or every attempt of a key, and prunes old ones', async () => {
        const first = await store.limits.take([rule('f'), rule('addr')], at(0));
        await store.limits.take([rule('f'), rule('addr')], at(1));
        await store.limits.take([rule('f'), rule('addr')], at(2));
        expect(first.ok && (await store.limits.take([rule('addr')], at(3))).ok).toBe(false);
        if (!first.ok) throw new Error('first take refused');
        await store.limits.forgive(first.attempt);
        expect((await store.limits.take([rule('addr')], at(4))).ok).toBe(true);
        await store.limits.forgive('no-such-attempt', ['f']);
        for (let i = 0; i < 3; i++) expect((await store.limits.take([rule('f')], at(5 + i))).ok).toBe(true);
        expect(await store.limits.prune(at(3))).toBeGreaterThanOrEqual(5);
      });

      it('lets exactly max of 60 simultaneous takes through, from two processes on one database', async () => {
        const other = await opened.another();
        const stores = [store, other];
        const results = await Promise.all(Array.from({ length: 60 }, (_, i) => stores[i % 2]!.limits.take([rule('burst')], at(i))));
        expect(results.filter((r) => r.ok)).toHaveLength(3);
      });
    });

    describe('rights taken away end the sessions that relied on them', () => {
      it('a session starts only while the password checked is still the person’s', async () => {
        await store.people.upsert({ userId: 'r1', name: 'r1', passwordHash: 'old' });
        expect(await store.sessions.create(session('r1'), { passwordHash: 'new' })).toBe(false);
        expect(await store.sessions.create(session('nobody'), { passwordHash: 'old' })).toBe(false);
      });

      it('a new password ends every session of the person, an unchanged one none', async () => {
        const a = await person('r2', [A.number]);
        await store.people.upsert({ userId: 'r2', name: '名前だけ変更', passwordHash: 'h' });
        expect(await alive(a.plain)).toBe(true);
        expect(await store.people.setPassword('r2', 'h2')).toBe(true);
        expect(await alive(a.plain)).toBe(false);
        expect(await alive(a.inOffice[0]!)).toBe(false);
        const b = await store.sessions.create(session('r2'), { passwordHash: 'h2' });
        expect(b).toBe(true);
        await store.people.upsert({ userId: 'r2', name: 'r2', passwordHash: 'h3' });
        expect((await store.sessions.deleteForUser('r2'))).toBe(0);
        expect(await store.people.setPassword('nobody', 'x')).toBe(false);
      });

      it('unlinking ends the person’s sessions in that office only; removing a person ends all', async () => {
        const r = await person('r3', [A.number, B.number]);
        expect(await store.people.unlinkOffice('r3', A.number)).toBe(true);
        expect(await store.people.unlinkOffice('r3', A.number)).toBe(false);
        expect(await alive(r.inOffice[0]!)).toBe(false);
        expect(await alive(r.inOffice[1]!)).toBe(true);
        expect(await alive(r.plain)).toBe(true);
        expect(await store.people.isLinked('r3', A.number)).toBe(false);
        expect((await store.people.list()).find((p) => p.userId === 'r3')).toEqual({ userId: 'r3', name: 'r3', offices: [B.number] });
        expect(await store.people.remove('r3')).toBe(true);
        expect(await store.people.remove('r3')).toBe(false);
        expect(await alive(r.plain)).toBe(false);
        expect(await alive(r.inOffice[1]!)).toBe(false);
        expect(await store.people.get('r3')).toBeNull();
      });

      it('an office user moved, given a new password or removed ends the sessions logged in with it', async () => {
        const r = await person('r4', [A.number]);
        const s = await person('r5', [A.number]);
        const id = `KJ${A.number}01`;
        await store.officeUsers.upsert({ officeUserId: id, officeNumber: A.number, passwordHash: 'o' });
        expect(await alive(r.inOffice[0]!)).toBe(true);
        await store.officeUsers.upsert({ officeUserId: id, officeNumber: B.number, passwordHash: 'o' });
        expect(await alive(r.inOffice[0]!)).toBe(false);
        expect(await alive(s.inOffice[0]!)).toBe(false);
        expect(await alive(r.plain)).toBe(true);
        expect((await store.officeUsers.list()).find((u) => u.officeUserId === id)).toEqual({ officeUserId: id, officeNumber: B.number });
        // a login checked against the old office or password changes nothing
        const t = session('r4');
        await store.sessions.create(t, { passwordHash: 'h' });
        expect(await store.sessions.upgradeToOffice(t.tokenHash, session('r4', A.number, id), { passwordHash: 'o' })).toBe(false);
        expect(await alive(t)).toBe(true);
        await store.people.linkOffice('r4', B.number);
        expect(await store.sessions.upgradeToOffice(t.tokenHash, session('r4', B.number, id), { passwordHash: 'stale' })).toBe(false);
        const next = session('r4', B.number, id);
        expect(await store.sessions.upgradeToOffice(t.tokenHash, next, { passwordHash: 'o' })).toBe(true);
        expect(await store.officeUsers.remove(id)).toBe(true);
        expect(await store.officeUsers.remove(id)).toBe(false);
        expect(await alive(next)).toBe(false);
      });

      it('an office not linked to the person is never logged in to', async () => {
        const { plain } = await person('r6');
        await store.officeUsers.upsert({ officeUserId: `KJ${B.number}09`, officeNumber: B.number, passwordHash: 'o' });
        expect(await store.sessions.upgradeToOffice(plain.tokenHash, session('r6', B.number, `KJ${B.number}09`), { passwordHash: 'o' })).toBe(false);
        expect(await alive(plain)).toBe(true);
      });
    });

    describe('offices', () => {
      it('imports many in one go, and a removed office’s messages stay with the number’s past', async () => {
        const gone = { number: '0300000007', name: '閉鎖予定', kind: '' };
        await store.offices.upsertMany([gone, { number: '0300000015', name: '一括', kind: '通所介護' }]);
        expect((await store.offices.find(['0300000015']))[0]?.name).toBe('一括');
        const send = {
          message: { id: 'rm-1', sender: A.number, destination: gone.number, message: '', sentBy: 'cm01', sentAt: at(0), expiresAt: '2999-01-01T00:00:00.000Z' },
          files: [{ id: 'rm-1-f', position: 0, name: 'a.pdf', size: 1, category: 'PDF等' as const, sha256: 'c'.repeat(64) }],
          idempotency: { key: 'rm-key', requestHash: 'h' },
        };
        await store.messages.insertSend(send);
        expect((await allMessages(store, 'received', gone.number)).map((m) => m.id)).toEqual(['rm-1']);
        expect(await store.offices.remove(gone.number)).toBe(true);
        // the same number registered again is a new office: an empty mailbox
        await store.offices.upsert({ ...gone, name: '新しい事業所' });
        expect(await allMessages(store, 'received', gone.number)).toEqual([]);
        const record = await store.messages.get('rm-1');
        expect(record).toMatchObject({ destinationDetached: true, senderDetached: false, destinationOffice: null, senderOffice: A });
        // the sender keeps its copy
        expect((await allMessages(store, 'sent', A.number)).map((m) => m.id)).toContain('rm-1');
      });
    });
  });
});
