// How a database of each earlier version becomes the current one: step i upgrades version i to
// i + 1, so an old client catches up in order. DB_VERSION is the number of steps. Append a step
// for every change of what a store keeps; never edit one that has shipped.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { parseFileName, type ParsedFileName } from '../domain/filename';
import { DB_VERSION, DEFAULT_SETTINGS, SETTINGS_KEY, type BatchRecord, type RenkeiDb } from './schema';

type UpgradeTransaction = IDBPTransaction<RenkeiDb, StoreNames<RenkeiDb>[], 'versionchange'>;
type Step = (db: IDBPDatabase<RenkeiDb>, tx: UpgradeTransaction) => Promise<void>;

const UPGRADES: readonly Step[] = [
  // 0 → 1: the stores
  async (db) => {
    db.createObjectStore('drafts', { keyPath: 'id' });
    db.createObjectStore('outbox', { keyPath: 'id' });
    db.createObjectStore('sent', { keyPath: 'id' });
    // version 6 replaced it with 'lists': no longer in the typed schema
    (db as unknown as IDBPDatabase).createObjectStore('cache', { keyPath: 'box' });
    db.createObjectStore('settings');
    db.createObjectStore('batch', { keyPath: 'id' });
  },
  // 1 → 2: 一括送信 rows stop keeping their status (read from the outbox instead) and are
  // regrouped by send-unit.ts's key; the settings become one typed record
  async (_db, tx) => {
    for (let cursor = await tx.objectStore('batch').openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update(batchRecordV2(cursor.value) as BatchRecord);
    }
    let paused = false;
    for (let cursor = await tx.objectStore('settings').openCursor(); cursor; cursor = await cursor.continue()) {
      const key: IDBValidKey = cursor.key;
      const value: unknown = cursor.value;
      if (key === 'outbox-paused-for-login') paused = value === true;
      await cursor.delete();
    }
    // (version 2's settings held only this; version 4 adds to it below)
    await tx.objectStore('settings').put({ ...DEFAULT_SETTINGS, outboxPausedForLogin: paused }, SETTINGS_KEY);
  },
  // 2 → 3: 予定 ⇄ 実績 keeps the parsed 予定 and 実績 of each person (src/db/usage.ts)
  async (db) => {
    const usage = db.createObjectStore('usage', { keyPath: 'id' });
    usage.createIndex('byOwnerMonth', ['owner.userId', 'owner.office', 'month']);
    usage.createIndex('byMessage', 'messageId');
    usage.createIndex('byOutbox', 'outboxId');
  },
  // 3 → 4: ownership (src/db/owner.ts). Every kept record gets an owner and the stores an index on
  // it; what versions 2 and 3 kept has no known person, so it is left for the first office login that can
  // own it (its office where the record names one). Cached lists are dropped: they are fetched again.
  async (db, tx) => {
    for (const name of ['drafts', 'outbox', 'sent', 'batch'] as const) {
      const store = tx.objectStore(name);
      store.createIndex('owner', ['owner.userId', 'owner.office']);
      for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
        const value: Record<string, unknown> = cursor.value as unknown as Record<string, unknown>;
        const office = name === 'outbox' ? value.sender : name === 'sent' ? (value.result as { sender?: { number?: string } }).sender?.number : undefined;
        await cursor.update({ ...cursor.value, owner: { userId: '', office: typeof office === 'string' ? office : '' } });
      }
    }
    // version 6 replaced it with 'lists': no longer in the typed schema
    const untyped = db as unknown as IDBPDatabase;
    untyped.deleteObjectStore('cache');
    untyped.createObjectStore('cache', { keyPath: ['owner.userId', 'owner.office', 'box'] });
    const settings = await tx.objectStore('settings').get(SETTINGS_KEY);
    await tx.objectStore('settings').put({ ...DEFAULT_SETTINGS, ...settings }, SETTINGS_KEY);
  },
  // 4 → 5: what a 新規作成 screen holds, written on every change (src/db/autosave.ts), owned as the rest
  async (db) => {
    for (const name of ['autosave', 'autosaveFiles'] as const) {
      db.createObjectStore(name, { keyPath: 'id' }).createIndex('owner', ['owner.userId', 'owner.office']);
    }
  },
  // 5 → 6: the cached lists become one record per owner, box and message (offline filters and
  // paging over them); each person's choices per office (保存先フォルダ, notifications) get a
  // store. The old whole-list copies are dropped: the next visit online fills the new store.
  async (db) => {
    (db as unknown as IDBPDatabase).deleteObjectStore('cache');
    const lists = db.createObjectStore('lists', { keyPath: 'key' });
    lists.createIndex('owner', ['owner.userId', 'owner.office']);
    lists.createIndex('byOwnerBox', 'ownerBox');
    db.createObjectStore('prefs', { keyPath: ['owner.userId', 'owner.office'] });
  },
];

