// The clerk's month through the API (issue 12): pages with もっと見る cursors and filters, the
// counts endpoint, 送信取消 end to end, the 送受信記録 as JSON and CSV, and the directory search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  countsResponseSchema,
  messageListResponseSchema,
  messageSummarySchema,
  officeLookupResponseSchema,
  recordsResponseSchema,
  sendResponseSchema,
  type MessageSummary,
} from '../../src/domain/contract';
import { monthOf } from '../../src/domain/records';
import { SEARCHES_PER_MINUTE } from '../../server/routes/offices';
import { WITHDRAW_REFUSED } from '../../server/routes/messages';
import { Agent, pdf, planCsv } from '../support/agent';
import { CM, DS, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;
let cm: Agent;
let hh: Agent;
let ds: Agent;

beforeAll(async () => {
  t = await openTestRelay();
  cm = await t.agent().loginAs(CM.user, CM.officeUser);
  hh = await t.agent().loginAs(HH.user, HH.officeUser);
  ds = await t.agent().loginAs(DS.user, DS.officeUser);
});
afterAll(async () => {
  await t.stop();
});

async function sendPdf(from: Agent, to: string, message: string, name = '第3表.pdf'): Promise<MessageSummary> {
  const res = await from.send({ destination: to, message }, [pdf(name)]);
  expect(res.status).toBe(201);
  return sendResponseSchema.parse(await res.json()).message;
}

async function list(agent: Agent, query: string) {
  const res = await agent.request(`/api/messages?${query}`);
  const body = await res.text();
  expect(res.status, body).toBe(200);
  return messageListResponseSchema.parse(JSON.parse(body));
}

const counts = async (agent: Agent) => countsResponseSchema.parse(await (await agent.request('/api/messages/counts')).json());

describe('paged lists', () => {
  it('pages 50 at a time with a cursor, newest first, to the last one', async () => {
    const sent: string[] = [];
    for (let i = 0; i < 53; i++) sent.push((await sendPdf(ds, HH.office, `ページ ${i}`)).id);
    const first = await list(hh, `box=received&office=${DS.office}`);
    expect(first.messages).toHaveLength(50);
    expect(first.next).not.toBeNull();
    const second = await list(hh, `box=received&office=${DS.office}&cursor=${encodeURIComponent(first.next!)}`);
    expect(second.next).toBeNull();
    const ids = [...first.messages, ...second.messages].map((m) => m.id);
    expect(ids).toEqual([...sent].reverse());
    expect((await list(hh, `box=received&office=${DS.office}&limit=5&sort=oldest`)).messages.map((m) => m.message)).toEqual(
      ['ページ 0', 'ページ 1', 'ページ 2', 'ページ 3', 'ページ 4'],
    );
  });

  it('narrows by the query string’s filters', async () => {
    const csv = planCsv(CM.office, HH.office, '20250402100000');
    const res = await cm.send({ destination: HH.office, message: '第1表を送ります' }, [csv]);
    expect(res.status).toBe(201);
    const found = await list(hh, `q=${encodeURIComponent('第1表を')}&kinds=kyotaku&status=${encodeURIComponent('未')}&office=${encodeURIComponent('れんけい')}`);
    expect(found.messages.map((m) => m.files[0]!.name)).toEqual([csv.name]);
    expect((await list(hh, 'kinds=plan,actual')).messages).toEqual([]);
  });

  it('refuses malformed filters and cursors in Japanese', async () => {
    for (const query of ['month=2025-04', 'kinds=plan,nope', 'status=x', 'limit=500', 'from=yesterday', 'cursor=%25%25', 'box=all']) {
      const res = await hh.request(`/api/messages?${query}`);
      expect(res.status, query).toBe(400);
      expect(apiErrorSchema.parse(await res.json()).error.message, query).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});

describe('counts', () => {
  it('counts the unread received, drops one once it is downloaded, and names the newest arrival', async () => {
    const before = await counts(cm);
    const message = await sendPdf(hh, CM.office, 'カウント');
    const after = await counts(cm);
    expect(after.unread).toBe(before.unread + 1);
    expect(after.newestUnreadAt).toBe(message.sentAt);
    expect((await cm.request(`/api/messages/${message.id}/files/${message.files[0]!.id}`)).status).toBe(200);
    expect((await counts(cm)).unread).toBe(before.unread);
  });
});

describe('saving many files: fetched unmarked, marked once written', () => {
  it('leaves a ?mark=later fetch 未 until POST …/downloaded marks it, for the receiver only', async () => {
    const message = await sendPdf(cm, HH.office, 'まとめて保存');
    const file = message.files[0]!;
    const fetched = await hh.request(`/api/messages/${message.id}/files/${file.id}?mark=later`);
    expect(fetched.status).toBe(200);
    expect(messageSummarySchema.parse(await (await cm.request(`/api/messages/${message.id}`)).json()).downloadStatus).toBe('未');
    const mark = (agent: Agent, fileIds: string[]) => agent.postJson(`/api/messages/${message.id}/downloaded`, { fileIds });
    expect((await mark(cm, [file.id])).status).toBe(404);
    expect((await mark(ds, [file.id])).status).toBe(404);
    expect((await mark(hh, ['0'.repeat(32)])).status).toBe(404);
    expect((await mark(hh, [])).status).toBe(400);
    const marked = await mark(hh, [file.id]);
    expect(marked.status).toBe(200);
    expect(messageSummarySchema.parse(await marked.json()).downloadStatus).toBe('済');
    const audit = (await t.relay.deps.store.audit.recent(10)).filter((a) => a.target === `${message.id}/${file.id}`).map((a) => a.detail);
    expect(audit).toEqual(['first (written)', 'unmarked']);
  });
});

describe('送信取消', () => {
  it('a withdrawal that wins the race with a download answers 410 and lets go of the file it had opened', async () => {
    const message = await sendPdf(cm, DS.office, '競合する取消', '競合.pdf');
    const { messages } = t.relay.deps.store;
    const opened: ReadableStream<Uint8Array>[] = [];
    const originalOpen = t.relay.deps.blobs.open;
    const originalMark = messages.markDownloaded;
    t.relay.deps.blobs.open = async (...args) => {
      const stream = await originalOpen.apply(t.relay.deps.blobs, args);
      if (stream) opened.push(stream);
      return stream;
    };
    // the sender's 送信取消 commits between the file being opened and its 済 mark
    messages.markDownloaded = async (...args) => {
      expect((await cm.request(`/api/messages/${message.id}/withdraw`, { method: 'POST' })).status).toBe(200);
      return originalMark.apply(messages, args);
    };
    try {
      const file = await ds.request(`/api/messages/${message.id}/files/${message.files[0]!.id}`);
      expect(file.status).toBe(410);
    } finally {
      t.relay.deps.blobs.open = originalOpen;
      messages.markDownloaded = originalMark;
    }
    expect(opened).toHaveLength(1);
    // cancelled: nothing more is read from it (a disk file's handle is closed, not left to GC)
    expect((await opened[0]!.getReader().read()).done).toBe(true);
  });

  it('withdraws an untouched message: audited, 取消 with the time on both sides, nothing left for the receiver', async () => {
    const message = await sendPdf(cm, DS.office, '取り消すメッセージ', '取消対象.pdf');
    const res = await cm.request(`/api/messages/${message.id}/withdraw`, { method: 'POST' });
    expect(res.status).toBe(200);
    const withdrawn = messageSummarySchema.parse(await res.json());
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(withdrawn.files).toHaveLength(1);

    const theirs = (await list(ds, 'box=received')).messages.find((m) => m.id === message.id)!;
    expect(theirs).toMatchObject({ withdrawnAt: withdrawn.withdrawnAt, message: '', files: [] });
    const detail = messageSummarySchema.parse(await (await ds.request(`/api/messages/${message.id}`)).json());
    expect(JSON.stringify(detail)).not.toContain('取消対象');
    const file = await ds.request(`/api/messages/${message.id}/files/${message.files[0]!.id}`);
    expect(file.status).toBe(410);
    expect(apiErrorSchema.parse(await file.json()).error).toMatchObject({ code: 'withdrawn', message: 'このメッセージは送信元が取り消しました' });
    expect((await list(ds, `box=received&q=${encodeURIComponent('取消対象')}`)).messages).toEqual([]);
    expect((await list(ds, `box=received&status=${encodeURIComponent('取消')}`)).messages.map((m) => m.id)).toContain(message.id);
    expect((await list(cm, `box=sent&status=${encodeURIComponent('取消')}`)).messages.map((m) => m.id)).toContain(message.id);

    // asked again: the same answer, one audit row
    expect((await cm.request(`/api/messages/${message.id}/withdraw`, { method: 'POST' })).status).toBe(200);
    const audit = (await t.relay.deps.store.audit.recent(50)).filter((a) => a.action === 'withdraw' && a.target === message.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: CM.user, office: CM.office, detail: `to ${DS.office}` });
  });

  it('is refused with a clear message once a file was downloaded, and for anyone but the sender', async () => {
    const message = await sendPdf(cm, DS.office, 'ダウンロード済み');
    expect((await ds.request(`/api/messages/${message.id}/withdraw`, { method: 'POST' })).status).toBe(404);
    expect((await hh.request(`/api/messages/${message.id}/withdraw`, { method: 'POST' })).status).toBe(404);
    expect((await ds.request(`/api/messages/${message.id}/files/${message.files[0]!.id}`)).status).toBe(200);
    const res = await cm.request(`/api/messages/${message.id}/withdraw`, { method: 'POST' });
    expect(res.status).toBe(409);
    expect(apiErrorSchema.parse(await res.json()).error).toEqual({ code: 'already-downloaded', message: WITHDRAW_REFUSED });
    expect(messageSummarySchema.parse(await (await ds.request(`/api/messages/${message.id}`)).json()).withdrawnAt).toBeNull();
  });
});

describe('送受信記録', () => {
  it('lists the month’s files both ways as JSON, and as CSV with a BOM', async () => {
    const out = await sendPdf(hh, DS.office, '記録', '記録テスト.pdf');
    await ds.request(`/api/messages/${out.id}/files/${out.files[0]!.id}`);
    const month = monthOf(new Date());
    const mine = recordsResponseSchema.parse(await (await hh.request(`/api/records?month=${month}`)).json());
    expect(mine.month).toBe(month);
    const line = mine.records.find((r) => r.messageId === out.id)!;
    expect(line).toMatchObject({ direction: 'sent', sentBy: HH.user, fileName: '記録テスト.pdf', office: { number: DS.office } });
    expect(line.downloadedAt).not.toBeNull();
    const theirs = recordsResponseSchema.parse(await (await ds.request('/api/records')).json());
    expect(theirs.records.find((r) => r.messageId === out.id)).toMatchObject({ direction: 'received', sentBy: null, office: { number: HH.office } });
    // a withdrawn message is one line for the receiver, without its files
    const withdrawnLine = theirs.records.filter((r) => r.withdrawnAt !== null);
    expect(withdrawnLine.every((r) => r.fileName === '' && r.sha256 === null)).toBe(true);

    const csv = await hh.request(`/api/records.csv?month=${month}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(encodeURIComponent(`送受信記録_${HH.office}_${month}.csv`));
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toBe('区分,送信日時,相手先事業所番号,相手先事業所名,ファイル名,ファイル種別,サイズ(バイト),ダウンロード日時,取消日時,送信者(個人ID),SHA-256');
    expect(text).toContain(`送信,`);
    expect(text).toContain(`,${DS.office},ひまわりデイサービス,記録テスト.pdf,PDF等,64,`);
  });

  it('refuses a month that is not one', async () => {
    for (const month of ['202513', '2025-04', 'x']) expect((await hh.request(`/api/records?month=${month}`)).status).toBe(400);
  });
});

describe('directory search', () => {
  it('finds offices by part of the name or a number prefix, and slows a crawl down', async () => {
    const person = t.agent();
    expect((await person.login('ex01')).status).toBe(200);
    const byName = officeLookupResponseSchema.parse(await (await person.request(`/api/offices/search?q=${encodeURIComponent('さくら')}`)).json());
    expect(byName.offices.map((o) => o.number)).toEqual([HH.office]);
    const byNumber = officeLookupResponseSchema.parse(await (await person.request('/api/offices/search?q=331')).json());
    expect(byNumber.offices.map((o) => o.number)).toEqual([HH.office, DS.office]);
    const empty = await person.request('/api/offices/search?q=%20');
    expect(apiErrorSchema.parse(await empty.json()).error.message).toBe('事業所名または事業所番号を入力してください');
    for (let i = 2; i < SEARCHES_PER_MINUTE; i++) expect((await person.request('/api/offices/search?q=33')).status).toBe(200);
    const limited = await person.request('/api/offices/search?q=33');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(apiErrorSchema.parse(await limited.json()).error.code).toBe('throttled');
    // another person is not slowed by it
    expect((await cm.request('/api/offices/search?q=33')).status).toBe(200);
  });
});
