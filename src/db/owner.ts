// Who owns what this device keeps. Shared tablets are normal in care offices, so every record in
// the stores of src/db and src/outbox (drafts, the outbox, confirmations of sends, cached lists,
// 一括送信 rows) belongs to the person and office that made it: `owner: { userId, office }`. Only
// the owner signed in now (Settings.signedIn, kept here in IndexedDB where the service worker
// reads it too) sees, changes or sends them; to anyone else they do not exist. Signing out makes
// them invisible at once, online or not, and they wait for their owner's next sign-in.
import type { StoreValue } from 'idb';
import { openRenkeiDb } from './db';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Owner, type RenkeiDb, type Settings } from './schema';

export type { Owner, SignedIn } from './schema';

/** Records kept from before ownership (database versions 2 and 3), until an office login adopts them. */
export const UNOWNED_USER = '';

/** The owner whose records the device shows now: the person and office signed in, or null. */
export function ownerOf(settings: Pick<Settings, 'signedIn'>): Owner | null {
  const who = settings.signedIn;
  return who && who.office ? { userId: who.userId, office: who.office } : null;
}

export const isOwnedBy = (record: { owner: Owner }, owner: Owner | null): boolean =>
  owner !== null && record.owner.userId === owner.userId && record.owner.office === owner.office;

/** The owner index's key ([userId, office]). */
export const ownerKey = (owner: Owner): [string, string] => [owner.userId, owner.office];

let recording: Promise<void> = Promise.resolve();

/**
 * Runs `change` (a sign-in or sign-out being recorded: ./sign-in.ts, which only the page loads)
 * after the one before it; reads through currentOwner() wait for it, so a screen never writes
 * under the previous person.
 */
export function inTurnWithSignIns(change: () => Promise<void>): Promise<void> {
  recording = recording.catch(() => undefined).then(change);
  return recording;
}

/** The owner signed in now, once any sign-in or sign-out being recorded is done. */
export async function currentOwner(): Promise<Owner | null> {
  await recording.catch(() => undefined);
  const settings = (await (await openRenkeiDb()).get('settings', SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
  return ownerOf(settings);
}

/** The owner signed in now; throws (in Japanese) when nobody is, so nothing is kept for no one. */
export async function requireOwner(): Promise<Owner> {
  const owner = await currentOwner();
  if (!owner) throw new Error('ログインしていないため保存できません。事業所ユーザでログインしてください');
  return owner;
}

export type OwnedStore = 'drafts' | 'outbox' | 'sent' | 'batch';

/**
 * The signed-in owner's records of a store, in the order `compare` gives; none when nobody is
 * signed in. `signedIn`: that owner, read by the caller already (several reads under one owner).
 */
export async function listOwned<Name extends OwnedStore>(
  store: Name,
  compare: (a: StoreValue<RenkeiDb, Name>, b: StoreValue<RenkeiDb, Name>) => number,
  signedIn?: Owner,
): Promise<StoreValue<RenkeiDb, Name>[]> {
  const owner = signedIn ?? (await currentOwner());
  if (!owner) return [];
  const records: StoreValue<RenkeiDb, Name>[] = await (await openRenkeiDb()).getAllFromIndex(store, 'owner', ownerKey(owner) as never);
  return records.sort(compare);
}

/** The owner index's range of records nobody owns yet (made when used: modules load where IndexedDB is absent) */
export const unowned = () => IDBKeyRange.bound([UNOWNED_USER, ''], [UNOWNED_USER, '\uffff']);
