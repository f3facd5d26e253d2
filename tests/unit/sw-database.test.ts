// The service worker never upgrades the database (its script carries no upgrade steps): a worker
// newer than the database, which happens between a new version's activation and the reload of its
// page, leaves the queued sends alone, and the page, which upgrades, sends them. Nothing is lost
// and nothing goes twice. Against the real relay, in-process.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/api/request';
import { closeRenkeiDb, DatabaseOutdated, DB_NAME, DB_VERSION, openRenkeiDb, ownUpgrades } from '../../src/db/db';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type RenkeiDb } from '../../src/db/schema';
import { upgrade } from '../../src/db/upgrades';
import { flushOutbox } from '../../src/outbox/flush';
import { listOutbox, listSentRecords, newOutboxItem } from '../../src/outbox/store';
import type { Agent } from '../support/agent';
import { planCsv } from '../support/agent';
import { CM, HH } from '../support/cast';
import { emptyDatabase, keptFile } from '../support/db';
import { allMessages } from '../support/mailbox';
import { useRelay } from '../support/use-relay';

const t = useRelay();
let office: Agent;
beforeAll(async () => {
  office = await t.signedIn(CM);
});
beforeEach(emptyDatabase);
// back to the page's way for the other test files of this worker thread
afterEach(() => ownUpgrades(() => import('../../src/db/upgrades')));

const OWNER = { userId: CM.user, office: CM.office };
const asServiceWorker = () => ownUpgrades(null);
const asPage = () => ownUpgrades(() => import('../../src/db/upgrades'));

/** The database as the version before this one left it: signed in, one send queued. */
async function previousVersionWithQueuedSend(): Promise<string> {
  const previous = DB_VERSION - 1;
  const db = await openDB<RenkeiDb>(DB_NAME, previous, { upgrade: (d, oldVersion, _n, tx) => void upgrade(d, oldVersion, tx, previous) });
  const item = newOutboxItem(OWNER, { destination: HH.office, message: '更新の前に', files: [keptFile(planCsv(CM.office, HH.office, '20250301090000'), 'text/csv')] });
  await db.put('settings', { ...DEFAULT_SETTINGS, signedIn: OWNER }, SETTINGS_KEY);
  await db.put('outbox', item);
  db.close();
  return item.id;
}

/** The version the database is at, read without asking for one (which would upgrade it). */
async function storedVersion(): Promise<number> {
  const db = await openDB(DB_NAME);
  const { version } = db;
  db.close();
  return version;
}

describe('a service worker newer than the database', () => {
  it('leaves the queue to the page, which upgrades the database and sends it once', async () => {
    const id = await previousVersionWithQueuedSend();
    const requests: string[] = [];
    const fetchImpl: FetchLike = (url, init) => {
      requests.push(`${init.method} ${url}`);
      return office.request(url, init);
    };
    const before = (await allMessages(t().relay.deps.store, 'sent', CM.office)).length;

    asServiceWorker();
    await expect(flushOutbox({ fetchImpl })).rejects.toBeInstanceOf(DatabaseOutdated);
    expect(requests).toEqual([]);
    expect(await storedVersion()).toBe(DB_VERSION - 1);
    await closeRenkeiDb();

    asPage();
    const report = await flushOutbox({ fetchImpl });
    expect(report.sent.map((s) => s.id)).toEqual([id]);
    expect(requests).toEqual(['POST /api/messages']);
    expect(await storedVersion()).toBe(DB_VERSION);
    expect(await listOutbox()).toEqual([]);
    expect((await listSentRecords()).map((s) => s.result.message)).toEqual(['更新の前に']);
    expect((await allMessages(t().relay.deps.store, 'sent', CM.office)).length).toBe(before + 1);
  });

  it('opens a database already at its version as before (the worker sends what the page queued)', async () => {
    asPage();
    await previousVersionWithQueuedSend();
    await openRenkeiDb(); // the page opened: upgraded
    await closeRenkeiDb();
    asServiceWorker();
    const report = await flushOutbox({ fetchImpl: (url, init) => office.request(url, init) });
    expect(report.sent).toHaveLength(1);
  });
});
