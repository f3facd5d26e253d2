// Crash safety: the relay process is SIGKILLed in the middle of a send. After a restart nothing
// partial is visible, leftovers are swept, and a retry with the same idempotency key delivers once.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { messageListResponseSchema, sendResponseSchema } from '../../src/domain/contract';
import { INLINE_MAX_BYTES } from '../../server/blobs/disk';
import { Agent, equalBytes, pdf, planCsv } from '../support/agent';
import { CM, HH } from '../support/cast';
import { spawnRelay, tempDataDir, type SpawnedRelay } from '../support/relay';
import { startHalfSend } from '../support/slow-send';

const data = tempDataDir('renkei-crash-test-');
const dataDir = data.dir;
const relays: SpawnedRelay[] = [];

afterAll(async () => {
  for (const relay of relays) await relay.kill();
  data.remove();
});

async function startRelay(): Promise<SpawnedRelay> {
  const relay = await spawnRelay({ DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-dist') });
  relays.push(relay);
  return relay;
}

describe('crash mid-send', () => {
  it('shows nothing partial after a restart and delivers exactly once on retry', async () => {
    let relay = await startRelay();
    const cm = await new Agent(relay.url).loginAs(CM.user, CM.officeUser);
    const key = crypto.randomUUID();
    const meta = { destination: HH.office, message: 'クラッシュ試験' };
    const files = [planCsv(), pdf('大きい資料.pdf', 3 * 1024 * 1024)];
    await startHalfSend(relay.url, cm.cookie!, key, meta, files);
    // the server is now holding half a body; kill it without any chance to clean up
    await relay.kill();

    // what a kill after the files were renamed into place, but before the row, would leave behind
    const orphanId = 'f'.repeat(32);
    mkdirSync(join(dataDir, 'blobs', orphanId), { recursive: true });
    writeFileSync(join(dataDir, 'blobs', orphanId, 'a'.repeat(32)), 'half a send');
    mkdirSync(join(dataDir, 'tmp', 'b'.repeat(32)), { recursive: true });
    writeFileSync(join(dataDir, 'tmp', 'b'.repeat(32), 'c'.repeat(32)), 'staged bytes');

    relay = await startRelay();
    expect(readdirSync(join(dataDir, 'blobs'))).toEqual([]);
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);

    // the session lives in SQLite, so it survived the crash too
    cm.target = relay.url;
    const hh = await new Agent(relay.url).loginAs(HH.user, HH.officeUser);
    const inbox = async () =>
      messageListResponseSchema.parse(await (await hh.request('/api/messages?box=received')).json()).messages;
    expect(await inbox()).toEqual([]);
    const sentBefore = await cm.request('/api/messages?box=sent');
    expect(sentBefore.status).toBe(200);
    expect(messageListResponseSchema.parse(await sentBefore.json()).messages).toEqual([]);

    const retry = await cm.send(meta, files, key);
    expect(retry.status).toBe(201);
    const again = await cm.send(meta, files, key);
    expect(again.status).toBe(200);
    expect(sendResponseSchema.parse(await again.json()).duplicate).toBe(true);
    const delivered = await inbox();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.files.map((f) => f.size)).toEqual([files[0]!.bytes.length, 3 * 1024 * 1024]);
    expect(readdirSync(join(dataDir, 'blobs'))).toEqual([delivered[0]!.id]);

    await relay.kill();
  }, 60_000);

  it('loses no acknowledged send, nor its bytes, when killed under load, with batches in the write worker', async () => {
    let relay = await startRelay();
    const cm = await new Agent(relay.url).loginAs(CM.user, CM.officeUser);
    const count = 60;
    const keys = Array.from({ length: count }, () => crypto.randomUUID());
    const meta = (n: number) => ({ destination: HH.office, message: `負荷中の停止 ${n}` });
    // most sends small (their bytes committed in the write worker's batch, in renkei.db), every
    // sixth over INLINE_MAX_BYTES (on disk, moved into place before its row commits)
    const large = (n: number) => n % 6 === 5;
    const files = (n: number) => [pdf(`資料${n}.pdf`, (large(n) ? INLINE_MAX_BYTES : 20_000) + n)];
    const acknowledged = new Map<string, string>();
    // eight clients back to back, killed after the 20th 201: other sends are then being parsed,
    // written or committed in a batch
    let next = 0;
    let kill: Promise<void> | null = null;
    const client = async () => {
      while (next < count && !kill) {
        const n = next++;
        const res = await cm.send(meta(n), files(n), keys[n]).catch(() => null);
        if (res?.status !== 201) continue;
        acknowledged.set(keys[n]!, sendResponseSchema.parse(await res.json()).message.id);
        if (acknowledged.size === 20) kill = relay.kill();
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));
    await kill;
    expect(acknowledged.size).toBeGreaterThanOrEqual(20);

    relay = await startRelay();
    cm.target = relay.url;
    const sent = async () => messageListResponseSchema.parse(await (await cm.request('/api/messages?box=sent&limit=100')).json()).messages;
    const survived = new Set((await sent()).map((m) => m.id));
    for (const id of acknowledged.values()) expect(survived.has(id)).toBe(true);
    // with every byte
    const byId = new Map((await sent()).map((m) => [m.id, m]));
    for (const [n, key] of keys.entries()) {
      const id = acknowledged.get(key);
      if (!id) continue;
      const file = byId.get(id)!.files[0]!;
      const res = await cm.request(`/api/messages/${id}/files/${file.id}`);
      expect(res.status).toBe(200);
      expect(equalBytes(new Uint8Array(await res.arrayBuffer()), files(n)[0]!.bytes)).toBe(true);
    }
    expect(keys.some((key, n) => acknowledged.has(key) && !large(n))).toBe(true);

    // every key retried, as outboxes do: the acknowledged ones answer their message again
    for (const [n, key] of keys.entries()) {
      const res = await cm.send(meta(n), files(n), key);
      const body = sendResponseSchema.parse(await res.json());
      const before = acknowledged.get(key);
      if (before) expect([res.status, body.duplicate, body.message.id]).toEqual([200, true, before]);
      else expect([200, 201]).toContain(res.status);
    }
    const stored = (await sent()).filter((m) => m.message.startsWith('負荷中の停止'));
    expect(stored).toHaveLength(count);
    expect(new Set(stored.map((m) => m.message)).size).toBe(count);
    // a folder for each large send (and the first test's message, in the same data folder), none without its row
    const onDisk = (await sent()).filter((m) => m.files.reduce((n, f) => n + f.size, 0) > INLINE_MAX_BYTES).map((m) => m.id);
    expect(onDisk.length).toBeGreaterThan(1);
    expect(new Set(readdirSync(join(dataDir, 'blobs')))).toEqual(new Set(onDisk));
    await relay.kill();
  }, 120_000);
});
