// Sends the relay must refuse whole, storing nothing: wrong routing, wrong content, too big, tricks.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/db/sqlite';
import { apiErrorSchema, IDEMPOTENCY_HEADER, messageListResponseSchema, sendResponseSchema } from '../../src/domain/contract';
import { Agent, pdf, planCsv, sendForm } from '../support/agent';
import { CM, DS, HH } from '../support/cast';
import { openTestRelay, type TestRelay } from '../support/relay';

let t: TestRelay;
let cm: Agent;
let hh: Agent;

beforeAll(async () => {
  t = await openTestRelay();
  cm = await t.agent().loginAs(CM.user, CM.officeUser);
  hh = await t.agent().loginAs(HH.user, HH.officeUser);
});
afterAll(async () => {
  await t.stop();
});

/** Clears what an accepted case stored, so the refusals around it can check for "nothing stored". */
async function removeAll(): Promise<void> {
  const store = openSqliteStore(t.dataDir);
  try {
    const ids = [...(await store.messages.expiredIds('9999'))];
    await store.messages.deleteMany(ids);
  } finally {
    store.close();
  }
  for (const id of readdirSync(join(t.dataDir, 'blobs'))) rmSync(join(t.dataDir, 'blobs', id), { recursive: true });
}

async function expectNothingStored(): Promise<void> {
  const res = await cm.request('/api/messages?box=sent');
  expect(messageListResponseSchema.parse(await res.json()).messages).toEqual([]);
  expect(readdirSync(join(t.dataDir, 'blobs'))).toEqual([]);
  expect(readdirSync(join(t.dataDir, 'tmp'))).toEqual([]);
}

