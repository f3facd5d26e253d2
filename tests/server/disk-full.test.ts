// A full disk (issue 11, point 8), for real: the relay runs on a small tmpfs of its own (a mount
// namespace), which the test fills to the last byte. Logins, lists and first downloads keep
// working; sends are refused with 507 「サーバーの保存領域が不足しています」 (below the reserve, before
// any write); nothing already stored is harmed; once room is made, sends go again.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, messageListResponseSchema, sendResponseSchema } from '../../src/domain/contract';
import { Agent, equalBytes, pdf } from '../support/agent';
import { CM, HH } from '../support/cast';
import { smallDiskPath, smallDisksWork, spawnRelay, tempDataDir, type SpawnedRelay } from '../support/relay';

const canRun = smallDisksWork();
const reason = canRun ? '' : ' — SKIPPED: no mount namespaces here (needs root or user namespaces for unshare + tmpfs)';
if (!canRun) console.warn(`[disk-full.test]${reason}`);

const data = tempDataDir('renkei-disk-full-');
let relay: SpawnedRelay;

beforeAll(async () => {
  if (!canRun) return;
  relay = await spawnRelay({ DATA_DIR: data.dir, STATIC_DIR: join(data.dir, 'no-dist'), DISK_RESERVE_MB: '2' }, { smallDiskMb: 24 });
}, 60_000);
afterAll(async () => {
  await relay?.stop();
  data.remove();
});

/** Writes a filler file until the disk refuses even 512 bytes more. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  try {
    for (const size of [1024 * 1024, 64 * 1024, 4096, 512]) {
      const block = Buffer.alloc(size, 0x55);
      for (;;) {
        try {
          writeSync(fd, block);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!canRun)(`a full disk${reason}`, () => {
  it('keeps logins, lists and downloads working, refuses sends with 507, and harms nothing stored', async () => {
    const cm = await new Agent(relay.url).loginAs(CM.user, CM.officeUser);
    const file = pdf('満杯前.pdf', 200 * 1024);
    const before = sendResponseSchema.parse(await (await cm.send({ destination: HH.office, message: '満杯前' }, [file])).json()).message;

    const filler = smallDiskPath(relay, data.dir, 'filler');
    fillDisk(filler);
    try {
      // logins (a new session each), the office login, lists and a first download
      const hh = await new Agent(relay.url).loginAs(HH.user, HH.officeUser);
      const received = messageListResponseSchema.parse(await (await hh.request('/api/messages?box=received')).json()).messages;
      expect(received.map((m) => m.id)).toContain(before.id);
      const download = await hh.request(`/api/messages/${before.id}/files/${before.files[0]!.id}`);
      expect(download.status).toBe(200);
      expect(equalBytes(new Uint8Array(await download.arrayBuffer()), file.bytes)).toBe(true);
      expect((await cm.request('/api/messages?box=sent')).status).toBe(200);

      const refused = await cm.send({ destination: HH.office, message: '満杯' }, [pdf('満杯.pdf')]);
      expect(refused.status).toBe(507);
      expect(apiErrorSchema.parse(await refused.json()).error.message).toBe('サーバーの保存領域が不足しています');
      expect((await cm.request('/api/auth/logout', { method: 'POST' })).status).toBe(200);
    } finally {
      rmSync(filler, { force: true });
    }
    const again = await new Agent(relay.url).loginAs(CM.user, CM.officeUser);
    expect((await again.send({ destination: HH.office, message: '空いた後' }, [pdf('後.pdf')])).status).toBe(201);
    expect(relay.output()).not.toMatch(/unexpected error/);
  }, 60_000);

  it('answers 507 when SQLite itself meets the full disk (no reserve set) with a small send, keeps nothing of it, and takes the retry', async () => {
    // DISK_RESERVE_MB=0: no room check before the write, so the small send's bytes reach the write
    // worker's transaction and the WAL cannot grow (SQLITE_FULL)
    const bare = tempDataDir('renkei-disk-full-noreserve-');
    const noReserve = await spawnRelay({ DATA_DIR: bare.dir, STATIC_DIR: join(bare.dir, 'no-dist'), DISK_RESERVE_MB: '0' }, { smallDiskMb: 24 });
    try {
      const cm = await new Agent(noReserve.url).loginAs(CM.user, CM.officeUser);
      const hh = await new Agent(noReserve.url).loginAs(HH.user, HH.officeUser);
      const file = pdf('満杯の時.pdf', 900 * 1024);
      const meta = { destination: HH.office, message: 'SQLITE_FULL' };
      const key = crypto.randomUUID();
      const filler = smallDiskPath(noReserve, bare.dir, 'filler');
      fillDisk(filler);
      try {
        const refused = await cm.send(meta, [file], key);
        expect(refused.status).toBe(507);
        expect(apiErrorSchema.parse(await refused.json()).error.message).toBe('サーバーの保存領域が不足しています');
        expect(messageListResponseSchema.parse(await (await hh.request('/api/messages?box=received')).json()).messages).toEqual([]);
      } finally {
        rmSync(filler, { force: true });
      }
      const retry = await cm.send(meta, [file], key);
      expect(retry.status).toBe(201);
      const sent = sendResponseSchema.parse(await retry.json()).message;
      const download = await hh.request(`/api/messages/${sent.id}/files/${sent.files[0]!.id}`);
      expect(equalBytes(new Uint8Array(await download.arrayBuffer()), file.bytes)).toBe(true);
      // SQLite's own refusal (SQLITE_FULL), not a file writer's ENOSPC: the bytes went to the database
      expect(noReserve.output()).toContain('storage full POST /api/messages database or disk is full');
      expect(noReserve.output()).not.toMatch(/unexpected error/);
    } finally {
      await noReserve.stop();
      bare.remove();
    }
  }, 60_000);
});
