// 一括送信 rows kept by an older version (database version 3 kept no owner and no office on them):
// a row whose send was queued (or confirmed) under one office belongs to that office, and a row
// with no send to the office its files' names give as 送信元. The first office login on the
// tablet, if it is another office, must neither see the row nor send it as itself; the row waits,
// with its send, for its own office's login.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { INTERRUPTED_REASON } from '../../src/db/batch-status';
import { listBatchRows, queueBatchRows } from '../../src/db/batch';
import { DB_NAME } from '../../src/db/db';
import type { Owner } from '../../src/db/owner';
import { takeCarriedOver } from '../../src/db/sign-in';
import type { RenkeiDb } from '../../src/db/schema';
import { upgrade } from '../../src/db/upgrades';
import { listOutbox } from '../../src/outbox/store';
import { bytesOf, csvFile, emptyDatabase, signIn, TEST_OWNER } from '../support/db';

const CM: Owner = TEST_OWNER;
const DS: Owner = { userId: 'ds01', office: '3310000025' };
const DEST = '3310000017';

beforeEach(async () => {
  await emptyDatabase();
  takeCarriedOver();
});

const planName = (sender: string) => `UPPLAN_202504_${sender}_${DEST}_20250401090000.CSV`;

/** A version 3 row: no owner, no office; `outboxId` its last send; files named for `sender`, or `names`. */
function v3Row(id: string, sender: string, outboxId?: string, names = [planName(sender)]) {
  return {
    id, destination: DEST, groupKey: `${DEST}|usage|202504`, message: `${id}の本文`,
    files: names.map((name) => ({ name, size: 6, head: new Uint8Array(), category: name.endsWith('.pdf') ? 'PDF等' : '登録', payload: csvFile(name) })),
    sequenceDisplay: '', categories: ['登録'], problems: [], warnings: [], addedAt: 1,
    ...(outboxId ? { outboxId } : {}),
  };
}

const v3Item = (id: string, sender: string | undefined, batchRowId: string) => ({
  id, destination: DEST, message: '', files: [csvFile(`${id}.CSV`)], createdAt: 1, status: 'waiting', attempts: 0, nextAttemptAt: 1, batchRowId,
  ...(sender ? { sender } : {}),
});

/** A version 3 confirmation (its sending office in the relay's answer). */
const v3Sent = (id: string, sender: string, batchRowId: string) => ({
  id, batchRowId, confirmedAt: 1,
  result: { id: `m-${id}`, sender: { number: sender, name: '', kind: '' }, destination: { number: DEST, name: '', kind: '' }, files: [] },
});

async function writeVersion3(): Promise<void> {
  const created = await openDB<RenkeiDb>(DB_NAME, 3, { upgrade: (db, old, _n, tx) => void upgrade(db, old, tx, 3) });
  created.close();
  const db = await openDB(DB_NAME, 3);
  // DS queued this row's send; DS's send of the second row was confirmed; the third row names no send
  await db.put('batch', v3Row('row-ds-queued', DS.office, 'ds-send'));
  await db.put('outbox', v3Item('ds-send', DS.office, 'row-ds-queued'));
  await db.put('batch', v3Row('row-ds-sent', DS.office, 'ds-sent'));
  await db.put('sent', v3Sent('ds-sent', DS.office, 'row-ds-sent'));
  await db.put('batch', v3Row('row-never-sent', CM.office));
  // CM queued this one's send
  await db.put('batch', v3Row('row-cm-queued', CM.office, 'cm-send'));
  await db.put('outbox', v3Item('cm-send', CM.office, 'row-cm-queued'));
  db.close();
}