async function expectRefused(res: Response, status: number, pattern?: RegExp): Promise<string> {
  expect(res.status).toBe(status);
  const { error } = apiErrorSchema.parse(await res.json());
  if (pattern) expect([error.message, ...(error.details ?? [])].join('\n')).toMatch(pattern);
  // every refusal speaks Japanese
  expect(error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  return error.message;
}

const meta = (destination = HH.office, message = '') => ({ destination, message });

describe('refused sends', () => {
  beforeEach(expectNothingStored);

  it('unknown destination', async () => {
    const res = await cm.send(meta('1234567890'), [planCsv(CM.office, '1234567890')]);
    await expectRefused(res, 422, /1234567890 の事業所は登録されていません/);
  });

  it('sender in the file name is not the logged-in office', async () => {
    const res = await cm.send(meta(HH.office), [planCsv(DS.office, HH.office)]);
    await expectRefused(res, 422, /ログイン中の事業所 3300000001 と一致しません/);
  });

  it('CSV destination disagrees with the typed one', async () => {
    const res = await cm.send(meta(DS.office), [planCsv(CM.office, HH.office)]);
    await expectRefused(res, 422, /一致しません/);
  });

  it('a routed name with the suffix of a Windows copy: refused, saying the copy added it and the name to go back to', async () => {
    const file = planCsv();
    const original = file.name;
    const res = await cm.send(meta(), [{ ...file, name: original.replace('.CSV', ' - コピー.CSV') }]);
    await expectRefused(res, 422, new RegExp(`ファイルのコピー.*元の名前「${original}」に戻してください`));
  });

  it('sending to oneself', async () => {
    const res = await cm.send(meta(CM.office), [pdf()]);
    await expectRefused(res, 422, /自事業所/);
  });

  it('an .exe renamed .pdf', async () => {
    const exe = new Uint8Array(256);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    const res = await cm.send(meta(), [{ name: '計画書.pdf', bytes: exe }]);
    await expectRefused(res, 422, /PDFではありません/);
  });

  it('a forbidden extension', async () => {
    const res = await cm.send(meta(), [{ name: 'tool.exe', bytes: new Uint8Array([0x4d, 0x5a, 1, 2]) }]);
    await expectRefused(res, 422, /添付できません/);
  });

  it('more than 10 MB in one send', async () => {
    const res = await cm.send(meta(), [pdf('a.pdf', 6 * 1024 * 1024), pdf('b.pdf', 4 * 1024 * 1024 + 1)]);
    await expectRefused(res, 413, /10MB/);
  });

  it('a body far over the cap is cut off by the body limit', async () => {
    const res = await cm.send(meta(), [pdf('big.pdf', 12 * 1024 * 1024)]);
    await expectRefused(res, 413, /10MB/);
  });

  it('an empty send', async () => {
    const res = await cm.send(meta(), []);
    await expectRefused(res, 422, /ファイルがありません/);
  });

  it('path tricks and NUL in file names', async () => {
    for (const name of ['../../etc/passwd.csv', '..\\..\\boot.pdf', 'a\u0000b.pdf', '/etc/passwd.pdf', 'memo\r\n.pdf', '..', 'UP1KYO_3300000001_3310000017_20240401120000.CSV/../x.pdf']) {
      const file = name.endsWith('.csv') ? { name, bytes: planCsv().bytes } : pdf(name);
      const res = await cm.send(meta(), [file]);
      expect(res.status, JSON.stringify(name)).toBe(422);
      expect(apiErrorSchema.parse(await res.json()).error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    await expectNothingStored();
  });

  it('more than 10 MB spread over many small files', async () => {
    const many = Array.from({ length: 41 }, (_, i) => pdf(`資料${i}.pdf`, 256 * 1024));
    await expectRefused(await cm.send(meta(), many), 413, /10MB/);
  });

  it('very long file names, up to a 100 KB one', async () => {
    for (const length of [256, 1000, 100 * 1024]) {
      const res = await cm.send(meta(), [pdf(`${'長'.repeat(length)}.pdf`)]);
      await expectRefused(res, 422, /ファイル名が長すぎます/);
    }
  });

  it('two files with the same name', async () => {
    await expectRefused(await cm.send(meta(), [pdf('同じ.pdf'), pdf('同じ.pdf')]), 422, /同じ名前のファイルが複数あります/);
  });

  it('a message over 2000 characters (100 KB)', async () => {
    const res = await cm.send(meta(HH.office, 'あ'.repeat(100 * 1024 / 3)), [pdf()]);
    await expectRefused(res, 400, /2000文字以内/);
  });

  it('a malformed destination in meta', async () => {
    const res = await cm.send(meta('33000'), [pdf()]);
    await expectRefused(res, 400, /10桁/);
  });

  it('no idempotency key, or one that is not a uuid', async () => {
    await expectRefused(await cm.send(meta(), [pdf()], null), 400);
    await expectRefused(await cm.send(meta(), [pdf()], 'not-a-uuid'), 400);
  });

  it('missing meta', async () => {
    const form = new FormData();
    form.append('files', new Blob([pdf().bytes as Uint8Array<ArrayBuffer>]), 'a.pdf');
    const res = await cm.request('/api/messages', {
      method: 'POST',
      headers: { [IDEMPOTENCY_HEADER]: crypto.randomUUID() },
      body: form,
    });
    await expectRefused(res, 400);
  });

  it('missing CSRF header', async () => {
    const res = await cm.request('/api/messages', {
      method: 'POST',
      csrf: false,
      headers: { [IDEMPOTENCY_HEADER]: crypto.randomUUID() },
      body: sendForm(meta(), [pdf()]),
    });
    expect(await expectRefused(res, 403)).toBe('不正なリクエストです');
  });

  it('no session, or a person session without office login', async () => {
    expect((await t.agent().send(meta(), [pdf()])).status).toBe(401);
    const person = t.agent();
    await person.login(CM.user);
    const res = await person.send(meta(), [pdf()]);
    expect(res.status).toBe(403);
    expect(apiErrorSchema.parse(await res.json()).error.code).toBe('office-login-required');
  });
});

describe('markup in names and messages', () => {
  it('stores an HTML/script file name as text and returns it unchanged, never as markup', async () => {
    // no "/" (refused as a path) and no '"' (multipart encoders escape it): the rest of the markup toolkit
    const name = "<img src=x onerror=alert(1)><b>計画書<b>&amp;'.pdf";
    const res = await cm.send(meta(HH.office, '<script>alert("msg")</script>'), [pdf(name)]);
    expect(res.status, await res.clone().text()).toBe(201);
    const { message } = sendResponseSchema.parse(await res.json());
    expect(message.files[0]!.name).toBe(name);
    const listed = await hh.request('/api/messages?box=received');
    expect(listed.headers.get('content-type')).toMatch(/^application\/json/);
    const [received] = messageListResponseSchema.parse(await listed.json()).messages;
    expect(received!.files[0]!.name).toBe(name);
    expect(received!.message).toBe('<script>alert("msg")</script>');
    const file = await hh.request(`/api/messages/${message.id}/files/${message.files[0]!.id}`);
    expect(file.headers.get('content-type')).toBe('application/octet-stream');
    // the header carries the name only percent-encoded, and the ASCII fallback without quotes or markup breaking out
    const disposition = file.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+,;=:@-]+$/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(name);
    await removeAll();
  });
});

describe('after a refusal', () => {
  it('a refused send does not burn its idempotency key', async () => {
    const key = crypto.randomUUID();
    expect((await cm.send(meta('1234567890'), [pdf()], key)).status).toBe(422);
    await expectNothingStored();
    const ok = await cm.send(meta(), [pdf()], key);
    expect(ok.status).toBe(201);
  });
});

// Last in the file: the relay closes a connection whose body it stopped reading, and fetch may
// try to reuse that connection for the next request.
describe('a body with no declared length', () => {
  it('is cut off with 413 once a chunked body passes the cap, storing nothing', async () => {
    await removeAll();
    // over a real socket: chunked transfer is the HTTP layer's business
    const res = await cm.on((await t.listen()).url).sendChunked(meta(), [pdf('big.pdf', 12 * 1024 * 1024)]);
    await expectRefused(res, 413, /10MB/);
    await expectNothingStored();
  });
});
