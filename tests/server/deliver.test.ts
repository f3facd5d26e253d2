// deliver() (server/delivery) on its own, and through POST /api/messages when the disk or the
// database fails at the last steps: a send that fails leaves nothing behind — no staged folder in
// tmp, no message, no blob folder — and the same send retried later is delivered whole.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INLINE_MAX_BYTES } from '../../server/blobs/disk';
import { fileWriter } from '../../server/blobs/file-writer';
import { deliver } from '../../server/delivery/deliver';
import { sha256Hex as sha256 } from '../../server/digest';
import type { SendRequest } from '../../server/delivery/outcome';
import { messageListResponseSchema, sendResponseSchema } from '../../src/domain/contract';
import { equalBytes, pdf, planCsv, type Agent, type TestFile } from '../support/agent';
import { CM, HH } from '../support/cast';
import { useRelay } from '../support/use-relay';

const t = useRelay();
let cm: Agent;
beforeAll(async () => {
  cm = await t.signedIn(CM);
});

function request(files: TestFile[], overrides: Partial<SendRequest> = {}): SendRequest {
  return {
    office: CM.office,
    userId: CM.user,
    address: '127.0.0.1',
    idempotencyKey: crypto.randomUUID(),
    meta: { destination: HH.office, message: '直接' },
    files: files.map((f) => ({ ...f, sha256: sha256(f.bytes) })),
    ...overrides,
  };
}

describe('deliver()', () => {
  it('delivers, answers the same key with the same message, and refuses with a typed reason', async () => {
    const send = request([planCsv(CM.office, HH.office, '20250501090000')]);
    const first = await deliver(t().relay.deps, send);
    expect(first).toMatchObject({ kind: 'delivered', record: { sender: CM.office, destination: HH.office, message: '直接' } });
    const again = await deliver(t().relay.deps, send);
    expect(again.kind === 'duplicate' && first.kind === 'delivered' && again.record.id === first.record.id).toBe(true);
    expect(await deliver(t().relay.deps, { ...send, meta: { ...send.meta, message: '別' } })).toMatchObject({
      kind: 'refused',
      refusal: { status: 409, code: 'idempotency-conflict' },
    });
    expect(await deliver(t().relay.deps, request([pdf(`${'長'.repeat(252)}.pdf`)]))).toMatchObject({
      kind: 'refused',
      refusal: { status: 422, code: 'invalid-send', message: expect.stringMatching(/ファイル名が長すぎます/) },
    });
    expect(await deliver(t().relay.deps, request([pdf()], { meta: { sender: HH.office, destination: CM.office, message: '' } }))).toMatchObject({
      kind: 'refused',
      refusal: { status: 409, code: 'wrong-office' },
    });
  });

  it('answers a delivered send with the record the store reads back (not read again per send)', async () => {
    const first = await deliver(t().relay.deps, request([planCsv(CM.office, HH.office, '20250501093000'), pdf('第3表.pdf', 300)]));
    if (first.kind !== 'delivered') throw new Error(`not delivered: ${JSON.stringify(first)}`);
    expect(first.record.files).toHaveLength(2);
    expect(first.record.senderOffice?.name).toBeTruthy();
    expect(first.record).toEqual(await t().relay.deps.store.messages.get(first.record.id));
  });

  it("finds a small send's retry at its insert (no read of the key first), and answers a retry as delivered even when it would now be refused", async () => {
    const { store, blobs } = t().relay.deps;
    const lookup = vi.spyOn(store.messages, 'findIdempotent');
    const send = request([planCsv(CM.office, HH.office, '20250501094500')]);
    const first = await deliver(t().relay.deps, send);
    expect(first.kind).toBe('delivered');
    const again = await deliver(t().relay.deps, send);
    expect(again.kind === 'duplicate' && first.kind === 'delivered' && again.record.id === first.record.id).toBe(true);
    expect(lookup).not.toHaveBeenCalled();
    // the disk filled up since: the first answer was lost, the send is stored all the same
    const full = vi.spyOn(blobs, 'hasRoomFor').mockResolvedValue(false);
    try {
      expect(await deliver(t().relay.deps, send)).toMatchObject({ kind: 'duplicate', record: { id: first.kind === 'delivered' ? first.record.id : '' } });
      expect(await deliver(t().relay.deps, { ...send, meta: { ...send.meta, message: '別' } })).toMatchObject({ kind: 'refused', refusal: { code: 'idempotency-conflict' } });
      expect(await deliver(t().relay.deps, request([planCsv(CM.office, HH.office, '20250501094600')]))).toMatchObject({
        kind: 'refused',
        refusal: { status: 507, code: 'storage-full' },
      });
    } finally {
      full.mockRestore();
      lookup.mockRestore();
    }
  });

  // a small send's bytes go into renkei.db with its rows, a large one's (over INLINE_MAX_BYTES) on disk
  const SIZES = [
    { name: 'a small send', file: () => pdf() },
    { name: 'a large send', file: () => pdf('大きい資料.pdf', INLINE_MAX_BYTES + 1) },
  ];

  it.each(SIZES)('cleans up after a failed insert: $name', async ({ file }) => {
    const insert = vi.spyOn(t().relay.deps.store.messages, 'insertSend').mockRejectedValueOnce(new Error('database is locked'));
    const before = readdirSync(join(t().dataDir, 'blobs')).sort();
    const send = request([file()]);
    try {
      await expect(deliver(t().relay.deps, send)).rejects.toThrow('database is locked');
    } finally {
      insert.mockRestore();
    }
    expect(readdirSync(join(t().dataDir, 'tmp'))).toEqual([]);
    expect(readdirSync(join(t().dataDir, 'blobs')).sort()).toEqual(before);
    expect(await t().relay.deps.store.messages.findIdempotent(send.office, send.idempotencyKey)).toBeNull();
  });

  it.each(SIZES)('keeps the files when the insert failed after its commit (a write worker lost after COMMIT): $name', async ({ file }) => {
    const messages = t().relay.deps.store.messages;
    const realInsert = messages.insertSend.bind(messages);
    const insert = vi.spyOn(messages, 'insertSend').mockImplementationOnce(async (send) => {
      await realInsert(send);
      throw new Error('the SQLite writer stopped');
    });
    const sent = file();
    const send = request([sent]);
    try {
      await expect(deliver(t().relay.deps, send)).rejects.toThrow('the SQLite writer stopped');
    } finally {
      insert.mockRestore();
    }
    // the retry is answered from the committed row: its files must still be there
    const again = await deliver(t().relay.deps, send);
    if (again.kind !== 'duplicate') throw new Error(`expected a duplicate, got ${again.kind}`);
    const body = await t().relay.deps.blobs.open(again.record.id, again.record.files[0]!);
    expect(equalBytes(new Uint8Array(await new Response(body).arrayBuffer()), sent.bytes)).toBe(true);
    expect(existsSync(join(t().dataDir, 'blobs', again.record.id))).toBe(sent.bytes.byteLength > INLINE_MAX_BYTES);
    expect(readdirSync(join(t().dataDir, 'tmp'))).toEqual([]);
  });
});

