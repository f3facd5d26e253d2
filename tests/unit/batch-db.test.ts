import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The flush itself belongs to the offline helper's tests; here only that one is asked for.
const flushes = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/outbox/triggers', () => ({ requestFlush: () => void flushes.count++ }));
const directory = vi.hoisted(() => new Map<string, string>());
vi.mock('../../src/api/client', async (original) => ({
  ...(await original<typeof import('../../src/api/client')>()),
  lookupOffices: async (numbers: string[]) =>
    numbers.filter((n) => directory.has(n)).map((n) => ({ number: n, name: directory.get(n)!, kind: '訪問介護' })),
}));

import {
  addFilesToStoredBatch,
  deleteBatchRows,
  getBatchRow,
  listBatchRows,
  updateBatchRow,
  type BatchInputFile,
} from '../../src/db/batch';
import { closeRenkeiDb } from '../../src/db/db';
import { confirmSent, listOutbox, markFailed, removeOutboxItem } from '../../src/outbox/store';
import { lookUpNames, refreshRows, sendRows } from '../../src/views/batch/batch-actions';
import { INTERRUPTED_REASON } from '../../src/db/batch-status';
import { batchFiles, batchOffices } from '../support/batch-files';
import { CARE_OFFICE, type GeneratedFile } from '../support/csvgen';
import { bytesOf, freshDatabase, summary } from '../support/db';

const toInput = (f: GeneratedFile): BatchInputFile => {
  const blob = new Blob([new Uint8Array(f.bytes)], { type: 'text/csv' });
  return { name: f.name, size: f.bytes.length, head: f.bytes.slice(0, 16), payload: { name: f.name, type: 'text/csv', blob } };
};
const ctx = { sender: CARE_OFFICE };

beforeEach(async () => {
  await freshDatabase();
  directory.clear();
  flushes.count = 0;
});

