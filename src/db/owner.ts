// Who owns what this device keeps. Shared tablets are normal in care offices, so every record in
// the stores of src/db and src/outbox (drafts, the outbox, confirmations of sends, cached lists,
// 一括送信 rows) belongs to the person and office that made it: `owner: { userId, office }`. Only
// the owner signed in now (Settings.signedIn, kept here in IndexedDB where the service worker
// reads it too) sees, changes or sends them; to anyone else they do not exist. Signing out makes
// them invisible at once, online or not, and they wait for their owner's next sign-in.
import type { StoreValue } from 'idb';
import { notifyOutboxChanged } from '../outbox/channel';
import { openRenkeiDb } from './db';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Owner, type RenkeiDb, type Settings, type SignedIn } from './schema';

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
 * Records who is signed in on this device (null: nobody). Reads through currentOwner() wait for
 * it, so a screen never writes under the previous person. An office login also adopts the records
 * kept from before ownership that can only be this office's.
 */
export function recordSignedIn(who: SignedIn | null): Promise<void> {
  const previous = recording;
  recording = (async () => {
    await previous.catch(() => undefined);
    const tx = (await openRenkeiDb()).transaction('settings', 'readwrite');
    const settings = (await tx.store.get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
    await tx.store.put({ ...settings, signedIn: who }, SETTINGS_KEY);
    await tx.done;
    // what one login took over is told to that login alone: a logout or another person drops it
    if (!carriedOverOwner || who?.userId !== carriedOverOwner.userId || who.office !== carriedOverOwner.office) carriedOver = null;
    if (who?.office) noteCarriedOver(await adoptKeptFromBefore({ userId: who.userId, office: who.office }), { userId: who.userId, office: who.office });
    // what the 送信待ち badge counts changed with the owner
    notifyOutboxChanged();
  })();
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

type OwnedStore = 'drafts' | 'outbox' | 'sent' | 'batch';
const OWNED_STORES: OwnedStore[] = ['drafts', 'outbox', 'sent', 'batch'];

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

/**
 * What an office login took over from a database kept before ownership (versions 2 and 3): its
 * queued sends go out under this login now; `heldBack` are sends queued without a known sending
 * office, which no login may send as its own: they became drafts (or their 一括送信 row stays to
 * be sent again) for the user to check. The page tells the user (src/views/login/login-form.tsx).
 */
export interface CarriedOver {
  sends: number;
  heldBack: number;
}

let carriedOver: CarriedOver | null = null;
/** whose login took `carriedOver` over */
let carriedOverOwner: Owner | null = null;

function noteCarriedOver(taken: CarriedOver, owner: Owner): void {
  if (taken.sends + taken.heldBack === 0) return;
  carriedOverOwner = owner;
  carriedOver = { sends: (carriedOver?.sends ?? 0) + taken.sends, heldBack: (carriedOver?.heldBack ?? 0) + taken.heldBack };
}

/** What the last office logins took over and nobody has been told of yet (read once). */
export function takeCarriedOver(): CarriedOver | null {
  const taken = carriedOver;
  carriedOver = null;
  return taken;
}

/** The owner index's range of records nobody owns yet (made when used: modules load where IndexedDB is absent) */
export const unowned = () => IDBKeyRange.bound([UNOWNED_USER, ''], [UNOWNED_USER, '\uffff']);

const NOTHING_TAKEN: CarriedOver = { sends: 0, heldBack: 0 };

/**
 * Only a database upgraded from versions 2 and 3 keeps records nobody owns, so almost every login
 * finds none and the adoption rules (./adopt.ts) are not downloaded. Loaded from the precache
 * offline; should that fail, the records stay unowned (shown to nobody, sent by nobody) until a
 * later login.
 */
async function adoptKeptFromBefore(owner: Owner): Promise<CarriedOver> {
  const tx = (await openRenkeiDb()).transaction(OWNED_STORES, 'readonly');
  const counts = await Promise.all(OWNED_STORES.map((name) => tx.objectStore(name).index('owner').count(unowned())));
  if (counts.every((n) => n === 0)) return NOTHING_TAKEN;
  try {
    const { adoptUnowned } = await import('./adopt');
    return await adoptUnowned(owner);
  } catch (error) {
    console.error('更新前のデータを引き継げませんでした', error);
    return NOTHING_TAKEN;
  }
}
