// This device's settings: one typed record (src/db/schema.ts).
import { openRenkeiDb } from './db';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from './schema';

export async function readSettings(): Promise<Settings> {
  return (await (await openRenkeiDb()).get('settings', SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
}

/** Read, change and write in one transaction, so two tabs never undo each other's change. */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const tx = (await openRenkeiDb()).transaction('settings', 'readwrite');
  const next = { ...((await tx.store.get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS), ...change };
  await tx.store.put(next, SETTINGS_KEY);
  await tx.done;
  return next;
}
