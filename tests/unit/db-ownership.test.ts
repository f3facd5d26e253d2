// Ownership of what the device keeps (src/db/owner.ts): drafts, the outbox, confirmations, cached
// lists and 一括送信 rows are the person's and office's that made them. Anyone else signed in on the
// same browser, or nobody, neither sees nor changes nor sends them; they wait for their owner.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { addFilesToStoredBatch, deleteBatchRows, listBatchRows } from '../../src/db/batch';
import { getCachedList, putCachedList } from '../../src/db/cache';
import { readAutosave, writeAutosave } from '../../src/db/autosave';
import { closeRenkeiDb, DB_NAME, openRenkeiDb } from '../../src/db/db';
import { deleteDraft, getDraft, listDrafts, saveDraft } from '../../src/db/drafts';
import { countDeviceData, eraseDeviceData } from '../../src/db/erase';
import { currentOwner, type Owner } from '../../src/db/owner';
import type { RenkeiDb } from '../../src/db/schema';
import { updatePrefs } from '../../src/db/prefs';
import { readSettings } from '../../src/db/settings';
import { upgrade } from '../../src/db/upgrades';
import { keepUsage, listUsage } from '../../src/db/usage';
import { forgetPendingLogout, hasPendingLogout, signOutDevice } from '../../src/outbox/pending-logout';
import { claimNextDue, confirmSent, enqueueSend, getOutboxItem, listOutbox, listSentRecords, removeOutboxItem, retryOutboxItem } from '../../src/outbox/store';
import { batchFiles, batchOffices } from '../support/batch-files';
import { CARE_OFFICE } from '../support/csvgen';
import { numberedPeople, planFile } from '../support/usage-files';
import { csvFile, emptyDatabase, freshDatabase, signIn, summary, TEST_OWNER } from '../support/db';

const CM: Owner = TEST_OWNER;
const DS: Owner = { userId: 'ds01', office: '3310000025' };
/** cm01's colleague at the same office */
const CM2: Owner = { userId: 'cm02', office: CM.office };

beforeEach(freshDatabase);

/** cm01 keeps one of everything. */
async function cm01KeepsEverything() {
  const draft = await saveDraft({ destination: '3310000017', message: 'cm01の下書き', files: [csvFile('a.CSV')] });
  const item = await enqueueSend({ destination: '3310000017', message: 'cm01の送信', files: [] });
  const done = await enqueueSend({ destination: '3310000017', message: '', files: [], batchRowId: 'r' });
  await confirmSent(done, summary('m1'), Date.now());
  await putCachedList('received', [summary('m2')], 1);
  const offices = batchOffices(1);
  const files = batchFiles(offices).map((f) => ({ name: f.name, size: f.bytes.length, head: f.bytes.slice(0, 16), payload: { name: f.name, type: 'text/csv', blob: new Blob([new Uint8Array(f.bytes)]) } }));
  const { rows } = await addFilesToStoredBatch(files, { sender: CARE_OFFICE });
  await keepUsage([planFile([{ person: numberedPeople(1)[0]!, visits: [{ day: 2 }] }])], { owner: CM, sentAt: '2025-01-01T03:00:00.000Z', messageId: 'm3' });
  await writeAutosave({ owner: CM, source: 'new' }, { destination: '', message: 'cm01の作成途中', files: [csvFile('b.CSV')] });
  await updatePrefs(CM, (p) => ({ ...p, notify: true }));
  return { draft, item, row: rows[0]! };
}