// db.ts opens at schema.ts's DB_VERSION without loading this module: the two must agree
if (UPGRADES.length !== DB_VERSION) throw new Error(`src/db/schema.ts DB_VERSION (${DB_VERSION}) ≠ upgrade steps (${UPGRADES.length})`);

/** Runs the steps from `oldVersion` to `target`, inside the versionchange transaction. */
export async function upgrade(db: IDBPDatabase<RenkeiDb>, oldVersion: number, tx: UpgradeTransaction, target = DB_VERSION): Promise<void> {
  for (const step of UPGRADES.slice(oldVersion, target)) await step(db, tx);
}

/** A version 1 row (which kept status and reason) as version 2 keeps it. */
function batchRecordV2(value: BatchRecord): Omit<BatchRecord, 'owner'> {
  const status = 'status' in value ? value.status : undefined;
  const { id, destination, groupKey, files, message, sequenceDisplay, categories, problems, warnings, officeName, officeKind, outboxId, addedAt } = value;
  const parsed = files.map((f) => parseFileName(f.name)).find((p) => p.ok);
  const record: Omit<BatchRecord, 'owner'> = {
    id,
    destination,
    groupKey: groupKey === null || !parsed?.ok ? groupKey : (sendUnitKeyV2(parsed.value) ?? groupKey),
    files,
    message,
    sequenceDisplay,
    categories,
    problems,
    warnings,
    addedAt,
  };
  if (officeName !== undefined) record.officeName = officeName;
  if (officeKind !== undefined) record.officeKind = officeKind;
  // a row changed since its last send (status back to 未送信) no longer has a send of its own
  if (outboxId !== undefined && status !== '未送信') record.outboxId = outboxId;
  return record;
}

// Version 2's send units, frozen: what step 1 → 2 writes must not move when send-unit.ts changes
// (since then the key took the 連番 and the v4 kind codes; an upgrade run today must still give
// the key version 2 gave). A kind version 2 did not know keeps the row's key as it was.
const UNIT_OF_KIND_V2: Readonly<Record<string, string>> = {
  UP1KYO: 'care-plan', UP2KYO: 'care-plan', UP3KYO: 'care-plan',
  UPPLAN: 'usage', UPSIKYU: 'usage',
  DLT1KYO: 'delete-care-plan', DLTPLAN: 'delete-usage',
  UPJSK: 'actual', DLTJSK: 'delete-actual',
  UPKIHON: 'yobo-basic', UPKIHON_SUB1: 'yobo-basic', UPKIHON_SUB2: 'yobo-basic', UPKIHON_IMAGE: 'yobo-basic',
  UPYOBO: 'yobo-plan', UPYOBO_SUB: 'yobo-plan',
  DLTKIHON: 'delete-yobo-basic', DLTYOBO: 'delete-yobo-plan',
};

/** Version 2's sendUnitKey(file, 'sequence'): destination | type | month, the 介護予防 units by 連番 under 'yobo'. */
function sendUnitKeyV2(file: ParsedFileName): string | null {
  const month = file.targetMonth;
  const type = file.kind === 'UPHOSOKU' ? (month && month !== '000000' ? 'usage' : 'care-plan') : UNIT_OF_KIND_V2[file.kind];
  if (type === undefined) return null;
  const yobo = type === 'yobo-basic' || type === 'yobo-plan';
  const parts = [file.destination, yobo ? 'yobo' : type];
  if (yobo) parts.push(file.sequence);
  parts.push(type === 'care-plan' ? '' : month ?? '');
  return parts.join('|');
}
