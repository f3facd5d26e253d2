// Sends queued by an older version of the app, in a database this version upgrades: nothing is lost,
// nothing goes out under an office that did not queue it, and the user is told what happened.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { INTERRUPTED_REASON } from '../../src/db/batch-status';
import { listBatchRows } from '../../src/db/batch';
import { closeRenkeiDb, DB_NAME, DB_VERSION, openRenkeiDb } from '../../src/db/db';
import { listDrafts } from '../../src/db/drafts';
import type { Owner } from '../../src/db/owner';
import { takeCarriedOver } from '../../src/db/sign-in';
import type { RenkeiDb } from '../../src/db/schema';
import { upgrade } from '../../src/db/upgrades';
import { claimNextDue, listOutbox } from '../../src/outbox/store';
import { carriedOverText } from '../../src/views/app/carried-over-text';
import { bytesOf, csvFile, emptyDatabase, signIn, TEST_OWNER } from '../support/db';

const CM: Owner = TEST_OWNER;
const DS: Owner = { userId: 'ds01', office: '3310000025' };
const due = () => claimNextDue(Date.now() + 1, { ignoreBackoff: true, skip: new Set() });

beforeEach(async () => {
  await emptyDatabase();
  takeCarriedOver();
});

/** An outbox item as versions 2 and 3 kept it: no owner; `sender` only when an office was logged in. */
const v3Item = (id: string, extra: Record<string, unknown>) => ({
  id, destination: '3310000017', message: `${id}の本文`, files: [csvFile(`${id}.CSV`)], createdAt: 1, status: 'waiting', attempts: 0, nextAttemptAt: 1, ...extra,
});

async function writeVersion3(): Promise<void> {
  const created = await openDB<RenkeiDb>(DB_NAME, 3, { upgrade: (db, old, _n, tx) => void upgrade(db, old, tx, 3) });
  created.close();
  const db = await openDB(DB_NAME, 3);
  await db.put('outbox', v3Item('cm-send', { sender: CM.office }));
  await db.put('outbox', v3Item('ds-send', { sender: DS.office }));
  await db.put('outbox', v3Item('no-office', {}));
  await db.put('outbox', v3Item('no-office-row', { batchRowId: 'row-1' }));
  await db.put('batch', {
    id: 'row-1', destination: '3310000017', groupKey: '3310000017|usage|202504', files: [{ name: 'no-office-row.CSV', size: 6, head: new Uint8Array(), category: '登録', payload: csvFile('no-office-row.CSV') }],
    message: '', sequenceDisplay: '', categories: ['登録'], problems: [], warnings: [], addedAt: 1, outboxId: 'no-office-row',
  });
  db.close();
}

/** Another unowned send, as if an older tab had queued it after the upgrade (the owner index's empty user). */
async function writeVersion3Again(): Promise<void> {
  await (await openRenkeiDb()).put('outbox', { ...v3Item('late', { sender: CM.office }), owner: { userId: '', office: '' } } as never);
}

describe('sends queued before ownership (database version 3)', () => {
  it('go out under the first login of the office that queued them, and the user is told', async () => {
    await writeVersion3();
    await signIn(CM);
    expect((await listOutbox()).map((i) => i.id)).toEqual(['cm-send']);
    expect((await due())?.id).toBe('cm-send');
    expect(takeCarriedOver()).toEqual({ sends: 1, heldBack: 2 });
    // told once
    expect(takeCarriedOver()).toBeNull();
  });

  it('a send without a known sending office is never sent: it becomes a draft (or its row stays), files intact', async () => {
    await writeVersion3();
    await signIn(CM);
    const drafts = await listDrafts();
    expect(drafts.map((d) => [d.id, d.message, d.files.map((f) => f.name)])).toEqual([['no-office', 'no-officeの本文', ['no-office.CSV']]]);
    expect(await bytesOf(drafts[0]!.files[0]!.blob)).toEqual(await bytesOf(csvFile('x').blob));
    const [row] = await listBatchRows();
    expect(row).toMatchObject({ id: 'row-1', status: '失敗', reason: INTERRUPTED_REASON });
    expect(row!.files.map((f) => f.name)).toEqual(['no-office-row.CSV']);
    // and no other office's login sends them either
    takeCarriedOver();
    await signIn(DS);
    expect((await listOutbox()).map((i) => i.id)).toEqual(['ds-send']);
    expect(takeCarriedOver()).toEqual({ sends: 1, heldBack: 0 });
  });

  it('is told to the login that took it over only: a logout (or the next person) before the notice drops it', async () => {
    await writeVersion3();
    await signIn(CM);
    await signIn(null);
    expect(takeCarriedOver()).toBeNull();
    await writeVersion3Again();
    await signIn(CM);
    await signIn({ userId: 'cm02', office: CM.office });
    expect(takeCarriedOver()).toBeNull();
  });

  it('the notice says what goes out and what waits for the user', () => {
    expect(carriedOverText({ sends: 2, heldBack: 0 })).toBe('アプリの更新前に送信待ちだった2件を、このログインで送信します。結果は送信一覧で確認できます。');
    expect(carriedOverText({ sends: 0, heldBack: 1 })).toContain('1件は、送信元の事業所が記録されていないため送信していません。下書き一覧');
  });
});

describe('sends queued before a later version bump (database version 5)', () => {
  it('stay their owner\'s and are sent at once, with nothing to tell', async () => {
    const created = await openDB<RenkeiDb>(DB_NAME, 5, { upgrade: (db, old, _n, tx) => void upgrade(db, old, tx, 5) });
    await created.put('outbox', { ...v3Item('v5-send', { sender: CM.office }), owner: CM } as never);
    created.close();
    await signIn(CM);
    expect((await due())?.id).toBe('v5-send');
    expect(takeCarriedOver()).toBeNull();
  });
});

describe('a page older than the database (a newer version upgraded it in another tab)', () => {
  it('says in Japanese that it must reload, instead of a retry that can never work', async () => {
    (await openDB(DB_NAME, DB_VERSION + 1)).close();
    await closeRenkeiDb();
    await expect(openRenkeiDb()).rejects.toThrow('アプリが新しい版に更新されたため、この画面では保存も送信もできません。画面を再読み込みしてください');
  });
});
