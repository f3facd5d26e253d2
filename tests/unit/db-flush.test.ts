// The outbox flush against a fake relay: retries, refusals and the idempotency key.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay, flushOutbox } from '../../src/api/flush';
import type { FetchLike } from '../../src/api/send';
import { getDraft, saveDraft } from '../../src/db/drafts';
import { enqueueSend, getOutboxItem, isPausedForLogin, listOutbox, listSentRecords, releaseNeedsLogin } from '../../src/db/outbox';
import { csvFile, freshDatabase } from './db-helpers';
import { summary } from './db-fixtures';

const NAME = 'UPPLAN_202501_3300000001_3310000017_20250101120000.CSV';

beforeEach(freshDatabase);

type Answer = { status: number; body?: unknown } | 'network-down';

/** A relay that answers from a script, then (script used up) stores each idempotency key once. */
function fakeRelay(script: Answer[] = []) {
  const delivered = new Map<string, string>();
  const requests: { headers: Record<string, string>; meta: unknown; fileNames: string[]; credentials?: RequestCredentials }[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    expect(url).toBe('/api/messages');
    expect(init.method).toBe('POST');
    const form = init.body as FormData;
    const headers = init.headers as Record<string, string>;
    requests.push({
      headers,
      meta: JSON.parse(String(form.get('meta'))),
      fileNames: form.getAll('files').map((f) => (f as File).name),
      credentials: init.credentials,
    });
    const answer = script.shift();
    if (answer === 'network-down') throw new TypeError('Failed to fetch');
    if (answer) return Response.json(answer.body ?? { error: { code: 'x', message: 'サーバーエラー' } }, { status: answer.status });
    const key = headers['idempotency-key']!;
    const duplicate = delivered.has(key);
    if (!duplicate) delivered.set(key, `msg-${delivered.size + 1}`);
    return Response.json({ message: summary(delivered.get(key)!), duplicate }, { status: duplicate ? 200 : 201 });
  };
  return { fetchImpl, delivered, requests };
}

