// Which requests the service worker answers from its precache (src/sw/precache.ts): the build's own
// files by their URL, any other navigation with the app shell (index.html: the screens are in the
// hash). /api/, other origins, other methods and anything unknown go to the network untouched.

export const SHELL = '/index.html';

/** The request's precached file (its workbox cache key), or the app shell's for a navigation; null: not ours. */
export function precachedFor(
  request: Pick<Request, 'url' | 'method' | 'mode'>,
  origin: string,
  cacheKeyOf: (url: string) => string | undefined,
): { cacheKey: string; shell: boolean } | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== origin || url.pathname.startsWith('/api/')) return null;
  url.hash = '';
  const own = cacheKeyOf(url.href);
  if (own) return { cacheKey: own, shell: false };
  if (request.mode !== 'navigate') return null;
  const cacheKey = cacheKeyOf(new URL(SHELL, origin).href);
  return cacheKey ? { cacheKey, shell: true } : null;
}