describe('staged files are always cleaned up', () => {
  const sentList = async () => messageListResponseSchema.parse(await (await cm.request('/api/messages?box=sent')).json()).messages;

  it('when the disk fills as they are moved into place', async () => {
    const blobsBefore = readdirSync(join(t().dataDir, 'blobs')).sort();
    const sentBefore = await sentList();
    // the files are written and moved into place, and then the disk fills (the parent folder's sync fails)
    const place = fileWriter.write.bind(fileWriter);
    const commit = vi.spyOn(fileWriter, 'write').mockImplementationOnce(async (job) => {
      await place(job);
      expect(existsSync(job.into)).toBe(true);
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const key = crypto.randomUUID();
    // large enough for the disk (a small send's bytes never touch the file writers)
    const files = [planCsv(), pdf('第3表.pdf', INLINE_MAX_BYTES)];
    const meta = { destination: HH.office, message: '' };
    try {
      const res = await cm.send(meta, files, key);
      // a full disk is said as such (507 サーバーの保存領域が不足しています), not as a crash
      expect(res.status).toBe(507);
    } finally {
      commit.mockRestore();
      quiet.mockRestore();
    }
    expect(readdirSync(join(t().dataDir, 'tmp'))).toEqual([]);
    expect(readdirSync(join(t().dataDir, 'blobs')).sort()).toEqual(blobsBefore);
    expect(await sentList()).toEqual(sentBefore);

    const retry = await cm.send(meta, files, key);
    expect(retry.status).toBe(201);
    const { message } = sendResponseSchema.parse(await retry.json());
    expect(readdirSync(join(t().dataDir, 'blobs')).sort()).toEqual([...blobsBefore, message.id].sort());
    expect(readdirSync(join(t().dataDir, 'tmp'))).toEqual([]);
  });
});
