// The outbox flush against the real relay (createApp on a temporary SQLite file, answered
// in-process): retries, refusals and the idempotency key. What the relay cannot be made to do on
// purpose — a dead network, a lost answer, a 5xx from a proxy — is done by the network in
// between, which otherwise passes every request through with the session cookie, as a browser does.
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay, flushOutbox } from '../../src/outbox/flush';
import type { FetchLike } from '../../src/api/request';
import { openRenkeiDb } from '../../src/db/db';
import { getDraft, saveDraft } from '../../src/db/drafts';
import { claimNextDue, enqueueSend, getOutboxItem, isPausedForLogin, listOutbox, listSentRecords, releaseNeedsLogin } from '../../src/outbox/store';
import { messageListResponseSchema } from '../../src/domain/contract';
import { pdf, planCsv, type Agent } from '../support/agent';
import { CM, DS, EX, HH } from '../support/cast';
import { allMessages } from '../support/mailbox';
import { freshDatabase, keptFile, signIn } from '../support/db';
import { useRelay } from '../support/use-relay';

const plan = (destination = HH.office, sequence = '20250101120000') => keptFile(planCsv(CM.office, destination, sequence), 'text/csv');
const NAME = plan().name;

const t = useRelay();
/** cm01 with the 事業所ユーザログイン of 3300000001: the browser the items go out from */
let office: Agent;
/** cm01 logged in as a person only */
let personOnly: Agent;

beforeAll(async () => {
  office = await t.signedIn(CM);
  personOnly = t().agent();
  await personOnly.login(CM.user);
});
beforeEach(freshDatabase);

type Answer = { status: number; body?: unknown } | 'network-down' | 'answer-lost';

/**
 * The network between the page and the relay: answers from the script first ('network-down':
 * nothing reaches the relay; 'answer-lost': the relay gets it, the page hears nothing), then
 * passes every request to the relay in `session`'s browser.
 */
function network(script: Answer[] = [], session: { agent: Agent | null } = { agent: office }) {
  const requests: { headers: Record<string, string>; meta: unknown; fileNames: string[]; credentials?: RequestCredentials }[] = [];
  const storedBefore = allMessages(t().relay.deps.store, 'sent', CM.office).then((list) => list.length);
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
    if (answer && answer !== 'answer-lost') return Response.json(answer.body, { status: answer.status });
    const relayed = session.agent ? await session.agent.request(url, init) : await t().request(url, init);
    if (answer === 'answer-lost') throw new TypeError('connection reset');
    return relayed;
  };
  return {
    fetchImpl,
    requests,
    /** messages the relay stored since this network was set up */
    delivered: async () => (await allMessages(t().relay.deps.store, 'sent', CM.office)).length - (await storedBefore),
    session,
  };
}

const serverError = (status: number) => ({ status, body: { error: { code: 'internal', message: 'サーバーエラー' } } });