describe('一括送信 rows kept before ownership (database version 3)', () => {
  it('a row whose send another office queued is not taken by the first office login, nor sent by it', async () => {
    await writeVersion3();
    await signIn(CM);
    const rows = await listBatchRows();
    expect(rows.map((r) => [r.id, r.status]).sort()).toEqual([['row-cm-queued', '送信待ち'], ['row-never-sent', '未送信']]);
    expect((await listOutbox()).map((i) => i.id)).toEqual(['cm-send']);
    // asked by id, the other office's row is not there to send
    expect(await queueBatchRows(['row-ds-queued', 'row-ds-sent'], { number: CM.office })).toEqual([]);
    expect((await listOutbox()).map((i) => i.id)).toEqual(['cm-send']);
    expect(takeCarriedOver()).toEqual({ sends: 1, heldBack: 0 });
  });

  it('waits for its own office: that login finds the row with its send, still queued (or confirmed)', async () => {
    await writeVersion3();
    await signIn(CM);
    await signIn(null);
    // another person of another office, before DS: still not theirs
    await signIn({ userId: 'xx01', office: '3310000033' });
    expect(await listBatchRows()).toEqual([]);
    await signIn(DS);
    const rows = await listBatchRows();
    expect(rows.map((r) => [r.id, r.status, r.outboxId]).sort()).toEqual([
      ['row-ds-queued', '送信待ち', 'ds-send'],
      ['row-ds-sent', '成功', 'ds-sent'],
    ]);
    expect((await listOutbox()).map((i) => [i.id, i.sender])).toEqual([['ds-send', DS.office]]);
  });

  it('the office that queued it may be the first login: it takes the row and its send at once', async () => {
    await writeVersion3();
    await signIn(DS);
    expect((await listBatchRows()).map((r) => r.id).sort()).toEqual(['row-ds-queued', 'row-ds-sent']);
    expect(takeCarriedOver()).toEqual({ sends: 1, heldBack: 0 });
  });
});

describe('一括送信 rows kept before ownership with no send: their files name the office', () => {
  async function writeRows(rows: ReturnType<typeof v3Row>[], items: ReturnType<typeof v3Item>[] = []): Promise<void> {
    const created = await openDB<RenkeiDb>(DB_NAME, 3, { upgrade: (db, old, _n, tx) => void upgrade(db, old, tx, 3) });
    created.close();
    const db = await openDB(DB_NAME, 3);
    for (const row of rows) await db.put('batch', row);
    for (const item of items) await db.put('outbox', item);
    db.close();
  }
  const ids = async () => (await listBatchRows()).map((r) => r.id).sort();

  it("another office's first login does not see the row; its own office's login does, files intact", async () => {
    // its 送信元 CM in every CSV name (a PDF等 beside them names no office)
    await writeRows([v3Row('row-cm', CM.office, undefined, [planName(CM.office), `UPSIKYU_202504_${CM.office}_${DEST}_20250401090000.CSV`, '第3表.pdf'])]);
    await signIn(DS);
    expect(await ids()).toEqual([]);
    await signIn(null);
    await signIn(CM);
    const [row] = await listBatchRows();
    expect(row).toMatchObject({ id: 'row-cm', status: '未送信', message: 'row-cmの本文' });
    expect(row!.files.map((f) => f.name)).toEqual([planName(CM.office), `UPSIKYU_202504_${CM.office}_${DEST}_20250401090000.CSV`, '第3表.pdf']);
    expect(await bytesOf(row!.files[0]!.payload.blob)).toEqual(await bytesOf(csvFile('x').blob));
    // and it is CM's for good: DS, logging in again, still does not see it
    await signIn(DS);
    expect(await ids()).toEqual([]);
  });

  it('files that disagree, or whose 送信元 cannot be read, name no office: the first office login takes the row', async () => {
    await writeRows([
      v3Row('row-mixed', CM.office, undefined, [planName(CM.office), planName(DS.office)]),
      v3Row('row-unreadable', CM.office, undefined, ['UPPLAN_202504_予定.CSV']),
      // one name unreadable beside a readable one: that file's 送信元 is unknown, so the row's is too
      v3Row('row-partly', CM.office, undefined, [planName(CM.office), 'UPPLAN_202504_予定.CSV']),
    ]);
    await signIn(DS);
    expect(await ids()).toEqual(['row-mixed', 'row-partly', 'row-unreadable']);
  });

  it('a send held back (queued before any office login) waits with its row for the office its files name', async () => {
    await writeRows([v3Row('row-cm', CM.office, 'no-office-send')], [v3Item('no-office-send', undefined, 'row-cm')]);
    await signIn(DS);
    expect(await ids()).toEqual([]);
    // DS is not told of it, and nobody sends it
    expect(takeCarriedOver()).toBeNull();
    expect(await listOutbox()).toEqual([]);
    await signIn(CM);
    expect((await listBatchRows()).map((r) => [r.id, r.status, r.reason])).toEqual([['row-cm', '失敗', INTERRUPTED_REASON]]);
    expect(await listOutbox()).toEqual([]);
    expect(takeCarriedOver()).toEqual({ sends: 0, heldBack: 1 });
  });
});
