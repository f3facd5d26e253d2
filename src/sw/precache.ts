// The app's files from workbox's precache: workbox-precaching's PrecacheController installs them
// (revisions, cache-busting, integrity), answers from them with its PrecacheStrategy (a miss goes
// to the network) and, on activation, deletes what this version no longer lists;
// cleanupOutdatedCaches drops the caches of older workbox versions. What workbox-routing's Router
// did around them (a generic router, about a tenth of this worker) is one decision,
// ./precached-for.ts.
// the modules themselves rather than the package's index, whose other modules (routing among them)
// would each leave a version mark in the worker
import type { PrecacheEntry } from 'workbox-precaching';
import { cleanupOutdatedCaches } from 'workbox-precaching/cleanupOutdatedCaches.js';
import { PrecacheController } from 'workbox-precaching/PrecacheController.js';
import { precachedFor, SHELL } from './precached-for';

export function servePrecache(scope: ServiceWorkerGlobalScope, entries: (string | PrecacheEntry)[]): void {
  const precache = new PrecacheController();
  // adds workbox's install (fill the cache) and activate (drop what this version no longer lists) listeners
  precache.precache(entries);
  cleanupOutdatedCaches();
  scope.addEventListener('fetch', (event) => {
    const found = precachedFor(event.request, scope.location.origin, (url) => precache.getCacheKeyForURL(url));
    if (!found) return;
    const { cacheKey } = found;
    const request = found.shell ? new Request(SHELL) : event.request;
    event.respondWith(precache.strategy.handle({ event, request, params: { cacheKey, integrity: precache.getIntegrityForCacheKey(cacheKey) } }));
  });
}
