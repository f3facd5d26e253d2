// One behaviour for both blob stores, used as deliver() uses them: beside SQLite, small sends' in
// its file (file_chunks) and larger ones' on disk (DATA_DIR/blobs), and every send's in PostgreSQL
// (file_chunks, when RENKEI_TEST_DATABASE_URL is set). Stage, one insertSend, then streamed reads a piece at a time; whatever does not commit
// leaves nothing; retention's delete takes the contents with it; the room checks refuse in time.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBlobStore } from '../../server/blobs';
import { INLINE_MAX_BYTES } from '../../server/blobs/disk';
import type { BlobStore } from '../../server/blobs/types';
import type { NewSend, Store } from '../../server/db/types';
import { newId } from '../../server/ids';
import { planCsv } from '../support/agent';
import { BACKENDS, type OpenedStore } from '../support/stores';

const HOOK_TIMEOUT = 60_000;
const CHUNK = 256 * 1024;
const A = { number: '3300000001', name: 'れんけい居宅', kind: '居宅介護支援' };
const B = { number: '3310000017', name: 'さくら訪問介護', kind: '訪問介護' };

interface Sent {
  messageId: string;
  files: { id: string; size: number; bytes: Uint8Array }[];
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; pieces: number[] }> {
  const pieces: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) pieces.push(next.value);
  return { bytes: Buffer.concat(pieces), pieces: pieces.map((p) => p.byteLength) };
}

