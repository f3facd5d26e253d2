// この端末のデータを消去: everything this app keeps on the device, for every person who used it
// (a tablet handed on, or leaving the office). The login is ended as for a logout.
import { openRenkeiDb } from './db';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from './schema';

export interface DeviceData {
  drafts: number;
  /** sends not yet confirmed by the relay: they will never be sent once erased */
  outbox: number;
  batch: number;
  /** 予定 / 実績 files kept for 予定 ⇄ 実績 */
  usage: number;
  /** 新規作成 work kept by autosave (not sent, not saved as a draft) */
  autosave: number;
  /** people whose records are kept here */
  people: number;
}

const STORES = ['drafts', 'outbox', 'sent', 'lists', 'prefs', 'batch', 'usage', 'autosave', 'autosaveFiles'] as const;

/** What erasing would remove, counted over every owner. */
export async function countDeviceData(): Promise<DeviceData> {
  const db = await openRenkeiDb();
  const [drafts, outbox, batch, sent, usage, autosave] = await Promise.all([
    db.getAll('drafts'), db.getAll('outbox'), db.getAll('batch'), db.getAll('sent'), db.getAll('usage'), db.getAll('autosave'),
  ]);
  const people = new Set([...drafts, ...outbox, ...batch, ...sent, ...usage, ...autosave].map((r) => r.owner.userId));
  return { drafts: drafts.length, outbox: outbox.length, batch: batch.length, usage: usage.length, autosave: autosave.length, people: people.size };
}

/** Every owner's records go; the settings start afresh, except a logout still owed to the relay. */
export async function eraseDeviceData(): Promise<void> {
  const tx = (await openRenkeiDb()).transaction([...STORES, 'settings'], 'readwrite');
  await Promise.all(STORES.map((name) => tx.objectStore(name).clear()));
  const settings = (await tx.objectStore('settings').get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
  await tx.objectStore('settings').put({ ...DEFAULT_SETTINGS, pendingLogout: settings.pendingLogout }, SETTINGS_KEY);
  await tx.done;
}