function clock(start = Date.now() + 1000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('flushOutbox', () => {
  it('sends the multipart body with the idempotency key and the CSRF header', async () => {
    const relay = fakeRelay();
    const item = await enqueueSend({ destination: '3310000017', message: 'よろしく', files: [csvFile(NAME), csvFile('第3表.pdf', [0x25, 0x50, 0x44, 0x46])] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(report.sent).toHaveLength(1);
    expect(relay.requests).toEqual([
      {
        headers: { 'idempotency-key': item.id, 'x-renkei-client': '1' },
        meta: { destination: '3310000017', message: 'よろしく' },
        fileNames: [NAME, '第3表.pdf'],
        credentials: 'same-origin',
      },
    ]);
  });

  it('an item queued under another office waits for that office without holding back the others', async () => {
    const wrong = { status: 409, body: { error: { code: 'wrong-office', message: 'この送信は事業所 3310000025 から送るものです' } } };
    const relay = fakeRelay([wrong]);
    const other = await enqueueSend({ sender: '3310000025', destination: '3300000001', message: '', files: [csvFile(NAME)] });
    const mine = await enqueueSend({ sender: '3300000001', destination: '3310000017', message: '', files: [csvFile(NAME)] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(relay.requests.map((r) => r.meta)).toEqual([
      { sender: '3310000025', destination: '3300000001', message: '' },
      { sender: '3300000001', destination: '3310000017', message: '' },
    ]);
    expect(report.sent.map((r) => r.id)).toEqual([mine.id]);
    expect(report.needsLogin).toBe(false);
    expect(await isPausedForLogin()).toBe(false);
    expect(await getOutboxItem(other.id)).toMatchObject({ status: 'needs-login', lastError: 'この送信は事業所 3310000025 から送るものです' });
  });

  it('500 twice then 201: one delivery, one send record, the item and its draft gone', async () => {
    const relay = fakeRelay([{ status: 500 }, { status: 503 }]);
    const time = clock();
    const draft = await saveDraft({ destination: '3310000017', message: '', files: [csvFile(NAME)] });
    const item = await enqueueSend({ destination: '3310000017', message: '', files: [csvFile(NAME)], draftId: draft.id, batchRowId: 'row-7' });

    const first = await flushOutbox({ fetchImpl: relay.fetchImpl, now: time.now });
    expect(first.retrying).toEqual([{ id: item.id, message: 'サーバーエラー', nextAttemptAt: time.now() + 2000 }]);
    expect(await getOutboxItem(item.id)).toMatchObject({ status: 'waiting', attempts: 1, lastError: 'サーバーエラー' });

    // not due yet: the backoff holds it back
    expect((await flushOutbox({ fetchImpl: relay.fetchImpl, now: time.now })).retrying).toEqual([]);
    time.advance(2000);
    const second = await flushOutbox({ fetchImpl: relay.fetchImpl, now: time.now });
    expect(second.retrying[0]?.nextAttemptAt).toBe(time.now() + 4000);
    time.advance(4000);
    const third = await flushOutbox({ fetchImpl: relay.fetchImpl, now: time.now });

    expect(third.sent).toHaveLength(1);
    expect(relay.requests.map((r) => r.headers['idempotency-key'])).toEqual([item.id, item.id, item.id]);
    expect(relay.delivered.size).toBe(1);
    expect(await listOutbox()).toEqual([]);
    expect(await getDraft(draft.id)).toBeUndefined();
    const records = await listSentRecords();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: item.id, batchRowId: 'row-7', result: { id: 'msg-1' } });
  });

  it('a repeated flush after a lost answer delivers once (200 duplicate)', async () => {
    const relay = fakeRelay();
    const item = await enqueueSend({ destination: '3310000017', message: '', files: [] });
    // the server stored it but the answer was lost
    const lost: FetchLike = async (url, init) => {
      await relay.fetchImpl(url, init);
      throw new TypeError('connection reset');
    };
    expect((await flushOutbox({ fetchImpl: lost })).offline).toBe(true);
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl, ignoreBackoff: true });
    expect(report.sent.map((r) => r.id)).toEqual([item.id]);
    expect(relay.delivered.size).toBe(1);
  });

  it('422 moves the item to failed with the server message and goes on with the next', async () => {
    const message = '送信先の事業所番号が事業所台帳にありません';
    const relay = fakeRelay([{ status: 422, body: { error: { code: 'unknown-destination', message } } }]);
    const bad = await enqueueSend({ destination: '3310000017', message: '', files: [] });
    const good = await enqueueSend({ destination: '3310000025', message: '', files: [] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(report.failed).toEqual([{ id: bad.id, message }]);
    expect(report.sent.map((r) => r.id)).toEqual([good.id]);
    expect(await getOutboxItem(bad.id)).toMatchObject({ status: 'failed', lastError: message });
    // failed stays failed until the user asks again
    await flushOutbox({ fetchImpl: relay.fetchImpl, ignoreBackoff: true });
    expect(relay.requests).toHaveLength(2);
  });

  it('401 marks needs-login and stops every send until the user logs in again', async () => {
    const relay = fakeRelay([{ status: 401, body: { error: { code: 'unauthorized', message: 'ログインしてください' } } }]);
    const a = await enqueueSend({ destination: '3310000017', message: '', files: [] });
    const b = await enqueueSend({ destination: '3310000025', message: '', files: [] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(report.needsLogin).toBe(true);
    expect(await getOutboxItem(a.id)).toMatchObject({ status: 'needs-login', lastError: 'ログインしてください' });
    expect((await getOutboxItem(b.id))?.status).toBe('waiting');
    expect(await isPausedForLogin()).toBe(true);
    expect((await flushOutbox({ fetchImpl: relay.fetchImpl, ignoreBackoff: true })).sent).toEqual([]);
    expect(relay.requests).toHaveLength(1);

    await releaseNeedsLogin();
    const after = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(after.sent.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(relay.delivered.size).toBe(2);
  });

  it('403 office-login-required also waits for a login; another 403 fails', async () => {
    const relay = fakeRelay([
      { status: 403, body: { error: { code: 'forbidden-sender', message: '送信元の事業所が違います' } } },
      { status: 403, body: { error: { code: 'office-login-required', message: '事業所ユーザログインをしてください' } } },
    ]);
    const a = await enqueueSend({ destination: '3310000017', message: '', files: [] });
    const b = await enqueueSend({ destination: '3310000025', message: '', files: [] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(report.failed).toEqual([{ id: a.id, message: '送信元の事業所が違います' }]);
    expect(report.needsLogin).toBe(true);
    expect((await getOutboxItem(b.id))?.status).toBe('needs-login');
  });

  it('a dead network keeps the items waiting with backoff and stops early', async () => {
    const relay = fakeRelay(['network-down']);
    const time = clock();
    const a = await enqueueSend({ destination: '3310000017', message: '', files: [] });
    const b = await enqueueSend({ destination: '3310000025', message: '', files: [] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl, now: time.now });
    expect(report.offline).toBe(true);
    expect(relay.requests).toHaveLength(1);
    expect(await getOutboxItem(a.id)).toMatchObject({ status: 'waiting', attempts: 1, nextAttemptAt: time.now() + 2000 });
    expect(await getOutboxItem(b.id)).toMatchObject({ status: 'waiting', attempts: 0 });
  });

  it('two flushes at once (no Web Lock here) never take the same item', async () => {
    const relay = fakeRelay();
    for (const destination of ['3310000017', '3310000025', '0899999995']) await enqueueSend({ destination, message: '', files: [] });
    const [one, two] = await Promise.all([flushOutbox({ fetchImpl: relay.fetchImpl }), flushOutbox({ fetchImpl: relay.fetchImpl })]);
    expect(one.sent.length + two.sent.length).toBe(3);
    expect(relay.requests).toHaveLength(3);
    expect(relay.delivered.size).toBe(3);
  });

  it('backs off exponentially up to five minutes', () => {
    expect([1, 2, 3, 4].map(backoffDelay)).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffDelay(30)).toBe(5 * 60_000);
  });
});