describe('stored 一括送信 list', () => {
  it('keeps rows and their files byte for byte across a reopen (reload, closed tab)', async () => {
    const offices = batchOffices(3);
    const files = batchFiles(offices);
    await addFilesToStoredBatch(files.map(toInput), ctx);
    await closeRenkeiDb(); // as after a reload: a new connection to the same database
    const rows = await listBatchRows();
    expect(rows).toHaveLength(3);
    const row = rows.find((r) => r.destination === offices[1]!.number)!;
    const original = files.find((f) => f.name === row.files[0]!.name)!;
    expect(await bytesOf(row.files[0]!.payload.blob)).toEqual([...original.bytes]);
    expect((await getBatchRow(row.id))?.files).toHaveLength(3);
  });

  it('answers a drop with the list in its order: by destination, a new row in its place at once', async () => {
    const offices = batchOffices(3);
    const files = batchFiles(offices);
    const byOffice = (i: number) => files.filter((f) => f.name.includes(`_${offices[i]!.number}_`)).map(toInput);
    await addFilesToStoredBatch([...byOffice(2), ...byOffice(0)], ctx);
    const result = await addFilesToStoredBatch(byOffice(1), ctx);
    expect(result.rows.map((r) => r.destination)).toEqual(offices.map((o) => o.number));
    expect((await listBatchRows()).map((r) => r.destination)).toEqual(offices.map((o) => o.number));
  });

  it('merges a later drop and writes back only what changed', async () => {
    const offices = batchOffices(2);
    const files = batchFiles(offices);
    await addFilesToStoredBatch(files.slice(0, 4).map(toInput), ctx);
    const result = await addFilesToStoredBatch(files.slice(4).map(toInput), ctx);
    expect(result.rows).toHaveLength(2);
    const stored = await listBatchRows();
    expect(stored.map((r) => r.files.length)).toEqual([3, 3]);
    expect(stored.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('updateBatchRow (編集 → 更新) adds a PDF and a message and re-checks', async () => {
    await addFilesToStoredBatch(batchFiles(batchOffices(1)).map(toInput), ctx);
    const [row] = await listBatchRows();
    const pdf = { name: '第3表.pdf', type: 'application/pdf', blob: new Blob(['%PDF-1.7\n%%EOF'], { type: 'application/pdf' }) };
    const updated = await updateBatchRow(row!.id, { files: [...row!.files.map((f) => f.payload), pdf], message: '4月分です' }, CARE_OFFICE);
    expect(updated.categories).toEqual(['登録', 'PDF等']);
    expect(updated.problems).toEqual([]);
    const again = await getBatchRow(row!.id);
    expect(again?.message).toBe('4月分です');
    expect(again?.files.map((f) => f.name)).toContain('第3表.pdf');
    const fake = { name: 'fake.pdf', type: 'application/pdf', blob: new Blob(['not a pdf']) };
    expect((await updateBatchRow(row!.id, { files: [fake], message: '' })).problems.join()).toContain('fake.pdf');
    await expect(updateBatchRow('nope', { files: [], message: '' })).rejects.toThrow('見つかりません');
  });

  it('a refresh and a drop at the same moment (two tabs) keep both: the drop is not written over', async () => {
    const files = batchFiles(batchOffices(1));
    await addFilesToStoredBatch(files.slice(0, 1).map(toInput), ctx);
    // the refresh re-checks the row against another office (its problems change, so it writes the row)
    await Promise.all([refreshRows('3300000019'), addFilesToStoredBatch(files.slice(1).map(toInput), ctx)]);
    const [row] = await listBatchRows();
    expect(row!.files.map((f) => f.name).sort()).toEqual(files.map((f) => f.name).sort());
  });

  it('looks office names up once and flags the unknown ones', async () => {
    const [a, b] = batchOffices(2);
    directory.set(a!.number, a!.name);
    await addFilesToStoredBatch(batchFiles([a!, b!]).map(toInput), ctx);
    const rows = await lookUpNames(await listBatchRows(), CARE_OFFICE);
    expect(rows.find((r) => r.destination === a!.number)?.officeName).toBe(a!.name);
    expect(rows.find((r) => r.destination === b!.number)?.problems.join()).toContain('事業所が見つかりません');
    expect((await listBatchRows()).find((r) => r.destination === b!.number)?.officeName).toBeNull();
  });
});

describe('sending the list through the outbox', () => {
  it('queues one outbox item per row, then 成功 rows leave and 失敗 rows stay with the reason', async () => {
    const offices = batchOffices(3);
    await addFilesToStoredBatch(batchFiles(offices).map(toInput), ctx);
    const queued = await sendRows(await listBatchRows(), CARE_OFFICE);
    expect(queued.map((r) => r.status)).toEqual(['送信待ち', '送信待ち', '送信待ち']);
    expect(flushes.count).toBe(1);
    const items = await listOutbox();
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => i.batchRowId))).toEqual(new Set(queued.map((r) => r.id)));
    expect(items[0]!.files).toHaveLength(3);

    await confirmSent(items[0]!, summary('m1', items[0]!.destination), Date.now());
    await markFailed(items[1]!.id, '送信先の事業所が見つかりません');
    const refreshed = await refreshRows(CARE_OFFICE);
    expect(refreshed.succeeded.map((r) => r.id)).toEqual([items[0]!.batchRowId]);
    const left = refreshed.rows;
    expect(left).toHaveLength(2);
    const failed = left.find((r) => r.id === items[1]!.batchRowId)!;
    expect(failed).toMatchObject({ status: '失敗', reason: '送信先の事業所が見つかりません' });
    expect(left.find((r) => r.id === items[2]!.batchRowId)?.status).toBe('送信待ち');
    expect(await listBatchRows()).toHaveLength(2);

    // 再送: the failed outbox item goes, a new one takes its place, so nothing is delivered twice
    const [resent] = await sendRows([failed], CARE_OFFICE);
    const after = await listOutbox();
    expect(after.map((i) => i.id)).not.toContain(items[1]!.id);
    expect(after.filter((i) => i.batchRowId === failed.id)).toHaveLength(1);
    expect(resent?.status).toBe('送信待ち');
  });

  it('a row whose item vanished from the outbox unconfirmed is 失敗 (interrupted) and can go again', async () => {
    await addFilesToStoredBatch(batchFiles(batchOffices(1)).map(toInput), ctx);
    await sendRows(await listBatchRows(), CARE_OFFICE);
    const [item] = await listOutbox();
    await removeOutboxItem(item!.id);
    const { rows } = await refreshRows(CARE_OFFICE);
    expect(rows[0]).toMatchObject({ status: '失敗', reason: INTERRUPTED_REASON });
    expect(await sendRows(rows, CARE_OFFICE)).toHaveLength(1);
  });

  it('does not send rows with problems', async () => {
    const files = batchFiles(batchOffices(1)).slice(0, 1); // UPPLAN without its 第7表
    await addFilesToStoredBatch(files.map(toInput), ctx);
    expect(await sendRows(await listBatchRows(), CARE_OFFICE)).toEqual([]);
    expect(await listOutbox()).toEqual([]);
    await deleteBatchRows((await listBatchRows()).map((r) => r.id));
    expect(await listBatchRows()).toEqual([]);
  });
});
