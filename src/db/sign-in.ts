// Records who signs in and out on this device (src/db/owner.ts reads it), and what an office login
// takes over from a database kept before ownership. Only the page signs in: the service worker
// never loads this module, nor the adoption rules it loads when needed (./adopt.ts).
import { notifyOutboxChanged } from '../outbox/channel';
import { openRenkeiDb } from './db';
import { inTurnWithSignIns, unowned, type OwnedStore } from './owner';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Owner, type SignedIn } from './schema';

/** Tells the sign-in or sign-out recorded last that another one is asked for. */
let askedForLater: () => void = () => undefined;

/**
 * Records who is signed in on this device (null: nobody). Reads through currentOwner() wait for
 * it, so a screen never writes under the previous person. An office login also adopts the records
 * kept from before ownership that can only be this office's.
 */
export function recordSignedIn(who: SignedIn | null): Promise<void> {
  // the change recorded before this one stops waiting for the adoption rules (see adoptKeptFromBefore)
  askedForLater();
  const laterAskedFor = new Promise<void>((resolve) => (askedForLater = resolve));
  const owner: Owner | null = who?.office ? { userId: who.userId, office: who.office } : null;
  // asked for now, not in turn: a change waiting for the one before it must not wait for a download too
  const rules = owner ? adoptionRulesIfNeeded() : null;
  return inTurnWithSignIns(async () => {
    const tx = (await openRenkeiDb()).transaction('settings', 'readwrite');
    const settings = (await tx.store.get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
    await tx.store.put({ ...settings, signedIn: who }, SETTINGS_KEY);
    await tx.done;
    // what one login took over is told to that login alone: a logout or another person drops it
    if (!carriedOverOwner || who?.userId !== carriedOverOwner.userId || who.office !== carriedOverOwner.office) carriedOver = null;
    if (owner && rules) noteCarriedOver(await adoptKeptFromBefore(owner, rules, laterAskedFor), owner);
    // what the 送信待ち badge counts changed with the owner
    notifyOutboxChanged();
  });
}

/**
 * What an office login took over from a database kept before ownership (versions 2 and 3): its
 * queued sends go out under this login now; `heldBack` are sends queued without a known sending
 * office, which no login may send as its own: they became drafts (or their 一括送信 row stays to
 * be sent again) for the user to check. The page tells the user (src/views/app/carried-over.ts).
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

const OWNED_STORES: OwnedStore[] = ['drafts', 'outbox', 'sent', 'batch'];
const NOTHING_TAKEN: CarriedOver = { sends: 0, heldBack: 0 };

type AdoptionRules = typeof import('./adopt');

/**
 * The adoption rules (./adopt.ts), loaded only when records nobody owns exist: only a database
 * upgraded from versions 2 and 3 keeps any, so almost every login downloads nothing. Loaded from
 * the precache offline; null when there is nothing to adopt or the load failed (the records then
 * stay unowned: shown to nobody, sent by nobody, until a later login).
 */
async function adoptionRulesIfNeeded(): Promise<AdoptionRules | null> {
  try {
    const tx = (await openRenkeiDb()).transaction(OWNED_STORES, 'readonly');
    const counts = await Promise.all(OWNED_STORES.map((name) => tx.objectStore(name).index('owner').count(unowned())));
    if (counts.every((n) => n === 0)) return null;
    return await import('./adopt');
  } catch (error) {
    console.error('更新前のデータを引き継げませんでした', error);
    return null;
  }
}

/**
 * Adopts for `owner` what nobody owns, once the rules have loaded. Over http:// with no service
 * worker they come from the network: should another sign-in or a logout be asked for meanwhile,
 * this one stops waiting (a logout never waits behind a download) and the records stay unowned
 * for a later login.
 */
async function adoptKeptFromBefore(owner: Owner, rules: Promise<AdoptionRules | null>, laterAskedFor: Promise<void>): Promise<CarriedOver> {
  const loaded = await Promise.race([rules, laterAskedFor.then(() => null)]);
  if (!loaded) return NOTHING_TAKEN;
  try {
    return await loaded.adoptUnowned(owner);
  } catch (error) {
    console.error('更新前のデータを引き継げませんでした', error);
    return NOTHING_TAKEN;
  }
}