describe.each(BACKENDS)('$name blob store', (backend) => {
  const run = backend.skipped ? describe.skip : describe;
  run(backend.skipped ? `skipped: ${backend.skipped}` : 'keeps file contents as deliver() uses them', () => {
    let opened: OpenedStore;
    let store: Store;
    let blobs: BlobStore;
    const limits = { dataDir: '', diskReserveBytes: 0, databaseMaxBytes: 0 };

    beforeAll(async () => {
      opened = await backend.open();
      store = opened.store;
      limits.dataDir = opened.dataDir;
      blobs = openBlobStore(limits, store);
      await blobs.init(store);
      for (const office of [A, B]) await store.offices.upsert(office);
    }, HOOK_TIMEOUT);
    afterAll(async () => {
      await opened?.dispose();
    }, HOOK_TIMEOUT);

    /** What deliver() does: stage, then one insertSend with whatever the stage hands over. */
    async function send(contents: Uint8Array[], key = newId(), fileIds: string[] = []): Promise<Sent & { outcome: string; discard(): Promise<void> }> {
      const messageId = newId();
      const files = contents.map((bytes, i) => ({ id: fileIds[i] ?? newId(), bytes, size: bytes.byteLength }));
      const staged = await blobs.stage(messageId, files);
      const insert: NewSend = {
        message: { id: messageId, sender: A.number, destination: B.number, message: '', sentBy: 'cm01', sentAt: '2025-04-01T09:00:00.000Z', expiresAt: '2999-01-01T00:00:00.000Z' },
        files: files.map((f, position) => ({ id: f.id, position, name: `${position}.pdf`, size: f.size, category: 'PDF等', sha256: 'x' })),
        idempotency: { key, requestHash: 'h' },
        contents: staged.contents,
      };
      try {
        const result = await store.messages.insertSend(insert);
        return { messageId, files, outcome: result.outcome, discard: staged.discard };
      } catch (err) {
        await staged.discard();
        throw err;
      }
    }

    // SQLite keeps a send up to INLINE_MAX_BYTES in its file (file_chunks), a larger one on disk
    const SIZES = [
      { name: 'a small send', extra: 0 },
      { name: 'a large send', extra: INLINE_MAX_BYTES },
    ];
    const onDisk = new Set<string>();
    const stored = <S extends Sent>(sent: S): S => {
      if (sent.files.reduce((n, f) => n + f.size, 0) > INLINE_MAX_BYTES) onDisk.add(sent.messageId);
      return sent;
    };

    it.each(SIZES)('serves what was stored byte for byte, a piece at a time: $name', async ({ extra }) => {
      const big = new Uint8Array(randomBytes(CHUNK * 2 + 12_345 + extra));
      const csv = planCsv().bytes;
      const sent = stored(await send([big, csv]));
      expect(sent.outcome).toBe('inserted');
      for (const file of sent.files) {
        const stream = await blobs.open(sent.messageId, file);
        const { bytes, pieces } = await readAll(stream!);
        expect(Buffer.from(bytes).equals(Buffer.from(file.bytes))).toBe(true);
        // never the whole file at once
        expect(Math.max(...pieces)).toBeLessThanOrEqual(CHUNK);
      }
      expect(await blobs.open(sent.messageId, { id: newId(), size: 1 })).toBeNull();
      if (backend.name === 'SQLite') {
        expect(existsSync(join(opened.dataDir, 'blobs', sent.messageId))).toBe(extra > 0);
        expect(await store.inlineContents!.chunk(sent.files[0]!.id, 0)).toEqual(extra > 0 ? null : expect.any(Uint8Array));
      }
    });

    it.each(SIZES)('leaves nothing of a send whose insert failed, or whose key another send had taken: $name', async ({ extra }) => {
      const bytes = (n: number) => new Uint8Array(randomBytes(n + extra));
      const first = stored(await send([bytes(1000)]));
      // a file id stored before: the insert fails (primary key) and the stage is discarded
      await expect(send([bytes(CHUNK + 1)], newId(), [first.files[0]!.id])).rejects.toThrow();
      // the same key: the store answers "exists" and deliver() discards the loser's stage
      const key = newId();
      const loser = stored(await send([bytes(2000)], key));
      const winner = await send([bytes(2000)], key);
      expect([loser.outcome, winner.outcome]).toEqual(['inserted', 'exists']);
      await winner.discard();
      expect(await blobs.open(winner.messageId, winner.files[0]!)).toBeNull();
      // the first send is whole, and nothing else lies about
      const { bytes: read } = await readAll((await blobs.open(first.messageId, first.files[0]!))!);
      expect(Buffer.from(read).equals(Buffer.from(first.files[0]!.bytes))).toBe(true);
      await expectOnlyContentsOf([first, loser]);
    });

    it.each(SIZES)('lets retention take the contents with the message: $name', async ({ extra }) => {
      const sent = await send([new Uint8Array(randomBytes(CHUNK + 10 + extra))]);
      expect(await store.messages.deleteMany([sent.messageId])).toBe(1);
      await blobs.remove(sent.messageId);
      expect(await blobs.open(sent.messageId, sent.files[0]!)).toBeNull();
      // the bytes themselves are gone, not only unreachable
      if (store.inlineContents) expect(await store.inlineContents.chunk(sent.files[0]!.id, 0)).toBeNull();
      if (store.contents) expect(await store.contents.chunk(sent.files[0]!.id, 0)).toBeNull();
      if (backend.name === 'SQLite') expect(existsSync(join(opened.dataDir, 'blobs', sent.messageId))).toBe(false);
    });

    it('refuses room past the reserve (SQLite: DISK_RESERVE_MB) or the size limit (PostgreSQL: DATABASE_MAX_MB)', async () => {
      expect(await blobs.hasRoomFor(1024)).toBe(true);
      limits.diskReserveBytes = Number.MAX_SAFE_INTEGER;
      limits.databaseMaxBytes = 1;
      try {
        expect(await blobs.hasRoomFor(1024)).toBe(false);
      } finally {
        limits.diskReserveBytes = 0;
        limits.databaseMaxBytes = 0;
      }
    });

    /** The stored contents are those of these sends, and (PostgreSQL) nothing is on the disk at all. */
    async function expectOnlyContentsOf(sends: readonly Sent[]): Promise<void> {
      const stored = await store.messages.existingIds(sends.map((s) => s.messageId));
      expect(stored.size).toBe(sends.length);
      for (const s of sends) for (const f of s.files) expect(await blobs.open(s.messageId, f)).not.toBeNull();
      if (backend.name === 'SQLite') {
        expect(readdirSync(join(opened.dataDir, 'tmp'))).toEqual([]);
        // a folder for each large send stored, and none else
        expect(new Set(readdirSync(join(opened.dataDir, 'blobs')))).toEqual(onDisk);
      } else {
        expect(readdirSync(opened.dataDir)).toEqual([]);
      }
    }
  });
});