function clock(start = Date.now() + 1000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('flushOutbox', () => {
  it('sends the multipart body with the idempotency key and the CSRF header', async () => {
    const relay = network();
    const item = await enqueueSend({ destination: HH.office, message: 'よろしく', files: [plan(), keptFile(pdf('第3表.pdf'), 'application/pdf')] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(report.sent).toHaveLength(1);
    expect(relay.requests).toEqual([
      {
        headers: { 'idempotency-key': item.id, 'x-renkei-client': '1' },
        // the owner's office and person: the relay refuses it under anyone else's login
        meta: { sender: CM.office, sentBy: CM.user, destination: HH.office, message: 'よろしく' },
        fileNames: [NAME, '第3表.pdf'],
        credentials: 'same-origin',
      },
    ]);
  });

  it('under the flush lock, an item left 送信中 by a page reloaded mid-send goes at once, and once', async () => {
    const relay = network();
    const item = await enqueueSend({ destination: HH.office, message: '', files: [plan(undefined, '20250101120500')] });
    // the page that claimed it was reloaded before the answer: the item stays 'sending'
    await claimNextDue(Date.now(), { ignoreBackoff: false, skip: new Set() });
    expect(await getOutboxItem(item.id)).toMatchObject({ status: 'sending' });
    // without the lock nobody can tell the sender is gone: it waits to turn stale
    expect((await flushOutbox({ fetchImpl: relay.fetchImpl })).sent).toHaveLength(0);
    const oneHolder = { request: <T,>(_name: string, task: () => Promise<T>) => task() } as unknown as Pick<LockManager, 'request'>;
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl, locks: oneHolder });
    expect(report.sent.map((sent) => sent.id)).toEqual([item.id]);
    expect(await relay.delivered()).toBe(1);
    expect(await getOutboxItem(item.id)).toBeUndefined();
  });

  it('an item queued under another office is neither sent nor seen until that office signs in', async () => {
    const relay = network();
    await signIn({ userId: CM.user, office: DS.office });
    const other = await enqueueSend({ destination: CM.office, message: '', files: [keptFile(planCsv(DS.office, CM.office))] });
    await signIn({ userId: CM.user, office: CM.office });
    const mine = await enqueueSend({ destination: HH.office, message: '', files: [plan()] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(relay.requests.map((r) => r.meta)).toEqual([{ sender: CM.office, sentBy: CM.user, destination: HH.office, message: '' }]);
    expect(report.sent.map((r) => r.id)).toEqual([mine.id]);
    expect(await getOutboxItem(other.id)).toBeUndefined();
    await signIn({ userId: CM.user, office: DS.office });
    expect(await getOutboxItem(other.id)).toMatchObject({ status: 'waiting', attempts: 0 });
  });

  it('a flush that meets another office’s login (a race with a logout) leaves the item waiting for its office', async () => {
    // the item is cm01@3300000001's, but the browser's cookie is already ds01's
    const ds = await t.signedIn(DS);
    const relay = network([], { agent: ds });
    const item = await enqueueSend({ destination: HH.office, message: '', files: [plan()] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(report.sent).toEqual([]);
    expect(await isPausedForLogin()).toBe(false);
    expect(await getOutboxItem(item.id)).toMatchObject({
      status: 'needs-login',
      lastError: `この送信は事業所 ${CM.office} から送るものです。その事業所の事業所ユーザでログインすると送信されます`,
    });
  });

  it('nor does one that meets another person of the same office', async () => {
    const colleague = t().agent();
    await t().relay.deps.store.people.upsert({ userId: 'cm02', name: '同僚', passwordHash: (await t().relay.deps.store.people.get(CM.user))!.passwordHash });
    await t().relay.deps.store.people.linkOffice('cm02', CM.office);
    await colleague.loginAs('cm02', CM.officeUser);
    const relay = network([], { agent: colleague });
    const item = await enqueueSend({ destination: HH.office, message: '', files: [plan()] });
    await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(await getOutboxItem(item.id)).toMatchObject({
      status: 'needs-login',
      lastError: `この送信は利用者 ${CM.user} が作成したものです。その利用者でログインすると送信されます`,
    });
    expect(await relay.delivered()).toBe(0);
  });

  it('500 twice then 201: one delivery, one send record, the item and its draft gone', async () => {
    const relay = network([serverError(500), serverError(503)]);
    const time = clock();
    const draft = await saveDraft({ destination: HH.office, message: '', files: [plan()] });
    const item = await enqueueSend({ destination: HH.office, message: '', files: [plan()], draftId: draft.id, batchRowId: 'row-7' });

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
    expect(await relay.delivered()).toBe(1);
    expect(await listOutbox()).toEqual([]);
    expect(await getDraft(draft.id)).toBeUndefined();
    const records = await listSentRecords();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: item.id, batchRowId: 'row-7', result: { id: third.sent[0]!.result.id } });
  });

  it('a repeated flush after a lost answer delivers once (200 duplicate)', async () => {
    const relay = network(['answer-lost']);
    const item = await enqueueSend({ destination: HH.office, message: '', files: [plan()] });
    // the server stored it but the answer was lost
    expect((await flushOutbox({ fetchImpl: relay.fetchImpl })).offline).toBe(true);
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl, ignoreBackoff: true });
    expect(report.sent.map((r) => r.id)).toEqual([item.id]);
    expect(await relay.delivered()).toBe(1);
  });

  it('422 moves the item to failed with the server message and goes on with the next', async () => {
    const unknown = '1234567890';
    const message = `送信先事業所番号 ${unknown} の事業所は登録されていません`;
    const relay = network();
    const bad = await enqueueSend({ destination: unknown, message: '', files: [keptFile(planCsv(CM.office, unknown))] });
    const good = await enqueueSend({ destination: DS.office, message: '', files: [plan(DS.office)] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(report.failed).toEqual([{ id: bad.id, message }]);
    expect(report.sent.map((r) => r.id)).toEqual([good.id]);
    expect(await getOutboxItem(bad.id)).toMatchObject({ status: 'failed', lastError: message });
    // failed stays failed until the user asks again
    await flushOutbox({ fetchImpl: relay.fetchImpl, ignoreBackoff: true });
    expect(relay.requests).toHaveLength(2);
  });

  it('an item whose id is no UUID (one an older version left, 送信-1) fails at once with a clear reason, never 「接続できませんでした」', async () => {
    const relay = network();
    // as a browser does: a header value past Latin-1 throws before anything is sent
    const browserFetch: FetchLike = (url, init) => {
      new Headers(init.headers as HeadersInit);
      return relay.fetchImpl(url, init);
    };
    const queued = await enqueueSend({ destination: HH.office, message: '', files: [plan()] });
    const db = await openRenkeiDb();
    await db.delete('outbox', queued.id);
    await db.put('outbox', { ...queued, id: '送信-1' });
    const good = await enqueueSend({ destination: DS.office, message: '', files: [plan(DS.office)] });
    const report = await flushOutbox({ fetchImpl: browserFetch });
    const message = '送信IDが正しい形式ではないため送信できません(古い版のアプリが残した送信です。内容はそのまま残っています)';
    expect(report.offline).toBeFalsy();
    expect(report.failed).toEqual([{ id: '送信-1', message }]);
    expect(report.sent.map((r) => r.id)).toEqual([good.id]);
    // nothing of it reached the relay, and it waits, files intact, for 下書きに戻す
    expect(relay.requests.map((r) => r.headers['idempotency-key'])).toEqual([good.id]);
    expect(await getOutboxItem('送信-1')).toMatchObject({ status: 'failed', lastError: message, files: [{ name: NAME }] });
  });

  it('401 marks needs-login and stops every send until the user logs in again', async () => {
    // a browser whose session is gone
    const relay = network([], { agent: null });
    const a = await enqueueSend({ destination: HH.office, message: '', files: [plan()] });
    const b = await enqueueSend({ destination: DS.office, message: '', files: [plan(DS.office)] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(report.needsLogin).toBe(true);
    expect(await getOutboxItem(a.id)).toMatchObject({ status: 'needs-login', lastError: 'ログインしてください' });
    expect((await getOutboxItem(b.id))?.status).toBe('waiting');
    expect(await isPausedForLogin()).toBe(true);
    expect((await flushOutbox({ fetchImpl: relay.fetchImpl, ignoreBackoff: true })).sent).toEqual([]);
    expect(relay.requests).toHaveLength(1);

    relay.session.agent = office;
    await releaseNeedsLogin();
    const after = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(after.sent.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(await relay.delivered()).toBe(2);
  });

  it('403 office-login-required also waits for a login; another 403 fails', async () => {
    // the first answer is a 403 the relay has for other reasons (a request it takes for cross-site)
    const relay = network([{ status: 403, body: { error: { code: 'csrf', message: '不正なリクエストです' } } }], { agent: personOnly });
    const a = await enqueueSend({ destination: HH.office, message: '', files: [plan()] });
    const b = await enqueueSend({ destination: DS.office, message: '', files: [plan(DS.office)] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl });
    expect(report.failed).toEqual([{ id: a.id, message: '不正なリクエストです' }]);
    expect(report.needsLogin).toBe(true);
    expect((await getOutboxItem(b.id))?.status).toBe('needs-login');
  });

  it('a dead network keeps the items waiting with backoff and stops early', async () => {
    const relay = network(['network-down']);
    const time = clock();
    const a = await enqueueSend({ destination: HH.office, message: '', files: [plan()] });
    const b = await enqueueSend({ destination: DS.office, message: '', files: [plan(DS.office)] });
    const report = await flushOutbox({ fetchImpl: relay.fetchImpl, now: time.now });
    expect(report.offline).toBe(true);
    expect(relay.requests).toHaveLength(1);
    expect(await getOutboxItem(a.id)).toMatchObject({ status: 'waiting', attempts: 1, nextAttemptAt: time.now() + 2000 });
    expect(await getOutboxItem(b.id)).toMatchObject({ status: 'waiting', attempts: 0 });
  });

  it('two flushes at once (no Web Lock here) never take the same item', async () => {
    const relay = network();
    for (const destination of [HH.office, DS.office, EX.office]) await enqueueSend({ destination, message: '', files: [plan(destination)] });
    const [one, two] = await Promise.all([flushOutbox({ fetchImpl: relay.fetchImpl }), flushOutbox({ fetchImpl: relay.fetchImpl })]);
    expect(one.sent.length + two.sent.length).toBe(3);
    expect(relay.requests).toHaveLength(3);
    expect(await relay.delivered()).toBe(3);
  });

  it('backs off exponentially up to five minutes', () => {
    expect([1, 2, 3, 4].map(backoffDelay)).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffDelay(30)).toBe(5 * 60_000);
  });
});
