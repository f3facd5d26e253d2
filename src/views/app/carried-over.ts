// Tells the user what an office login took over from a database kept by an older version of the
// app (src/db/owner.ts CarriedOver): queued sends now going out under this login, and sends held
// back because nobody knows which office queued them (they wait in 下書き or 一括送信 for a check).
import { takeCarriedOver } from '../../db/owner';
import { carriedOverText } from './carried-over-text';
import { showNotice } from './notice';
import { route } from './router';
import { screenOf, type Screen } from './routes';

/** Shows, on the screen open now, what the last office login took over (nothing when it took nothing). */
export function announceCarriedOver(): void {
  const taken = takeCarriedOver();
  if (!taken) return;
  const open = screenOf(route.peek());
  // a login screen is left for トップ at once
  const screen: Screen = open === null || open === 'login' || open === 'office-login' ? 'top' : open;
  // held-back sends need the user: that notice stays until they leave the screen
  showNotice(carriedOverText(taken), screen, taken.heldBack > 0 ? 'error' : 'pending');
}
