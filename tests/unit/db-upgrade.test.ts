// A database a version-1 client left behind (its stores and records written as version 1 wrote
// them) opens in this version: 一括送信 rows lose their kept status and take it from the outbox,
// are regrouped under send-unit.ts's key, and the login pause moves into the typed settings.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { addFilesToStoredBatch, listBatchRows, type BatchInputFile } from '../../src/db/batch';
import { INTERRUPTED_REASON } from '../../src/db/batch-status';
import { keptMessages } from '../../src/db/cache';
import { closeRenkeiDb, DB_NAME, DB_VERSION, openRenkeiDb } from '../../src/db/db';
import { listDrafts } from '../../src/db/drafts';
import type { RenkeiDb } from '../../src/db/schema';
import { readSettings } from '../../src/db/settings';
import { upgrade } from '../../src/db/upgrades';
import { parseFileName } from '../../src/domain/filename';
import { sendUnitKey } from '../../src/domain/send-unit';
import { fileName } from '../support/csvgen';
import { isPausedForLogin } from '../../src/outbox/store';
import { batchFiles, batchOffices } from '../support/batch-files';
import { CARE_OFFICE, type GeneratedFile } from '../support/csvgen';
import { emptyDatabase, signIn, summary, TEST_OWNER } from '../support/db';

beforeEach(emptyDatabase);

const OFFICES = batchOffices(5);
const FILES = batchFiles(OFFICES);
const filesOf = (i: number) => FILES.filter((f) => f.name.includes(`_${OFFICES[i]!.number}_`));
const kept = (f: GeneratedFile) => ({ name: f.name, type: 'text/csv', blob: new Blob([new Uint8Array(f.bytes)]) });
const rowFile = (f: GeneratedFile) => ({ name: f.name, size: f.bytes.length, head: f.bytes.slice(0, 16), category: '登録', payload: kept(f) });

/** A 一括送信 row exactly as version 1 stored it: status, reason, and the old group key. */
function v1Row(id: string, i: number, status: string, extra: Record<string, unknown> = {}, files = filesOf(i).slice(0, 2)) {
  return {
    id,
    destination: OFFICES[i]!.number,
    groupKey: `${OFFICES[i]!.number}|usage:202504`,
    files: files.map(rowFile),
    message: '',
    sequenceDisplay: '2025/03/25 10:30:00',
    categories: ['登録'],
    problems: [],
    warnings: [],
    officeName: OFFICES[i]!.name,
    status,
    reason: null,
    addedAt: i,
    ...extra,
  };
}

function v1Item(id: string, batchRowId: string, status: string, lastError?: string) {
  return {
    id, sender: CARE_OFFICE, destination: '3310000017', message: '', files: [], createdAt: 1, status, attempts: 1,
    nextAttemptAt: 1, batchRowId, ...(lastError ? { lastError } : {}),
  };
}

async function writeVersion1(): Promise<void> {
  // the stores as version 1 made them: its upgrade step, which never changes once shipped
  const created = await openDB<RenkeiDb>(DB_NAME, 1, {
    upgrade: (v1, oldVersion, _newVersion, tx) => void upgrade(v1, oldVersion, tx, 1),
  });
  created.close();
  // and the records as version 1 wrote them (shapes this version no longer types)
  const db = await openDB(DB_NAME, 1);
  await db.put('drafts', { id: 'd1', destination: '3310000017', message: '下書き', files: [kept(FILES[0]!)], savedAt: 5 });
  await db.put('settings', true, 'outbox-paused-for-login');
  await db.put('outbox', v1Item('o-wait', 'r-wait', 'waiting'));
  await db.put('outbox', v1Item('o-fail', 'r-fail', 'failed', '事業所が見つかりません'));
  await db.put('outbox', v1Item('o-old', 'r-edited', 'failed', '古い失敗'));
  await db.put('sent', { id: 'o-done', batchRowId: 'r-done', result: summary('m1'), confirmedAt: 9 });
  await db.put('batch', v1Row('r-new', 0, '未送信', {}, filesOf(0).slice(0, 1)));
  await db.put('batch', v1Row('r-wait', 1, '送信待ち', { outboxId: 'o-wait' }));
  await db.put('batch', v1Row('r-fail', 2, '失敗', { outboxId: 'o-fail', reason: '事業所が見つかりません', officeKind: '訪問介護' }));
  await db.put('batch', v1Row('r-edited', 3, '未送信', { outboxId: 'o-old' }));
  await db.put('batch', v1Row('r-done', 4, '送信中', { outboxId: 'o-done' }));
  db.close();
  // version 4 gives every record an owner: these, of no known person, are adopted at the first
  // office login of their office (here the office of all of them)
  await signIn(TEST_OWNER);
}

