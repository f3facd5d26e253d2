// The service worker: precaches the built app so it opens offline, and flushes the outbox on
// Background Sync, on start and when a page asks. It never caches /api/ answers: the page
// keeps the lists it needs in IndexedDB.
import { clientsClaim } from 'workbox-core/clientsClaim.js';
import type { PrecacheEntry } from 'workbox-precaching';
import { DatabaseOutdated } from '../db/db';
import { SYNC_TAG, flushOutbox, type FlushReport } from '../outbox/flush';
import { listenForArrivals } from './arrivals';
import { servePrecache } from './precache';

// TypeScript has no service worker library: WebWorker (tsconfig.worker.json) types `self` as a
// dedicated worker's scope, so this one file says which scope it runs in (and what workbox injects).
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

interface SyncEventLike extends ExtendableEvent {
  tag: string;
  lastChance?: boolean;
}

servePrecache(self, self.__WB_MANIFEST);

// The first worker takes control at once (the app then opens offline without a reload). A new
// version waits: a page running old code must not meet a new worker until the user agrees
// (src/views/app/updates.ts sends SKIP_WAITING on 更新, after saving the open work).
clientsClaim();

async function flushInWorker(ignoreBackoff: boolean): Promise<void> {
  let report: FlushReport;
  try {
    report = await flushOutbox({ ignoreBackoff, locks: navigator.locks });
  } catch (error) {
    // the page has not upgraded the database to this version yet: it sends the outbox when it does
    if (error instanceof DatabaseOutdated) return;
    throw error;
  }
  // Rejecting makes the browser fire 'sync' again later, which is what a dead network needs.
  if (report.offline) throw new Error('オフラインのため送信できませんでした');
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEventLike;
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(flushInWorker(true));
});

self.addEventListener('activate', () => {
  // not in waitUntil: a long upload must not hold back activation (and clients.claim)
  void flushInWorker(false).catch(() => undefined);
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'flush') event.waitUntil(flushInWorker(true).catch(() => undefined));
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

listenForArrivals(self);

// A worker restarted by the browser (not a new install) flushes what a closed tab left behind.
void flushInWorker(false).catch(() => undefined);
