// What SQLite's WAL does to DATA_DIR now that small sends' bytes go through it (file_chunks): an
// online backup (`VACUUM INTO`, docs/deployment.md "Backups") reads one snapshot while sends go
// on, and the WAL that grew meanwhile (a reader holds back every checkpoint) is given back to
// the disk afterwards instead of staying at its largest for good.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INLINE_MAX_BYTES } from '../../server/blobs/disk';
import { WAL_KEEP_BYTES } from '../../server/db/sqlite/connection';
import { openSqliteStore } from '../../server/db/sqlite';
import { sha256Hex as sha256 } from '../../server/digest';
import type { NewSend, Store } from '../../server/db/types';

const A = { number: '3300000001', name: 'れんけい居宅', kind: '居宅介護支援' };
const Y = { number: '3320000001', name: 'ワーカー訪問介護', kind: '訪問介護' };

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'renkei-sqlite-wal-'));
  store = openSqliteStore(dir);
  await store.offices.upsert(A);
  await store.offices.upsert(Y);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let serial = 0;
/** A small send (its bytes in renkei.db) of one file of `bytes` bytes. */
function smallSend(bytes: number): NewSend & { contents: { fileId: string; bytes: Uint8Array }[] } {
  serial += 1;
  const id = `v${String(serial).padStart(6, '0')}`;
  const data = new Uint8Array(bytes).map((_, i) => (i * 31 + serial) % 251);
  return {
    message: { id, sender: A.number, destination: Y.number, message: '', sentBy: 'cm01', sentAt: '2025-04-01T00:00:00.000Z', expiresAt: '2099-05-01T00:00:00.000Z' },
    files: [{ id: `${id}-f0`, position: 0, name: '第3表.pdf', size: bytes, category: 'PDF等', sha256: sha256(data) }],
    idempotency: { key: `k-${id}`, requestHash: 'h' },
    contents: [{ fileId: `${id}-f0`, bytes: data }],
  };
}

const walBytes = () => statSync(join(dir, 'renkei.db-wal')).size;

describe('SQLite WAL with small sends\' bytes', () => {
  it('gives back the WAL that grew while a reader (an online backup) held a snapshot', async () => {
    const reader = new Database(join(dir, 'renkei.db'), { readonly: true });
    try {
      // a read transaction, as VACUUM INTO keeps one for the whole copy: no checkpoint gets past it
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) AS n FROM messages').get();
      for (let sent = 0; sent * INLINE_MAX_BYTES <= WAL_KEEP_BYTES + 8 * 1024 * 1024; sent++) {
        expect(await store.messages.insertSend(smallSend(INLINE_MAX_BYTES))).toMatchObject({ outcome: 'inserted' });
      }
      expect(walBytes()).toBeGreaterThan(WAL_KEEP_BYTES);
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
    // the next commits checkpoint the whole WAL, then start it over from its beginning
    for (let i = 0; i < 3; i++) await store.messages.insertSend(smallSend(64 * 1024));
    expect(walBytes()).toBeLessThanOrEqual(WAL_KEEP_BYTES);
  });

  it('copies with VACUUM INTO while sends commit: every send acknowledged before it, bytes whole', async () => {
    const acknowledged: ReturnType<typeof smallSend>[] = [];
    let sending = true;
    const sender = (async () => {
      while (sending) {
        const s = smallSend(40 * 1024);
        await store.messages.insertSend(s);
        acknowledged.push(s);
      }
    })();
    while (acknowledged.length < 50) await new Promise((done) => setTimeout(done, 5));
    const before = acknowledged.slice();
    const copy = join(dir, 'backup.db');
    const source = new Database(join(dir, 'renkei.db'), { readonly: true });
    try {
      source.prepare('VACUUM INTO ?').run(copy);
    } finally {
      source.close();
    }
    sending = false;
    await sender;
    const restored = new Database(copy, { readonly: true });
    try {
      expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
      const chunk = restored.prepare<[string], { data: Buffer }>('SELECT data FROM file_chunks WHERE file_id = ? AND seq = 0');
      for (const s of before) expect(sha256(chunk.get(s.files[0]!.id)!.data)).toBe(s.files[0]!.sha256);
    } finally {
      restored.close();
    }
  });
});