describe('upgrading a version 1 database', () => {
  it('keeps every record and takes each row status from the outbox', async () => {
    await writeVersion1();
    const rows = await listBatchRows();
    expect(rows.map((r) => [r.id, r.status, r.reason])).toEqual([
      ['r-new', '未送信', null],
      ['r-wait', '送信待ち', null],
      ['r-fail', '失敗', '事業所が見つかりません'],
      // changed after its failure: that failure no longer describes it
      ['r-edited', '未送信', null],
      ['r-done', '成功', null],
    ]);
    expect(rows.find((r) => r.id === 'r-fail')).toMatchObject({ officeName: OFFICES[2]!.name, officeKind: '訪問介護' });
    expect((await openRenkeiDb()).version).toBe(DB_VERSION);
    const stored = await (await openRenkeiDb()).getAll('batch');
    expect(stored.every((record) => !('status' in record) && !('reason' in record))).toBe(true);
    expect((await listDrafts()).map((d) => [d.id, d.message, d.files[0]?.name])).toEqual([['d1', '下書き', FILES[0]!.name]]);
  });

  it('regroups the rows, so a later drop of the same unit joins its row', async () => {
    await writeVersion1();
    const [first] = await listBatchRows();
    const parsed = parseFileName(filesOf(0)[0]!.name);
    // version 2's key (destination | unit | month), whatever send-unit.ts says today
    expect(parsed.ok && first!.groupKey === `${parsed.value.destination}|usage|${parsed.value.targetMonth}`).toBe(true);
    const rest: BatchInputFile[] = filesOf(0).slice(1).map((f) => ({ name: f.name, size: f.bytes.length, head: f.bytes.slice(0, 16), payload: kept(f) }));
    const { rows } = await addFilesToStoredBatch(rest, { sender: CARE_OFFICE });
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.id === 'r-new')!.files.map((f) => f.name)).toEqual(filesOf(0).map((f) => f.name));
  });

  it('gives each row the key version 2 gave, not what send-unit.ts gives today (v4 kind codes, 連番)', async () => {
    const dest = OFFICES[0]!.number;
    const usage = ['UPPLAN', 'UPSIKYU'].map((kind) => fileName({ kind: kind as 'UPPLAN', destination: dest, serviceKinds: ['43', '11'] }));
    const plan = fileName({ kind: 'UP1KYO', destination: dest, sequence: '20250325110000' });
    const yobo = fileName({ kind: 'UPYOBO', destination: dest, sequence: '20250325120000' });
    const created = await openDB<RenkeiDb>(DB_NAME, 1, { upgrade: (v1, oldVersion, _newVersion, tx) => void upgrade(v1, oldVersion, tx, 1) });
    created.close();
    const v1 = await openDB(DB_NAME, 1);
    const row = (id: string, names: string[]) => v1Row(id, 0, '未送信', { groupKey: 'old', files: names.map((name) => ({ ...rowFile(FILES[0]!), name })) });
    await v1.put('batch', row('r-usage', usage));
    await v1.put('batch', row('r-plan', [plan]));
    await v1.put('batch', row('r-yobo', [yobo]));
    v1.close();
    const keys = Object.fromEntries((await (await openRenkeiDb()).getAll('batch')).map((r) => [r.id, r.groupKey]));
    expect(keys).toEqual({ 'r-usage': `${dest}|usage|202504`, 'r-plan': `${dest}|care-plan|`, 'r-yobo': `${dest}|yobo|20250325120000|` });
    // (today's key differs: the v4 kind codes joined it after version 2)
    const parsed = parseFileName(usage[0]!);
    expect(parsed.ok && sendUnitKey(parsed.value, 'sequence')).not.toBe(keys['r-usage']);
  });

  it('moves the login pause into the typed settings', async () => {
    await writeVersion1();
    expect(await readSettings()).toMatchObject({ outboxPausedForLogin: true });
    expect(await isPausedForLogin()).toBe(true);
    await closeRenkeiDb();
    // and a row whose outbox item vanished reads as interrupted, as before
    const db = await openDB(DB_NAME, DB_VERSION);
    await db.delete('outbox', 'o-wait');
    db.close();
    expect((await listBatchRows()).find((r) => r.id === 'r-wait')).toMatchObject({ status: '失敗', reason: INTERRUPTED_REASON });
  });

  it('starts a new database at the current version with default settings', async () => {
    expect((await openRenkeiDb()).version).toBe(DB_VERSION);
    expect(await readSettings()).toEqual({ outboxPausedForLogin: false, signedIn: null, pendingLogout: null });
  });
});

