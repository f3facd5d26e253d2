// SQLite keeps a small send's bytes in renkei.db (file_chunks, migration 5) and a larger one's in
// DATA_DIR/blobs. A data folder from before migration 5 has every file on disk: after the upgrade
// its old messages download as before, new small sends go into the database, and retention takes
// both kinds with their messages.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskBlobStore, INLINE_MAX_BYTES } from '../../server/blobs/disk';
import { deliver } from '../../server/delivery/deliver';
import { sha256Hex as sha256 } from '../../server/digest';
import { openRelay, type Relay } from '../../server/relay';
import { Agent, equalBytes, pdf, planCsv, type TestFile } from '../support/agent';
import { CM, HH } from '../support/cast';
import { tempDataDir } from '../support/relay';

const data = tempDataDir('renkei-inline-');
afterAll(() => data.remove());

const open = (now?: () => Date) => openRelay({ dataDir: data.dir, staticDir: join(data.dir, 'no-dist'), ...(now ? { now } : {}) });
const agent = (relay: Relay) => new Agent(async (path, init) => relay.app.request(path, init));
const chunkRows = () => {
  const db = new Database(join(data.dir, 'renkei.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM file_chunks').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

async function download(relay: Relay, messageId: string, fileId: string): Promise<Uint8Array> {
  const hh = await agent(relay).loginAs(HH.user, HH.officeUser);
  const res = await hh.request(`/api/messages/${messageId}/files/${fileId}?mark=later`);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

describe('small sends in renkei.db beside an older data folder', () => {
  const old: TestFile[] = [planCsv(CM.office, HH.office, '20250401090000'), pdf('旧.pdf', 3000)];
  let oldId = '';
  let newId = '';

  it('serves an old data folder (schema 4, every file in blobs/) after the upgrade', async () => {
    // what a relay before migration 5 did: the files of even a small send synced into blobs/
    let relay = await open();
    const beforeInline = new DiskBlobStore(data.dir, { diskReserveBytes: 0 }, null);
    const sent = await deliver(
      { ...relay.deps, blobs: beforeInline },
      {
        office: CM.office,
        userId: CM.user,
        address: '127.0.0.1',
        idempotencyKey: crypto.randomUUID(),
        meta: { destination: HH.office, message: '移行前' },
        files: old.map((f) => ({ ...f, sha256: sha256(f.bytes) })),
      },
    );
    if (sent.kind !== 'delivered') throw new Error(`not delivered: ${sent.kind}`);
    oldId = sent.record.id;
    await relay.close();
    const db = new Database(join(data.dir, 'renkei.db'));
    db.exec('DROP TABLE file_chunks; DELETE FROM schema_version WHERE version >= 5');
    db.close();

    relay = await open();
    try {
      expect(chunkRows()).toBe(0);
      expect(readdirSync(join(data.dir, 'blobs'))).toEqual([oldId]);
      for (const [i, file] of sent.record.files.entries()) expect(equalBytes(await download(relay, oldId, file.id), old[i]!.bytes)).toBe(true);
    } finally {
      await relay.close();
    }
  });

  it('puts a new small send in the database and a large one on disk, both served byte for byte', async () => {
    const relay = await open();
    try {
      const cm = await agent(relay).loginAs(CM.user, CM.officeUser);
      const small = [planCsv(CM.office, HH.office, '20250501090000'), pdf('小.pdf', 300 * 1024)];
      const large = [pdf('大.pdf', INLINE_MAX_BYTES + 1)];
      const sent = async (files: TestFile[]) => {
        const res = await cm.send({ destination: HH.office, message: '' }, files);
        expect(res.status).toBe(201);
        return ((await res.json()) as { message: { id: string; files: { id: string }[] } }).message;
      };
      const a = await sent(small);
      const b = await sent(large);
      newId = a.id;
      // the CSV in one chunk, the 300 KiB PDF in two (256 KiB each at most)
      expect(chunkRows()).toBe(3);
      expect(new Set(readdirSync(join(data.dir, 'blobs')))).toEqual(new Set([oldId, b.id]));
      for (const [i, file] of a.files.entries()) expect(equalBytes(await download(relay, a.id, file.id), small[i]!.bytes)).toBe(true);
      expect(equalBytes(await download(relay, b.id, b.files[0]!.id), large[0]!.bytes)).toBe(true);
    } finally {
      await relay.close();
    }
  });

  it('lets retention remove old and new messages, their bytes with them', async () => {
    const later = new Date(Date.now() + 400 * 86_400_000);
    const relay = await open(() => later);
    try {
      // the start-up sweep already ran at `later`
      expect(chunkRows()).toBe(0);
      expect(readdirSync(join(data.dir, 'blobs'))).toEqual([]);
      expect(existsSync(join(data.dir, 'blobs', oldId))).toBe(false);
      expect(await relay.deps.store.messages.existingIds([oldId, newId])).toEqual(new Set());
    } finally {
      await relay.close();
    }
  });
});

describe('a data folder a later Renkei has used', () => {
  it('is refused at start rather than served without what the later version added', async () => {
    const later = tempDataDir('renkei-newer-schema-');
    try {
      const relay = await openRelay({ dataDir: later.dir, staticDir: join(later.dir, 'no-dist') });
      await relay.close();
      const db = new Database(join(later.dir, 'renkei.db'));
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(99);
      db.close();
      await expect(openRelay({ dataDir: later.dir, staticDir: join(later.dir, 'no-dist') })).rejects.toThrow(
        /renkei\.db was last used by a newer Renkei \(schema 99; this version knows up to \d+\)/,
      );
    } finally {
      later.remove();
    }
  });
});
