// Tells the user what an office login took over from a database kept by an older version of the
// app (src/db/sign-in.ts CarriedOver): queued sends now going out under this login, and sends held
// back because nobody knows which office queued them (they wait in 下書き or 一括送信 for a check).
// Only a tablet that ran versions 2–3 ever has one to tell: the words load then (precached, so
// offline too), never with the first screen.
import { takeCarriedOver } from '../../db/sign-in';
import { showNotice } from './notice';
import { route } from './router';
import { screenOf, type Screen } from './routes';

/** Shows, on the screen open now, what the last office login took over (nothing when it took nothing). */
export function announceCarriedOver(): void {
  const taken = takeCarriedOver();
  if (!taken) return;
  import('./carried-over-text').then(
    ({ carriedOverText }) => {
      const open = screenOf(route.peek());
      // a login screen is left for トップ at once
      const screen: Screen = open === null || open === 'login' || open === 'office-login' ? 'top' : open;
      // held-back sends need the user: that notice stays until they leave the screen
      showNotice(carriedOverText(taken), screen, taken.heldBack > 0 ? 'error' : 'pending');
    },
    (error: unknown) => console.error('引き継ぎのお知らせを表示できませんでした', error),
  );
}
