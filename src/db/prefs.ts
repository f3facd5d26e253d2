// A person's choices for one office on this device (保存先フォルダ, 新着の通知), read and changed
// in one transaction so two tabs never undo each other's change.
import { openRenkeiDb } from './db';
import { ownerKey, type Owner } from './owner';
import type { OwnerPrefs } from './schema';

export async function readPrefs(owner: Owner): Promise<OwnerPrefs> {
  return (await (await openRenkeiDb()).get('prefs', ownerKey(owner))) ?? { owner, notify: false };
}

export async function updatePrefs(owner: Owner, change: (current: OwnerPrefs) => OwnerPrefs): Promise<OwnerPrefs> {
  const tx = (await openRenkeiDb()).transaction('prefs', 'readwrite');
  const next = { ...change((await tx.store.get(ownerKey(owner))) ?? { owner, notify: false }), owner };
  await tx.store.put(next);
  await tx.done;
  return next;
}
