// A notice tied to the screen it belongs to (「送信を受け付けました」 on 送信一覧): shown while
// that screen is open, dropped once the user goes elsewhere.
import { computed, effect, signal } from '@preact/signals';
import { route } from './router';
import { screenOf, type Screen } from './routes';

/** done (green) or still to happen (kept for later, e.g. a send queued offline) */
export type NoticeTone = 'done' | 'pending';

interface Notice {
  text: string;
  /** the screen that shows it, e.g. 'sent' */
  screen: Screen;
  tone: NoticeTone;
}

const current = signal<Notice | null>(null);
/** long enough to read, short enough not to stay over the screen it was about */
const SHOWN_MS = 10_000;
let timer: ReturnType<typeof setTimeout> | undefined;

export function showNotice(text: string, screen: Screen, tone: NoticeTone = 'done'): void {
  const notice = { text, screen, tone };
  current.value = notice;
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (current.peek() === notice) current.value = null;
  }, SHOWN_MS);
}

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