describe('upgrading a version 2 database', () => {
  it('adds the 予定 ⇄ 実績 store and keeps what was there', async () => {
    const created = await openDB<RenkeiDb>(DB_NAME, 2, {
      upgrade: (v2, oldVersion, _newVersion, tx) => void upgrade(v2, oldVersion, tx, 2),
    });
    created.close();
    // the draft as version 2 wrote it (no owner yet: version 4 adds that)
    const v2 = await openDB(DB_NAME, 2);
    await v2.put('drafts', { id: 'd2', destination: '3310000017', message: '版2', files: [], savedAt: 1 });
    v2.close();
    const db = await openRenkeiDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('usage');
    expect([...db.transaction('usage').store.indexNames].sort()).toEqual(['byMessage', 'byOutbox', 'byOwnerMonth']);
    // of no known person: the first office login adopts it
    expect(await listDrafts()).toEqual([]);
    await signIn(TEST_OWNER);
    expect((await listDrafts()).map((d) => d.message)).toEqual(['版2']);
  });
});

describe('upgrading a version 4 database', () => {
  it('adds the autosave stores and keeps what was there', async () => {
    const created = await openDB<RenkeiDb>(DB_NAME, 4, {
      upgrade: (v4, oldVersion, _newVersion, tx) => void upgrade(v4, oldVersion, tx, 4),
    });
    await created.put('drafts', { id: 'd4', owner: TEST_OWNER, destination: '3310000017', message: '版4の下書き', files: [kept(FILES[0]!)], savedAt: 7 });
    created.close();
    const db = await openRenkeiDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['usage', 'autosave', 'autosaveFiles']));
    expect(await db.count('autosave')).toBe(0);
    await signIn(TEST_OWNER);
    expect((await listDrafts()).map((d) => [d.id, d.message])).toEqual([['d4', '版4の下書き']]);
  });
});

describe('upgrading a version 5 database', () => {
  it('drops the whole-list copies for one record per owner and message, adds the owners’ prefs, keeps the rest (autosave included)', async () => {
    const created = await openDB<RenkeiDb>(DB_NAME, 5, {
      upgrade: (v5, oldVersion, _newVersion, tx) => void upgrade(v5, oldVersion, tx, 5),
    });
    created.close();
    const owner = { userId: 'cm01', office: CARE_OFFICE };
    const db = await openDB(DB_NAME, 5);
    await db.put('cache', { owner, box: 'received', messages: [summary('m1')], fetchedAt: 1 });
    await db.put('drafts', { id: 'd5', owner, destination: '3310000017', message: '残す', files: [], savedAt: 5 });
    await db.put('autosave', { id: 'a5', owner, source: 'new', destination: '3310000017', message: '書きかけ', savedAt: 6 });
    db.close();

    const upgraded = await openRenkeiDb();
    expect(upgraded.version).toBe(DB_VERSION);
    expect([...upgraded.objectStoreNames]).not.toContain('cache');
    expect([...upgraded.objectStoreNames]).toEqual(expect.arrayContaining(['lists', 'prefs']));
    expect(await keptMessages(owner, 'received')).toEqual({ messages: [], fetchedAt: null });
    expect((await upgraded.getAll('drafts')).map((d) => d.message)).toEqual(['残す']);
    expect((await upgraded.getAll('autosave')).map((a) => a.message)).toEqual(['書きかけ']);
  });
});