describe('another person or office on the same browser', () => {
  for (const [who, owner] of [['another office', DS], ['a colleague of the same office', CM2], ['nobody signed in', null]] as const) {
    it(`${who}: sees none of cm01's records and can change none`, async () => {
      const { draft, item, row } = await cm01KeepsEverything();
      await signIn(owner);
      expect(await listDrafts()).toEqual([]);
      expect(await getDraft(draft.id)).toBeUndefined();
      expect(await listOutbox()).toEqual([]);
      expect(await getOutboxItem(item.id)).toBeUndefined();
      expect(await listSentRecords()).toEqual([]);
      expect(await getCachedList('received')).toBeUndefined();
      expect(await listBatchRows()).toEqual([]);
      if (owner) expect(await listUsage(owner)).toEqual([]);
      expect(await claimNextDue(Date.now(), { ignoreBackoff: true, skip: new Set() })).toBeUndefined();

      // nor change them by id
      await deleteDraft(draft.id);
      await removeOutboxItem(item.id);
      await retryOutboxItem(item.id);
      await deleteBatchRows([row.id]);
      if (owner) {
        const mine = await saveDraft({ id: draft.id, destination: '', message: '上書き?', files: [] });
        expect(mine.id).not.toBe(draft.id);
      } else {
        await expect(saveDraft({ destination: '', message: '', files: [] })).rejects.toThrow('ログインしていない');
        await expect(enqueueSend({ destination: '3310000017', message: '', files: [] })).rejects.toThrow('ログインしていない');
      }

      // all still there for cm01
      await signIn(CM);
      expect((await getDraft(draft.id))?.message).toBe('cm01の下書き');
      expect((await getOutboxItem(item.id))?.status).toBe('waiting');
      expect(await listSentRecords()).toHaveLength(1);
      expect((await getCachedList('received'))?.messages).toHaveLength(1);
      expect((await listBatchRows()).map((r) => r.id)).toEqual([row.id]);
      expect((await claimNextDue(Date.now(), { ignoreBackoff: true, skip: new Set() }))?.id).toBe(item.id);
    });
  }

  it('a person signed in without the 事業所ユーザログイン owns nothing yet', async () => {
    await cm01KeepsEverything();
    await signIn(null);
    const { recordSignedIn } = await import('../../src/db/sign-in');
    await recordSignedIn({ userId: CM.userId, office: null });
    expect(await currentOwner()).toBeNull();
    expect(await listDrafts()).toEqual([]);
  });
});

describe('signing out', () => {
  it('is final on the device at once, and owes the relay the logout of that session', async () => {
    await cm01KeepsEverything();
    await signOutDevice('abcdef0123456789');
    expect(await currentOwner()).toBeNull();
    expect(await listOutbox()).toEqual([]);
    expect((await readSettings()).pendingLogout).toEqual({ session: 'abcdef0123456789' });
    expect(await hasPendingLogout()).toBe(true);
    await forgetPendingLogout();
    expect(await hasPendingLogout()).toBe(false);
  });
});

describe('この端末のデータを消去', () => {
  it('counts and erases every owner’s records, keeping only a logout still owed', async () => {
    await cm01KeepsEverything();
    await signIn(DS);
    await saveDraft({ destination: '', message: 'ds01', files: [] });
    expect(await countDeviceData()).toEqual({ drafts: 2, outbox: 1, batch: 1, usage: 1, autosave: 1, people: 2 });
    await signOutDevice(null);
    await eraseDeviceData();
    expect(await countDeviceData()).toEqual({ drafts: 0, outbox: 0, batch: 0, usage: 0, autosave: 0, people: 0 });
    expect(await readAutosave({ owner: CM, source: 'new' })).toBeUndefined();
    expect(await (await openRenkeiDb()).count('autosaveFiles')).toBe(0);
    // the kept lists and each person's choices (保存先フォルダ, 新着の通知) go too
    expect(await (await openRenkeiDb()).count('lists')).toBe(0);
    expect(await (await openRenkeiDb()).count('prefs')).toBe(0);
    expect(await readSettings()).toEqual({ outboxPausedForLogin: false, signedIn: null, pendingLogout: { session: null } });
    for (const owner of [CM, DS]) {
      await signIn(owner);
      expect([...(await listDrafts()), ...(await listOutbox()), ...(await listSentRecords())]).toEqual([]);
    }
  });
});

describe('records kept before ownership (version 2)', () => {
  it('are adopted at the first office login that can own them, and only by it', async () => {
    await emptyDatabase();
    const v2 = await openDB<RenkeiDb>(DB_NAME, 2, { upgrade: (db, old, _n, tx) => void upgrade(db, old, tx, 2) });
    v2.close();
    const db = await openDB(DB_NAME, 2);
    await db.put('drafts', { id: 'old-draft', destination: '', message: '昔の下書き', files: [], savedAt: 1 });
    const item = (id: string, sender: string) => ({ id, sender, destination: '3310000017', message: '', files: [], createdAt: 1, status: 'waiting', attempts: 0, nextAttemptAt: 1 });
    await db.put('outbox', item('cm-office', CM.office));
    await db.put('outbox', item('ds-office', DS.office));
    await db.put('cache', { box: 'received', messages: [summary('old')], fetchedAt: 1 });
    db.close();
    await closeRenkeiDb();

    await signIn(DS);
    expect((await listOutbox()).map((i) => i.id)).toEqual(['ds-office']);
    // the first office login takes the drafts, which name no office
    expect((await listDrafts()).map((d) => d.id)).toEqual(['old-draft']);
    expect(await getCachedList('received')).toBeUndefined();
    await signIn(CM);
    expect((await listOutbox()).map((i) => i.id)).toEqual(['cm-office']);
    expect(await listDrafts()).toEqual([]);
  });
});
