// The page side of outbox syncing. Background Sync (Chromium) lets the service worker send
// with the page closed; everywhere, the page also flushes on start, on 'online', when it
// becomes visible and when the earliest backoff runs out. Overlap is safe: Web Lock + idempotency key.
import { nextFlushDueAt, releaseNeedsLogin } from './store';
import { onOutboxChanged, SYNC_TAG } from './channel';
import { requestPersistentStorage } from '../db/storage';
import type { FlushOptions, FlushReport } from './flush';
import { watchOutbox } from './signals';

/** Items that are due but could not go (a dead network) must not make the timer spin. */
const MIN_TIMER_MS = 1_000;

let started = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const reportListeners = new Set<(report: FlushReport) => void>();

/** Registers the page's flush triggers (start, online, visibility, backoff timer) and Background Sync. Call once. (The service worker itself is registered by src/views/app/updates.ts.) */
export function startPageSync(): void {
  if (started) return;
  started = true;
  watchOutbox();
  void requestPersistentStorage();
  window.addEventListener('online', () => requestFlush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flushFromPage({});
  });
  // A flush elsewhere (the worker, another tab) may have set a new backoff.
  onOutboxChanged(() => void scheduleBackoffTimer());
  requestFlush();
}

/** Ask for a flush now (after enqueueing); safe to call often. */
export function requestFlush(): void {
  void registerBackgroundSync();
  void flushFromPage({ ignoreBackoff: true });
}

/** Call after a successful login or 事業所ユーザログイン: items stopped by 401/403 go again. */
export async function resumeAfterLogin(): Promise<void> {
  await releaseNeedsLogin();
  requestFlush();
}

/** For screens that want to hear how each page flush ended (一括送信's progress, say). */
export function onFlushReport(listener: (report: FlushReport) => void): () => void {
  reportListeners.add(listener);
  return () => reportListeners.delete(listener);
}

async function flushFromPage(options: FlushOptions): Promise<void> {
  // Offline the page only waits for 'online'; Background Sync covers a closed page.
  if (!navigator.onLine) return;
  try {
    // loaded on first use: the first screen draws without the send path
    const { flushOutbox } = await import('./flush');
    const report = await flushOutbox({ ...options, locks: navigator.locks });
    for (const listener of reportListeners) listener(report);
  } catch (error) {
    console.error('送信トレイの送信に失敗しました', error);
  } finally {
    await scheduleBackoffTimer();
  }
}

async function scheduleBackoffTimer(): Promise<void> {
  const due = await nextFlushDueAt().catch(() => undefined);
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (due === undefined) return;
  // setTimeout overflows past ~24.8 days; backoff never comes near, but stay safe.
  const delay = Math.min(Math.max(MIN_TIMER_MS, due - Date.now() + 50), 2 ** 31 - 1);
  timer = setTimeout(() => {
    timer = undefined;
    void flushFromPage({});
  }, delay);
}

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

async function registerBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: SyncManagerLike }) | undefined)?.sync;
    await sync?.register(SYNC_TAG);
  } catch {
    // Background Sync missing or refused: the page's own triggers still flush.
  }
}
