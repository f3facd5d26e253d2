// The store conformance suite, continued for the mailbox (issue 12): keyset pages, every filter and
// order, counts, 送信取消 and the 送受信記録, run against SQLite and PostgreSQL through the Store
// interface with the same expectations, so the two stores are proven to answer alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListFilter, ListSort } from '../../src/domain/mailbox';
import type { MessagePage, NewSend, PageRequest, Store } from '../../server/db/types';
import { allMessages, BEFORE_ANY_EXPIRY as NOW_ISO } from '../support/mailbox';
import { BACKENDS, type OpenedStore } from '../support/stores';

const A = { number: '3300000001', name: 'れんけい居宅', kind: '居宅介護支援' };
const C = { number: '3310000025', name: 'ひまわりデイ', kind: '通所介護' };
const Y = { number: '3320000001', name: 'フィルタ訪問介護', kind: '訪問介護' };
const HOOK_TIMEOUT = 60_000;

let serial = 0;
function send(o: { sender?: string; destination?: string; names?: string[]; message?: string; sentAt?: string; expiresAt?: string }): NewSend {
  serial += 1;
  const id = `x${String(serial).padStart(5, '0')}`;
  const names = o.names ?? ['第3表.pdf'];
  return {
    message: {
      id,
      sender: o.sender ?? A.number,
      destination: o.destination ?? Y.number,
      message: o.message ?? '',
      sentBy: 'cm01',
      sentAt: o.sentAt ?? '2025-04-01T00:00:00.000Z',
      expiresAt: o.expiresAt ?? '2025-05-01T00:00:00.000Z',
    },
    files: names.map((name, position) => ({ id: `${id}-f${position}`, position, name, size: 10 + position, category: name.endsWith('.pdf') ? 'PDF等' : name.startsWith('DLT') ? '削除' : '登録', sha256: 'c'.repeat(64) })),
    idempotency: { key: `k-${id}`, requestHash: 'h' },
  };
}

/** A routed file name from `sender` to `destination`. */
const routed = (kind: string, month: string | null, sender: string, destination = Y.number) =>
  `${kind}${month ? `_${month}` : ''}_${sender}_${destination}_20250401090000.csv`;

