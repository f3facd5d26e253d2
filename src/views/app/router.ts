// Hash routes (#/top, #/messages/<id>?box=sent …): work offline from the precached index.html.
import { signal } from '@preact/signals';

export interface Route {
  /** path segments after "#/", e.g. ['messages', 'abc'] */
  segments: string[];
  params: URLSearchParams;
  /** the hash without "#", to come back after 事業所ユーザログイン */
  raw: string;
  /** counts the user's moves: a screen keyed by it starts afresh on each, but not on replaceQuietly */
  visit: number;
}

let visits = 0;

function parseHash(hash: string, visit = ++visits): Route {
  const raw = hash.replace(/^#/, '') || '/top';
  const [path = '', query = ''] = raw.split('?', 2);
  const segments = path.split('/').filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  return { segments, params: new URLSearchParams(query), raw, visit };
}

export const route = signal<Route>(parseHash(location.hash));

window.addEventListener('hashchange', () => {
  route.value = parseHash(location.hash);
});

export function navigate(path: string): void {
  const hash = path.startsWith('#') ? path : `#${path}`;
  if (location.hash === hash) route.value = parseHash(hash);
  else location.hash = hash;
}

/** Replace the current entry (redirects) so 戻る in the browser does not bounce back. */
export function redirect(path: string): void {
  const hash = path.startsWith('#') ? path : `#${path}`;
  history.replaceState(history.state, '', hash);
  route.value = parseHash(hash);
}

/**
 * Rewrites the address of the screen being shown (新規作成 → its draft after 一時保存) so a
 * reload reopens it, without starting the screen again: the next real move still does.
 */
export function replaceQuietly(path: string): void {
  const hash = path.startsWith('#') ? path : `#${path}`;
  history.replaceState(history.state, '', hash);
  route.value = parseHash(hash, route.peek().visit);
}
