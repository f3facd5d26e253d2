// The SQLite store commits sends in a worker thread on a connection of its own
// (server/db/sqlite/writer.ts), while the relay's main connection goes on reading and making its
// own small writes (済 marks, 送信取消). Those read before they write: begun deferred, one would fail
// at once with "database is locked" whenever the worker committed between its read and its write.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { openSqliteStore } from '../../server/db/sqlite';
import { sendForWorker, type PostedSend } from '../../server/db/sqlite/send-wire';
import type { NewSend, Store } from '../../server/db/types';

const A = { number: '3300000001', name: 'れんけい居宅', kind: '居宅介護支援' };
const Y = { number: '3320000001', name: 'ワーカー訪問介護', kind: '訪問介護' };

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'renkei-sqlite-writer-'));
  store = openSqliteStore(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let serial = 0;
function send(files = 3): NewSend {
  serial += 1;
  const id = `w${String(serial).padStart(6, '0')}`;
  return {
    message: { id, sender: A.number, destination: Y.number, message: '', sentBy: 'cm01', sentAt: '2025-04-01T00:00:00.000Z', expiresAt: '2099-05-01T00:00:00.000Z' },
    files: Array.from({ length: files }, (_, position) => ({ id: `${id}-f${position}`, position, name: `第${position}表.pdf`, size: 10, category: 'PDF等', sha256: 'c'.repeat(64) })),
    idempotency: { key: `k-${id}`, requestHash: 'h' },
    audit: { action: 'send', actor: 'cm01', office: A.number, target: id },
  };
}

describe('SQLite sends in the write worker', () => {
  it('are committed (seen by another connection) when insertSend resolves, audit row included', async () => {
    await store.offices.upsert(A);
    await store.offices.upsert(Y);
    const sends = Array.from({ length: 20 }, () => send());
    const results = await Promise.all(sends.map((s) => store.messages.insertSend(s)));
    expect(results.every((r) => r.outcome === 'inserted')).toBe(true);
    const other = new Database(join(dir, 'renkei.db'), { readonly: true });
    try {
      const count = (sql: string) => (other.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT COUNT(*) AS n FROM messages')).toBe(20);
      expect(count('SELECT COUNT(*) AS n FROM message_files')).toBe(60);
      expect(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'send'")).toBe(20);
    } finally {
      other.close();
    }
    // the same key again: the stored message, not a second one
    const again = await store.messages.insertSend({ ...send(), idempotency: sends[0]!.idempotency });
    expect(again).toMatchObject({ outcome: 'exists', messageId: sends[0]!.message.id });
  });

  it('let 済 marks and 送信取消 on the main connection wait for a commit instead of failing', async () => {
    await store.offices.upsert(A);
    await store.offices.upsert(Y);
    const earlier = Array.from({ length: 120 }, () => send());
    for (const s of earlier) await store.messages.insertSend(s);
    let sending = true;
    const load = (async () => {
      let n = 0;
      while (sending) {
        await Promise.all(Array.from({ length: 8 }, () => store.messages.insertSend(send(6))));
        n += 8;
      }
      return n;
    })();
    const answers: string[] = [];
    for (const [i, s] of earlier.entries()) {
      const at = new Date(Date.UTC(2025, 3, 2, 0, 0, i)).toISOString();
      // a turn of the event loop between each: the worker's commits fall between them too
      await new Promise((resolve) => setImmediate(resolve));
      answers.push(i % 4 === 3 ? await store.messages.withdraw(s.message.id, A.number, at, 'cm01') : await store.messages.markDownloaded(s.message.id, `${s.message.id}-f0`, at));
    }
    sending = false;
    expect(await load).toBeGreaterThan(0);
    expect(answers.filter((a) => a !== 'first' && a !== 'withdrawn')).toEqual([]);
  });

  it('move a small send\'s bytes to the worker as copies of their own, leaving the caller\'s whole for a retry', async () => {
    await store.offices.upsert(A);
    await store.offices.upsert(Y);
    // the files of a parsed form are views into a socket read's buffer
    const socketRead = new Uint8Array(64 * 1024).map((_, i) => i % 251);
    const s = send(2);
    const contents = s.files.map((f, i) => ({ fileId: f.id, bytes: socketRead.subarray(1000 + i * 5000, 6000 + i * 5000) }));
    const posted = sendForWorker({ ...s, contents });
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(posted.arg, posted.transfer);
    const arrived = receiveMessageOnPort(port2)!.message as PostedSend;
    port1.close();
    // each file's own 5000 bytes went, moved, not the 64 KiB under them (cloned once per file)
    expect(arrived.contents!.map((c) => c.bytes.buffer.byteLength)).toEqual([5000, 5000]);
    expect(posted.transfer.map((b) => b.byteLength)).toEqual([0, 0]);
    expect(contents.map((c) => c.bytes.byteLength)).toEqual([5000, 5000]);
    // stored as given, and the same send again (withDiskReserve's retry) still carries its bytes
    expect(await store.messages.insertSend({ ...s, contents })).toMatchObject({ outcome: 'inserted' });
    expect(await store.messages.insertSend({ ...s, contents })).toMatchObject({ outcome: 'exists' });
    for (const c of contents) expect(Buffer.from((await store.inlineContents!.chunk(c.fileId, 0))!).equals(Buffer.from(c.bytes))).toBe(true);
  });

  it('reuse the pages retention freed for new small sends: renkei.db levels off instead of growing', async () => {
    await store.offices.upsert(A);
    await store.offices.upsert(Y);
    const month = () => Array.from({ length: 150 }, () => {
      const s = send(3);
      return { ...s, contents: s.files.map((f) => ({ fileId: f.id, bytes: new Uint8Array(5000).fill(serial % 256) })) };
    });
    // the write worker's commits reach renkei.db itself at checkpoints: a close makes the last one
    const pagesAfterClose = async () => {
      await store.close();
      const other = new Database(join(dir, 'renkei.db'), { readonly: true });
      try {
        return { total: other.pragma('page_count', { simple: true }) as number, free: other.pragma('freelist_count', { simple: true }) as number };
      } finally {
        other.close();
        store = openSqliteStore(dir);
      }
    };
    // four months, each sent and then removed by retention
    const sizes: number[] = [];
    for (let m = 0; m < 4; m++) {
      const sends = month();
      await Promise.all(sends.map((s) => store.messages.insertSend(s)));
      const full = await pagesAfterClose();
      sizes.push(full.total);
      expect(await store.messages.deleteMany(sends.map((s) => s.message.id))).toBe(150);
      const emptied = await pagesAfterClose();
      // nothing given back to the disk, but most of the month's pages are free for the next one
      expect(emptied.total).toBe(full.total);
      expect(emptied.free).toBeGreaterThan(full.total / 2);
    }
    // each later month adds only what outlives retention (the 送受信記録, the audit log: about
    // 40 pages here), not its contents again (about 550 pages of the first month's 680)
    for (let m = 1; m < sizes.length; m++) expect(sizes[m]! - sizes[m - 1]!).toBeLessThan(sizes[0]! / 10);
  });
});
