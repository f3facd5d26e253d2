// A notice tied to the screen it belongs to (「送信を受け付けました」 on 送信一覧): shown while
// that screen is open, dropped once the user goes elsewhere.
import { computed, effect, signal } from '@preact/signals';
import { route } from './router';

interface Notice {
  text: string;
  /** first path segment of the screen that shows it, e.g. 'sent' */
  screen: string;
}

const current = signal<Notice | null>(null);

export function showNotice(text: string, screen: string): void {
  current.value = { text, screen };
}

export const visibleNotice = computed(() => {
  const notice = current.value;
  return notice && notice.screen === (route.value.segments[0] ?? 'top') ? notice.text : null;
});

effect(() => {
  // read the route first, unconditionally: it is what this effect must re-run on
  const screen = route.value.segments[0] ?? 'top';
  const notice = current.peek();
  if (notice && notice.screen !== screen) current.value = null;
});