describe.each(BACKENDS)('$name store: mailbox', (backend) => {
  const run = backend.skipped ? describe.skip : describe;
  run(backend.skipped ? `skipped: ${backend.skipped}` : 'pages, filters, counts, 送信取消 and records alike', () => {
    let opened: OpenedStore;
    let store: Store;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      opened = await backend.open();
      store = opened.store;
      for (const office of [A, C, Y]) await store.offices.upsert(office);
      // Y's received box: one message of each kind, from two offices, over two weeks
      const fixtures: Record<string, NewSend> = {
        plan: send({ names: [routed('UPPLAN', '202504', A.number), routed('UPSIKYU', '202504', A.number)], message: '4月分の予定です', sentAt: '2025-04-01T00:00:00.000Z', expiresAt: '2025-04-20T00:00:00.000Z' }),
        actual: send({ sender: C.number, names: [routed('UPJSK', '202503', C.number)], message: '3月の実績を送付します', sentAt: '2025-04-05T00:00:00.000Z' }),
        kyotaku: send({ names: [routed('UP1KYO', null, A.number), routed('UP2KYO', null, A.number), 'フェイスシート.pdf'], message: 'ＡＢＣ様の計画書', sentAt: '2025-04-10T00:00:00.000Z' }),
        deleted: send({ names: [routed('DLTPLAN', '202504', A.number)], message: '削除します', sentAt: '2025-04-12T00:00:00.000Z' }),
        hosoku: send({ sender: C.number, names: [routed('UPHOSOKU', '000000', C.number), 'memo.txt'], sentAt: '2025-04-15T00:00:00.000Z' }),
      };
      for (const [name, s] of Object.entries(fixtures)) {
        await store.messages.insertSend(s);
        ids[name] = s.message.id;
      }
      // 済: every file of the 実績 downloaded; 取消: the 削除 withdrawn before anyone fetched it
      expect(await store.messages.markDownloaded(ids.actual!, `${ids.actual}-f0`, '2025-04-06T00:00:00.000Z')).toBe('first');
      expect(await store.messages.withdraw(ids.deleted!, A.number, '2025-04-12T01:00:00.000Z', 'cm01')).toBe('withdrawn');
    }, HOOK_TIMEOUT);
    afterAll(async () => {
      await opened?.dispose();
    }, HOOK_TIMEOUT);

    const page = (filter: ListFilter, box: 'sent' | 'received' = 'received', sort: ListSort = 'newest', office = Y.number) =>
      allMessages(store, box, office, { filter, sort }).then((list) => list.map((m) => Object.entries(ids).find(([, id]) => id === m.id)?.[0] ?? m.id));

    it('pages hold the same records as reading each message (files, download and withdrawal times)', async () => {
      const { records } = await store.messages.page({ nowIso: NOW_ISO, box: 'received', office: Y.number, filter: {}, sort: 'newest', after: null, limit: 10 });
      expect(records).toHaveLength(5);
      for (const record of records) expect(record).toEqual(await store.messages.get(record.id));
      expect(records.find((r) => r.id === ids.actual)?.files[0]?.downloadedAt).toBe('2025-04-06T00:00:00.000Z');
      expect(records.find((r) => r.id === ids.deleted)?.withdrawnAt).toBe('2025-04-12T01:00:00.000Z');
    });

    it('filters by 状況 未 / 済 / 取消', async () => {
      expect(await page({})).toEqual(['hosoku', 'deleted', 'kyotaku', 'actual', 'plan']);
      expect(await page({ status: '未' })).toEqual(['hosoku', 'kyotaku', 'plan']);
      expect(await page({ status: '済' })).toEqual(['actual']);
      expect(await page({ status: '取消' })).toEqual(['deleted']);
    });

    it('filters by 相手先: a number prefix, or part of the name', async () => {
      expect(await page({ office: C.number })).toEqual(['hosoku', 'actual']);
      expect(await page({ office: '331' })).toEqual(['hosoku', 'actual']);
      expect(await page({ office: '33000' })).toEqual(['deleted', 'kyotaku', 'plan']);
      expect(await page({ office: 'ひまわり' })).toEqual(['hosoku', 'actual']);
      expect(await page({ office: '居宅' })).toEqual(['deleted', 'kyotaku', 'plan']);
      expect(await page({ office: '存在しない' })).toEqual([]);
      expect(await page({ office: 'フィルタ' }, 'sent', 'newest', A.number)).toEqual(['deleted', 'kyotaku', 'plan']);
    });

    it('filters by ファイル種別 groups (any of them), leaving a withdrawn message out of the receiver’s', async () => {
      expect(await page({ kinds: ['plan'] })).toEqual(['plan']);
      expect(await page({ kinds: ['actual', 'hosoku'] })).toEqual(['hosoku', 'actual']);
      expect(await page({ kinds: ['kyotaku'] })).toEqual(['kyotaku']);
      expect(await page({ kinds: ['other'] })).toEqual(['hosoku', 'kyotaku']);
      expect(await page({ kinds: ['delete'] })).toEqual([]);
      expect(await page({ kinds: ['delete'] }, 'sent', 'newest', A.number)).toEqual(['deleted']);
    });

    it('filters by 対象年月, a date range and free text over file names and messages (NFKC, any case)', async () => {
      expect(await page({ month: '202504' })).toEqual(['plan']);
      expect(await page({ month: '202504' }, 'sent', 'newest', A.number)).toEqual(['deleted', 'plan']);
      expect(await page({ month: '202503' })).toEqual(['actual']);
      expect(await page({ month: '000000' })).toEqual([]);
      expect(await page({ from: '2025-04-05T00:00:00.000Z', to: '2025-04-12T00:00:00.000Z' })).toEqual(['kyotaku', 'actual']);
      expect(await page({ from: '2025-04-10T09:00:00+09:00' })).toEqual(['hosoku', 'deleted', 'kyotaku']);
      expect(await page({ q: 'upsikyu' })).toEqual(['plan']);
      expect(await page({ q: '実績' })).toEqual(['actual']);
      expect(await page({ q: 'ａｂｃ' })).toEqual(['kyotaku']);
      expect(await page({ q: 'MEMO.TXT' })).toEqual(['hosoku']);
      expect(await page({ q: '削除します' })).toEqual([]);
      expect(await page({ q: '削除します' }, 'sent', 'newest', A.number)).toEqual(['deleted']);
      expect(await page({ q: '予定', office: 'れんけい', status: '未', kinds: ['plan'], month: '202504' })).toEqual(['plan']);
    });

    it('sorts oldest first, and by office (then newest first), paging alike', async () => {
      expect(await page({}, 'received', 'oldest')).toEqual(['plan', 'actual', 'kyotaku', 'deleted', 'hosoku']);
      expect(await page({}, 'received', 'office')).toEqual(['deleted', 'kyotaku', 'plan', 'hosoku', 'actual']);
      // one message a page: the keyset carries the office across the change from A to C
      const onePerPage: string[] = [];
      let after: PageRequest['after'] = null;
      for (let i = 0; i < 10; i++) {
        const p = await store.messages.page({ nowIso: NOW_ISO, box: 'received', office: Y.number, filter: {}, sort: 'office', after, limit: 1 });
        const m = p.records[0]!;
        onePerPage.push(m.id);
        if (!p.more) break;
        after = { sentAt: m.sentAt, id: m.id, office: m.sender };
      }
      expect(onePerPage).toEqual([ids.deleted, ids.kyotaku, ids.plan, ids.hosoku, ids.actual]);
    });

    it('counts unread and soon-expiring messages for both boxes', async () => {
      expect(await store.messages.counts(Y.number, NOW_ISO, '2025-04-25T00:00:00.000Z')).toEqual({
        unread: 3,
        expiringReceived: 1,
        expiringSent: 0,
        newestUnreadAt: '2025-04-15T00:00:00.000Z',
      });
      expect(await store.messages.counts(A.number, NOW_ISO, '2025-05-02T00:00:00.000Z')).toEqual({
        unread: 0,
        expiringReceived: 0,
        expiringSent: 2,
        newestUnreadAt: null,
      });
      expect(await store.messages.counts('3399999999', NOW_ISO, '2025-05-02T00:00:00.000Z')).toEqual({ unread: 0, expiringReceived: 0, expiringSent: 0, newestUnreadAt: null });
    });

    it('pages stay whole and single under concurrent inserts', async () => {
      const office = '3320000002';
      const base = Date.parse('2025-06-01T00:00:00.000Z');
      // 130 messages, some sharing a time (the id breaks the tie)
      for (let i = 0; i < 130; i++) {
        await store.messages.insertSend(send({ destination: office, sentAt: new Date(base + Math.floor(i / 3) * 60_000).toISOString() }));
      }
      const before = new Set((await allMessages(store, 'received', office)).map((m) => m.id));
      const seen: string[] = [];
      let after: PageRequest['after'] = null;
      let round = 0;
      for (;;) {
        // while a page is read, newer messages arrive, and some older than where the pages stand
        const arriving = Array.from({ length: 4 }, (_, i) =>
          store.messages.insertSend(send({ destination: office, sentAt: new Date(base + (i % 2 === 0 ? 1_000_000_000 + round * 1000 + i : -(round * 1000 + i))).toISOString() })),
        );
        const [p]: [MessagePage, ...unknown[]] = await Promise.all([store.messages.page({ nowIso: NOW_ISO, box: 'received', office, filter: {}, sort: 'newest', after, limit: 50 }), ...arriving]);
        seen.push(...p.records.map((m) => m.id));
        round += 1;
        const last = p.records.at(-1);
        if (!p.more || !last) break;
        after = { sentAt: last.sentAt, id: last.id };
      }
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of before) expect(seen).toContain(id);
    });

    it('withdraws only the sender’s untouched message, once, and refuses after any download', async () => {
      const untouched = send({ destination: C.number });
      const touched = send({ destination: C.number, names: ['a.pdf', 'b.pdf'] });
      await store.messages.insertSend(untouched);
      await store.messages.insertSend(touched);
      expect(await store.messages.withdraw(untouched.message.id, C.number, '2025-04-02T00:00:00.000Z', 'ds01')).toBe('not-found');
      expect(await store.messages.withdraw('x-none', A.number, '2025-04-02T00:00:00.000Z', 'cm01')).toBe('not-found');
      expect(await store.messages.withdraw(untouched.message.id, A.number, '2025-04-02T00:00:00.000Z', 'cm01')).toBe('withdrawn');
      expect(await store.messages.withdraw(untouched.message.id, A.number, '2025-04-03T00:00:00.000Z', 'cm01')).toBe('already-withdrawn');
      expect((await store.messages.get(untouched.message.id))?.withdrawnAt).toBe('2025-04-02T00:00:00.000Z');
      expect(await store.messages.markDownloaded(untouched.message.id, `${untouched.message.id}-f0`, '2025-04-04T00:00:00.000Z')).toBe('withdrawn');

      expect(await store.messages.markDownloaded(touched.message.id, `${touched.message.id}-f1`, '2025-04-02T00:00:00.000Z')).toBe('first');
      expect(await store.messages.withdraw(touched.message.id, A.number, '2025-04-03T00:00:00.000Z', 'cm01')).toBe('downloaded');
      expect((await store.messages.get(touched.message.id))?.withdrawnAt).toBeNull();
    });

    it('lets exactly one of a withdrawal and a first download win when they meet', async () => {
      for (let i = 0; i < 5; i++) {
        const s = send({ destination: C.number });
        await store.messages.insertSend(s);
        const [withdrawal, download] = await Promise.all([
          store.messages.withdraw(s.message.id, A.number, '2025-04-02T00:00:00.000Z', 'cm01'),
          store.messages.markDownloaded(s.message.id, `${s.message.id}-f0`, '2025-04-02T00:00:00.000Z'),
        ]);
        expect(`${withdrawal}/${download}`).toMatch(/^(withdrawn\/withdrawn|downloaded\/first)$/);
      }
    });

    it('keeps the 送受信記録 of a month, with downloads and withdrawals, after the messages are deleted', async () => {
      const office = '3320000003';
      await store.offices.upsert({ number: office, name: '記録事業所', kind: '' });
      const inMonth = send({ destination: office, names: ['a.pdf', 'b.pdf'], sentAt: '2025-07-31T15:30:00.000Z' });
      const before = send({ destination: office, sentAt: '2025-07-31T14:59:59.999Z' });
      const back = send({ sender: office, destination: A.number, sentAt: '2025-08-10T00:00:00.000Z' });
      for (const s of [inMonth, before, back]) await store.messages.insertSend(s);
      await store.messages.markDownloaded(inMonth.message.id, `${inMonth.message.id}-f1`, '2025-08-01T00:00:00.000Z');
      await store.messages.withdraw(back.message.id, office, '2025-08-10T01:00:00.000Z', 'x');
      await store.messages.deleteMany([inMonth.message.id, back.message.id]);
      // 2025年8月 in Japan: from 2025-07-31T15:00Z
      const records = await store.messages.records(office, '2025-07-31T15:00:00.000Z', '2025-08-31T15:00:00.000Z');
      expect(records.map((r) => [r.messageId, r.name, r.sender, r.destination, r.senderName, r.destinationName, r.downloadedAt, r.withdrawnAt])).toEqual([
        [inMonth.message.id, 'a.pdf', A.number, office, A.name, '記録事業所', null, null],
        [inMonth.message.id, 'b.pdf', A.number, office, A.name, '記録事業所', '2025-08-01T00:00:00.000Z', null],
        [back.message.id, '第3表.pdf', office, A.number, '記録事業所', A.name, null, '2025-08-10T01:00:00.000Z'],
      ]);
      expect(records[0]).toMatchObject({ sentAt: '2025-07-31T15:30:00.000Z', sentBy: 'cm01', category: 'PDF等', size: 10, sha256: 'c'.repeat(64), position: 0 });
    });

    it('leaves out what retention ended and what a removed office left, in pages, counts and records', async () => {
      const leaving = { number: '3320000005', name: '退会事業所', kind: '' };
      await store.offices.upsert(leaving);
      const live = send({ sender: leaving.number, destination: C.number, sentAt: '2025-09-01T00:00:00.000Z', expiresAt: '2025-10-01T00:00:00.000Z' });
      const over = send({ sender: leaving.number, destination: C.number, sentAt: '2025-08-01T00:00:00.000Z', expiresAt: '2025-09-01T00:00:00.000Z' });
      for (const s of [live, over]) await store.messages.insertSend(s);
      const now = '2025-09-15T00:00:00.000Z';
      const sentIds = async () =>
        (await store.messages.page({ nowIso: now, box: 'sent', office: leaving.number, filter: {}, sort: 'newest', after: null, limit: 10 })).records.map((m) => m.id);
      expect(await sentIds()).toEqual([live.message.id]);
      expect((await store.messages.counts(C.number, now, '2025-12-01T00:00:00.000Z')).expiringReceived).toBeGreaterThanOrEqual(1);
      const received = await store.messages.page({ nowIso: now, box: 'received', office: C.number, filter: { office: leaving.number }, sort: 'newest', after: null, limit: 10 });
      expect(received.records.map((m) => m.id)).toEqual([live.message.id]);
      expect((await store.messages.records(leaving.number, '2025-07-31T15:00:00.000Z', '2025-09-30T15:00:00.000Z')).length).toBe(2);

      // the office leaves; a new one under its number starts with an empty mailbox and record
      await store.offices.remove(leaving.number);
      await store.offices.upsert({ ...leaving, name: '新しい事業所' });
      expect(await sentIds()).toEqual([]);
      expect(await store.messages.records(leaving.number, '2025-07-31T15:00:00.000Z', '2025-09-30T15:00:00.000Z')).toEqual([]);
      // the other side keeps its own: C still has what it received, and its record
      const still = await store.messages.page({ nowIso: now, box: 'received', office: C.number, filter: { office: leaving.number }, sort: 'newest', after: null, limit: 10 });
      expect(still.records.map((m) => m.id)).toEqual([live.message.id]);
      expect((await store.messages.records(C.number, '2025-07-31T15:00:00.000Z', '2025-09-30T15:00:00.000Z')).map((r) => r.messageId)).toContain(live.message.id);
    });

    it('searches the directory by number prefix or part of the name (NFKC), by number', async () => {
      await store.offices.upsert({ number: '3320000009', name: 'ﾃﾞｲｻｰﾋﾞｽ ＡＢＣ', kind: '' });
      expect((await store.offices.search('332', 10)).map((o) => o.number)).toEqual(['3320000001', '3320000003', '3320000005', '3320000009']);
      expect((await store.offices.search('332', 2)).map((o) => o.number)).toEqual(['3320000001', '3320000003']);
      expect((await store.offices.search('デイサービス', 10)).map((o) => o.number)).toEqual(['3320000009']);
      expect((await store.offices.search('abc', 10)).map((o) => o.number)).toEqual(['3320000009']);
      expect((await store.offices.search('ひまわり', 10))).toEqual([C]);
      expect(await store.offices.search('%', 10)).toEqual([]);
    });
  });
});
