// A notice tied to the screen it belongs to (「送信を受け付けました」 on 送信一覧): shown while
// that screen is open, dropped once the user goes elsewhere. One about a send queued offline
// follows its outbox item (./queued-notice.ts).
import { computed, effect, signal } from '@preact/signals';
import { outboxItems } from '../../outbox/signals';
import { followQueued, type FollowedNotice, type NoticeTone } from './queued-notice';
import { route } from './router';
import { screenOf, type Screen } from './routes';

export type { NoticeTone } from './queued-notice';

interface Notice extends FollowedNotice {
  /** the screen that shows it, e.g. 'sent' */
  screen: Screen;
}

const current = signal<Notice | null>(null);
/** long enough to read, short enough not to stay over the screen it was about */
const SHOWN_MS = 10_000;
let timer: ReturnType<typeof setTimeout> | undefined;
/** counts notices shown: a timer ends only its own, not one shown after it */
let shown = 0;

/** Shows the notice for SHOWN_MS; a refusal stays until the user leaves the screen. */
function setNotice(notice: Notice): void {
  current.value = notice;
  clearTimeout(timer);
  const mine = ++shown;
  if (notice.tone === 'error') return;
  timer = setTimeout(() => {
    if (shown === mine) current.value = null;
  }, SHOWN_MS);
}

/** `outboxId`: the notice is about that queued send and changes with it. */
export function showNotice(text: string, screen: Screen, tone: NoticeTone = 'done', outboxId?: string): void {
  setNotice({ text, screen, tone, ...(outboxId ? { outboxId } : {}) });
}

effect(() => {
  const items = outboxItems.value;
  const notice = current.peek();
  if (!notice?.outboxId) return;
  const next = followQueued(notice, items.find((item) => item.id === notice.outboxId));
  if (next === notice) return;
  // a first sight changes nothing shown: keep its timer
  if (next.text === notice.text) current.value = next;
  else setNotice(next);
});

export const visibleNotice = computed(() => {
  const notice = current.value;
  return notice && notice.screen === screenOf(route.value) ? { text: notice.text, tone: notice.tone } : null;
});

effect(() => {
  // read the route first, unconditionally: it is what this effect must re-run on
  const screen = screenOf(route.value);
  const notice = current.peek();
  if (notice && notice.screen !== screen) current.value = null;
});
