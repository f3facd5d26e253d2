// The round trip: send → received list → download (bytes unchanged) → sender sees 済; isolation; idempotency.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  messageListResponseSchema,
  messageSummarySchema,
  sendResponseSchema,
  type MessageSummary,
} from '../../src/domain/contract';
import { Agent, equalBytes, pdf, planCsv } from '../support/agent';
import { CM, DS, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;
let cm: Agent;
let hh: Agent;
let ds: Agent;

beforeAll(async () => {
  t = await openTestRelay({ retentionDays: 30 });
  cm = await t.agent().loginAs(CM.user, CM.officeUser);
  hh = await t.agent().loginAs(HH.user, HH.officeUser);
  ds = await t.agent().loginAs(DS.user, DS.officeUser);
});
afterAll(async () => {
  await t.stop();
});

async function list(agent: Agent, box: 'sent' | 'received'): Promise<MessageSummary[]> {
  const res = await agent.request(`/api/messages?box=${box}`);
  expect(res.status).toBe(200);
  return messageListResponseSchema.parse(await res.json()).messages;
}

describe('round trip', () => {
  const csv = planCsv();
  const attachment = pdf('第3表 週間計画.pdf', 2048);
  let sent: MessageSummary;

  it('accepts a send and answers 201 with the stored summary', async () => {
    const res = await cm.send({ destination: HH.office, message: '4月分の計画です。よろしくお願いします。' }, [csv, attachment]);
    expect(res.status).toBe(201);
    const body = sendResponseSchema.parse(await res.json());
    expect(body.duplicate).toBe(false);
    sent = body.message;
    expect(sent.id).toMatch(/^[0-9a-f]{32}$/);
    expect(sent.sender.number).toBe(CM.office);
    expect(sent.destination).toEqual({ number: HH.office, name: 'さくら訪問介護ステーション', kind: '訪問介護' });
    expect(sent.files.map((f) => [f.name, f.size, f.category])).toEqual([
      [csv.name, csv.bytes.length, '登録'],
      [attachment.name, 2048, 'PDF等'],
    ]);
    expect(sent.downloadStatus).toBe('未');
    const days = (Date.parse(sent.expiresAt) - Date.parse(sent.sentAt)) / 86_400_000;
    expect(days).toBe(30);
  });

  it('shows in the receiver’s received list and the sender’s sent list', async () => {
    const received = await list(hh, 'received');
    expect(received.map((m) => m.id)).toEqual([sent.id]);
    expect(received[0]!.message).toBe('4月分の計画です。よろしくお願いします。');
    expect((await list(cm, 'sent')).map((m) => m.id)).toEqual([sent.id]);
    expect(await list(cm, 'received')).toEqual([]);
  });

  it('downloads the CP932 bytes unchanged with a safe Content-Disposition', async () => {
    const file = sent.files[0]!;
    const res = await hh.request(`/api/messages/${sent.id}/files/${file.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${csv.name}"; filename*=UTF-8''${csv.name}`);
    expect(equalBytes(new Uint8Array(await res.arrayBuffer()), csv.bytes)).toBe(true);

    const pdfRes = await hh.request(`/api/messages/${sent.id}/files/${sent.files[1]!.id}`);
    expect(pdfRes.headers.get('content-disposition')).toBe(
      `attachment; filename="_3_ ____.pdf"; filename*=UTF-8''${encodeURIComponent('第3表 週間計画.pdf')}`,
    );
    expect(equalBytes(new Uint8Array(await pdfRes.arrayBuffer()), attachment.bytes)).toBe(true);
  });

  it('accepts a chunked send (no Content-Length) with its bytes intact', async () => {
    const streamed = planCsv(CM.office, HH.office, '20240401130000');
    // over a real socket: chunked transfer is the HTTP layer's business
    const res = await cm.on((await t.listen()).url).sendChunked({ destination: HH.office, message: '' }, [streamed]);
    expect(res.status).toBe(201);
    const { message } = sendResponseSchema.parse(await res.json());
    const download = await hh.request(`/api/messages/${message.id}/files/${message.files[0]!.id}`);
    expect(equalBytes(new Uint8Array(await download.arrayBuffer()), streamed.bytes)).toBe(true);
  });

  it('marks 済 for the sender once the receiver has every file', async () => {
    const [mine] = await list(cm, 'sent');
    expect(mine!.downloadStatus).toBe('済');
    expect(mine!.downloadedAt).not.toBeNull();
    expect(mine!.files.every((f) => f.downloadedAt !== null)).toBe(true);
    const detail = messageSummarySchema.parse(await (await cm.request(`/api/messages/${sent.id}`)).json());
    expect(detail.downloadStatus).toBe('済');
  });

  it('a sender downloading its own copy does not mark anything', async () => {
    const res = await cm.send({ destination: HH.office, message: '' }, [planCsv(CM.office, HH.office, '20240402120000')]);
    const { message } = sendResponseSchema.parse(await res.json());
    const own = await cm.request(`/api/messages/${message.id}/files/${message.files[0]!.id}`);
    expect(own.status).toBe(200);
    const after = messageSummarySchema.parse(await (await cm.request(`/api/messages/${message.id}`)).json());
    expect(after.downloadStatus).toBe('未');
  });

  it('keeps other offices out: 404 on read and download, nothing in their lists', async () => {
    const file = sent.files[0]!;
    for (const path of [`/api/messages/${sent.id}`, `/api/messages/${sent.id}/files/${file.id}`]) {
      const res = await ds.request(path);
      expect(res.status).toBe(404);
      expect(apiErrorSchema.parse(await res.json()).error.code).toBe('not-found');
    }
    // an unknown id looks exactly the same
    expect((await ds.request(`/api/messages/${'0'.repeat(32)}`)).status).toBe(404);
    expect(await list(ds, 'received')).toEqual([]);
    expect(await list(ds, 'sent')).toEqual([]);
  });

  it('stores an HTML/script message as plain text and returns it as is', async () => {
    const message = '<script>alert("x")</script><img src=x onerror=alert(1)> & "引用"';
    const res = await cm.send({ destination: HH.office, message }, [planCsv(CM.office, HH.office, '20240403120000')]);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { message: stored } = sendResponseSchema.parse(await res.json());
    const detail = await hh.request(`/api/messages/${stored.id}`);
    expect(detail.headers.get('content-type')).toMatch(/^application\/json/);
    expect(messageSummarySchema.parse(await detail.json()).message).toBe(message);
  });
});

describe('idempotency', () => {
  it('delivers one message for the same key sent twice', async () => {
    const key = crypto.randomUUID();
    const files = [planCsv(CM.office, DS.office, '20240501090000')];
    const first = await cm.send({ destination: DS.office, message: '再送テスト' }, files, key);
    expect(first.status).toBe(201);
    const a = sendResponseSchema.parse(await first.json());
    const second = await cm.send({ destination: DS.office, message: '再送テスト' }, files, key);
    expect(second.status).toBe(200);
    const b = sendResponseSchema.parse(await second.json());
    expect(b.duplicate).toBe(true);
    expect(b.message.id).toBe(a.message.id);
    const received = await list(ds, 'received');
    expect(received.filter((m) => m.message === '再送テスト')).toHaveLength(1);
    // a small send: its bytes in renkei.db, no folder in blobs/
    expect(readdirSync(join(t.dataDir, 'blobs'))).not.toContain(a.message.id);
    const download = await ds.request(`/api/messages/${a.message.id}/files/${a.message.files[0]!.id}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(files[0]!.bytes))).toBe(true);
  });

  it('answers 409 when the same key comes with a different body', async () => {
    const key = crypto.randomUUID();
    const files = [planCsv(CM.office, DS.office, '20240502090000')];
    expect((await cm.send({ destination: DS.office, message: '一回目' }, files, key)).status).toBe(201);
    const clash = await cm.send({ destination: DS.office, message: '二回目' }, files, key);
    expect(clash.status).toBe(409);
    expect(apiErrorSchema.parse(await clash.json()).error.message).toBe('同じ送信IDで異なる内容が送られました');
    expect((await list(ds, 'received')).filter((m) => m.message === '二回目')).toHaveLength(0);
  });

  it('refuses a send queued as another office (409 wrong-office) and stores nothing', async () => {
    const before = await list(ds, 'received');
    const res = await hh.send({ sender: CM.office, destination: DS.office, message: '別事業所' }, [pdf('memo.pdf')]);
    expect(res.status).toBe(409);
    const body = apiErrorSchema.parse(await res.json());
    expect(body.error.code).toBe('wrong-office');
    expect(body.error.message).toContain(CM.office);
    expect(await list(ds, 'received')).toHaveLength(before.length);
    const ok = await hh.send({ sender: HH.office, destination: DS.office, message: '自事業所' }, [pdf('memo.pdf')]);
    expect(ok.status).toBe(201);
  });

  it('scopes keys per office', async () => {
    const key = crypto.randomUUID();
    const fromCm = await cm.send({ destination: DS.office, message: 'A' }, [planCsv(CM.office, DS.office, '20240503090000')], key);
    expect(fromCm.status).toBe(201);
    const fromHh = await hh.send({ destination: DS.office, message: 'B' }, [pdf('memo.pdf')], key);
    expect(fromHh.status).toBe(201);
  });
});
