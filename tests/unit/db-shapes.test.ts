// What this version writes into IndexedDB, held against the shape recorded for DB_VERSION in
// db-shapes.json. A change of a stored shape without a new version (and its upgrade step in
// src/db/upgrades.ts, tested from the previous version's data) fails here.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { addFilesToStoredBatch, applyOfficeNames, queueBatchRows, type BatchInputFile } from '../../src/db/batch';
import { keepMessages } from '../../src/db/cache';
import { updatePrefs } from '../../src/db/prefs';
import { DB_VERSION, openRenkeiDb } from '../../src/db/db';
import { writeAutosave } from '../../src/db/autosave';
import { saveDraft } from '../../src/db/drafts';
import { keepUsage } from '../../src/db/usage';
import { contentCheckOf } from '../../src/domain/batch';
import type { MessageSummary } from '../../src/domain/contract';
import { claimNextDue, confirmSent, enqueueSend, markRetryLater, pauseForLogin } from '../../src/outbox/store';
import { batchFiles, batchOffices } from '../support/batch-files';
import { CARE_OFFICE, PEOPLE, makeCsvFile } from '../support/csvgen';
import { csvFile, freshDatabase, summary } from '../support/db';
import { planFile } from '../support/usage-files';

const RECORDED: Record<string, Record<string, string[]>> = JSON.parse(readFileSync(new URL('./db-shapes.json', import.meta.url), 'utf8'));

const STORES = ['drafts', 'outbox', 'sent', 'lists', 'prefs', 'settings', 'batch', 'usage', 'autosave', 'autosaveFiles'] as const;

beforeEach(freshDatabase);

/** Every path in a stored value with the kind of what is there: `files[].payload.blob: Blob`. */
function shapeOf(value: unknown, path: string, into: Set<string>): void {
  if (value instanceof Blob) into.add(`${path}: Blob`);
  else if (value instanceof Uint8Array) into.add(`${path}: Uint8Array`);
  else if (Array.isArray(value)) {
    into.add(`${path}: array`);
    for (const element of value) shapeOf(element, `${path}[]`, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) shapeOf(inner, path ? `${path}.${key}` : key, into);
  } else into.add(`${path}: ${value === null ? 'null' : typeof value}`);
}

/** A message as the relay answers, with a file downloaded and one not. */
function fullSummary(): MessageSummary {
  const file = { id: 'f', name: 'a.CSV', size: 1, category: '登録' as const, sha256: 'x', downloadedAt: null };
  return {
    ...summary('m1'),
    files: [file, { ...file, id: 'g', downloadedAt: '2025-01-02T00:00:00.000Z' }],
    downloadedAt: '2025-01-02T00:00:00.000Z',
    withdrawnAt: '2025-01-03T00:00:00.000Z',
  };
}

/** Writes every kind of record, with every optional field the app sets. */
async function writeEverything(): Promise<void> {
  const draft = await saveDraft({ destination: '3310000017', message: 'm', files: [csvFile('a.CSV')] });
  const retried = await enqueueSend({ sender: CARE_OFFICE, destination: '3310000017', message: '', files: [csvFile('a.CSV')], batchRowId: 'r1', draftId: draft.id });
  await markRetryLater(retried.id, '失敗', Date.now());
  const sending = await enqueueSend({ destination: '3310000025', message: '', files: [] });
  await claimNextDue(Date.now() + 1000, { ignoreBackoff: true, skip: new Set([retried.id]) });
  const confirmed = await enqueueSend({ destination: '3310000025', message: '', files: [], batchRowId: 'r2' });
  await confirmSent(confirmed, fullSummary(), Date.now());
  expect((await claimNextDue(0, { ignoreBackoff: false, skip: new Set() }))?.id).not.toBe(sending.id);
  await keepMessages({ userId: 'cm01', office: CARE_OFFICE }, 'received', [{ ...fullSummary(), expiresAt: '2999-01-01T00:00:00.000Z' }], 1);
  // a folder handle is a browser object fake-indexeddb cannot hold: the rest of the record is checked
  await updatePrefs({ userId: 'cm01', office: CARE_OFFICE }, (p) => ({ ...p, notify: true, notifiedUpTo: '2025-01-02T00:00:00.000Z' }));
  await pauseForLogin();

  const offices = batchOffices(2);
  const inputs: BatchInputFile[] = batchFiles(offices).map((f, i) => ({
    name: f.name,
    size: f.bytes.length,
    head: f.bytes.slice(0, 16),
    payload: { name: f.name, type: 'text/csv', blob: new Blob([new Uint8Array(f.bytes)]) },
    ...(i === 0 ? { contentCheck: contentCheckOf([{ severity: 'warning', message: '確認' }]) } : {}),
  }));
  // and a file whose name routes it nowhere: a row without destination or group
  const unreadable = new TextEncoder().encode('1,2\r\n');
  inputs.push({ name: 'UPPLAN_読めない名前.csv', size: unreadable.length, head: unreadable, payload: { name: 'x.csv', type: 'text/csv', blob: new Blob([unreadable]) } });
  const { rows } = await addFilesToStoredBatch(inputs, { sender: CARE_OFFICE });
  await applyOfficeNames(new Map([[offices[0]!.number, { name: offices[0]!.name, kind: '訪問介護' }], [offices[1]!.number, null]]), CARE_OFFICE);
  await queueBatchRows([rows[0]!.id], CARE_OFFICE);

  // 予定 ⇄ 実績: a 予定 waiting in the outbox, and one from a message (a 単位数 and a blank one)
  const plan = planFile([{ person: PEOPLE[0]!, visits: [{ day: 2 }, { day: 3, units: null }] }]);
  const owner = { userId: 'cm01', office: CARE_OFFICE };
  await keepUsage([plan], { owner, sentAt: null, messageId: null, outboxId: sending.id });
  await keepUsage([plan, makeCsvFile('UPHOSOKU', { month: '202504' })], { owner, sentAt: '2025-01-01T03:00:00.000Z', messageId: 'm1' });
  await keepUsage([makeCsvFile('DLTJSK', { month: '202504', sender: '3310000017', destination: CARE_OFFICE })], { owner, sentAt: '2025-01-01T03:00:00.000Z', messageId: 'm2' });
  await writeAutosave({ owner: { userId: 'cm01', office: CARE_OFFICE }, source: 'new' }, { destination: '3310000017', message: 'm', files: [csvFile('a.CSV')] });
}

describe('the stored shapes', () => {
  it(`are those recorded for version ${DB_VERSION}`, async () => {
    await writeEverything();
    const db = await openRenkeiDb();
    const shapes: Record<string, string[]> = {};
    expect([...db.objectStoreNames].sort()).toEqual([...STORES].sort());
    for (const store of STORES) {
      const paths = new Set<string>();
      for (const value of await db.getAll(store)) shapeOf(value, '', paths);
      shapes[store] = [...paths].sort();
    }
    const recorded = RECORDED[String(DB_VERSION)];
    const advice =
      `What this version writes to IndexedDB is not what version ${DB_VERSION} recorded. A stored shape that changes needs ` +
      `a new version: append an upgrade step to src/db/upgrades.ts, test it from the previous version's data ` +
      `(tests/unit/db-upgrade.test.ts), and record the new shape under the new version in tests/unit/db-shapes.json:\n` +
      JSON.stringify(shapes, null, 2);
    expect(recorded, advice).toBeDefined();
    expect(shapes, advice).toEqual(recorded);
  });
});
