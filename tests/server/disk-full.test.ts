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
});
