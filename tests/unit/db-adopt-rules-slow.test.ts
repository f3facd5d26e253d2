// The adoption rules (src/db/adopt.ts) load only on a device with records kept before ownership,
// and over http:// without a service worker they come from the network. A logout asked for while
// they download is final at once: it never waits behind the download, and the login it ends
// adopts nothing (the records stay unowned: shown to nobody, sent by nobody) until a later login.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listBatchRows } from '../../src/db/batch';
import { DB_NAME, openRenkeiDb } from '../../src/db/db';
import { listDrafts } from '../../src/db/drafts';
import { currentOwner, unowned, type Owner } from '../../src/db/owner';
import { takeCarriedOver } from '../../src/db/sign-in';
import type { RenkeiDb } from '../../src/db/schema';
import { upgrade } from '../../src/db/upgrades';
import { listOutbox } from '../../src/outbox/store';
import { csvFile, emptyDatabase, signIn, TEST_OWNER } from '../support/db';

const CM: Owner = TEST_OWNER;

/** Each download of the rules: held until the test lets it finish (or fail). */
const downloads = vi.hoisted(() => {
  const finishes: ((outcome: 'loaded' | 'failed') => void)[] = [];
  return {
    get asked() {
      return finishes.length;
    },
    ask: () => new Promise<'loaded' | 'failed'>((resolve) => finishes.push(resolve)),
    finish: (outcome: 'loaded' | 'failed') => finishes[finishes.length - 1]!(outcome),
  };
});

vi.mock('../../src/db/adopt', async (importOriginal) => {
  if ((await downloads.ask()) === 'failed') throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

beforeEach(async () => {
  await emptyDatabase();
  takeCarriedOver();
});

/** A version 3 database: a send CM queued, and a draft (no office named). */
async function writeVersion3(): Promise<void> {
  const created = await openDB<RenkeiDb>(DB_NAME, 3, { upgrade: (db, old, _n, tx) => void upgrade(db, old, tx, 3) });
  created.close();
  const db = await openDB(DB_NAME, 3);
  await db.put('outbox', { id: 'cm-send', destination: '3310000017', message: '', files: [csvFile('cm-send.CSV')], createdAt: 1, status: 'waiting', attempts: 0, nextAttemptAt: 1, sender: CM.office });
  await db.put('drafts', { id: 'draft-1', destination: '3310000017', message: '下書き', files: [], savedAt: 1 });
  db.close();
}

async function unownedCount(): Promise<number> {
  const db = await openRenkeiDb();
  return (await db.countFromIndex('outbox', 'owner', unowned())) + (await db.countFromIndex('drafts', 'owner', unowned()));
}

// In this order: once the rules load, the page (and this file) has them for good.
describe('the adoption rules that fail to load', () => {
  it('leave the records unowned: nobody sees them, nothing sends them, and a later login asks again', async () => {
    await writeVersion3();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const asked = downloads.asked;
    const login = signIn(CM);
    await vi.waitFor(() => expect(downloads.asked).toBe(asked + 1));
    downloads.finish('failed');
    await login;
    expect(await currentOwner()).toEqual(CM);
    expect([await listOutbox(), await listDrafts(), await listBatchRows()]).toEqual([[], [], []]);
    expect(await unownedCount()).toBe(2);
    expect(takeCarriedOver()).toBeNull();
    // the page's import() of a module that failed to load is asked again, as here
    await signIn(null);
    const again = signIn(CM);
    await vi.waitFor(() => expect(downloads.asked).toBe(asked + 2));
    downloads.finish('failed');
    await again;
    expect(await unownedCount()).toBe(2);
    expect(logged).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledWith('更新前のデータを引き継げませんでした', expect.anything());
    logged.mockRestore();
  });
});

describe('a logout while the adoption rules download', () => {
  it('is final at once; the login it ended adopts nothing, and a later login does', async () => {
    await writeVersion3();
    const asked = downloads.asked;
    const login = signIn(CM);
    // resolves with the download still under way (were it to wait for it, this test would time out)
    await signIn(null);
    expect(downloads.asked).toBe(asked + 1);
    expect(await currentOwner()).toBeNull();
    expect([await listOutbox(), await listDrafts(), await listBatchRows()]).toEqual([[], [], []]);

    // the download ends after the logout: the login it belonged to takes nothing over
    downloads.finish('loaded');
    await login;
    expect(await unownedCount()).toBe(2);
    expect(takeCarriedOver()).toBeNull();
    expect(await listOutbox()).toEqual([]);

    await signIn(CM);
    expect((await listOutbox()).map((i) => i.id)).toEqual(['cm-send']);
    expect((await listDrafts()).map((d) => d.id)).toEqual(['draft-1']);
    expect(await unownedCount()).toBe(0);
    expect(takeCarriedOver()).toEqual({ sends: 1, heldBack: 0 });
  });
});
