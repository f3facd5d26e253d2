// Whose records the screens read and write now, known at once from the session signal (src/db/
// owner.ts keeps the same in IndexedDB for the service worker; its ownerOf is the one rule):
// the person and office signed in, or null before the 事業所ユーザログイン.
import { ownerOf, type Owner } from '../../db/owner';
import { session, signedInOf } from './session';

export function sessionOwner(): Owner | null {
  return ownerOf({ signedIn: signedInOf(session.value) });
}

export const ownerId = (owner: Owner | null) => (owner ? `${owner.userId}|${owner.office}` : '');
