// New versions of the app (workbox-window). The worker no longer takes over by itself: a new
// version waits until the user presses 更新 (UpdateBanner), the open work is saved, and only
// then does it activate and this page reload. Other tabs are told to reload rather than run
// old code beside the new worker.
import { signal } from '@preact/signals';
import type { Workbox } from 'workbox-window';
import { saveAllUnsavedWork } from './unsaved';
import { classifyControllerChange, prepareSwitch } from './update-policy';

/** 'waiting': a new version is installed and waits for 更新; 'elsewhere': another tab switched. */
export const updateState = signal<'none' | 'waiting' | 'switching' | 'elsewhere'>('none');
export const updateError = signal<string | null>(null);

const CHECK_EVERY_MS = 60 * 60_000;
let workbox: Workbox | undefined;
let requestedHere = false;

export function startUpdates(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  // whether a worker controlled this page before the change: the very first one taking control
  // (clients.claim) is no new version, but every change after it is, even within one page load
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const hadController = controlled;
    controlled = true;
    switch (classifyControllerChange(hadController, requestedHere)) {
      case 'switched-here':
        location.reload();
        break;
      case 'switched-elsewhere':
        updateState.value = 'elsewhere';
        break;
      default:
        break;
    }
  });
  // workbox-window is not needed to draw the first screen: it loads right after
  void import('workbox-window')
    .then(({ Workbox }) => {
      workbox = new Workbox('/sw.js', { scope: '/' });
      workbox.addEventListener('waiting', () => {
        if (updateState.peek() === 'none') updateState.value = 'waiting';
      });
      return workbox.register();
    })
    .catch((error: unknown) => console.warn('Service Worker を登録できませんでした', error));
  // a tablet left open for days still hears of a new version: on return to the app, and hourly
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate();
  });
  setInterval(() => void checkForUpdate(), CHECK_EVERY_MS);
}

async function checkForUpdate(): Promise<void> {
  try {
    await workbox?.update();
  } catch {
    // offline: the next check asks again
  }
}

/** 更新: save what is open, then let the waiting version take over (the page reloads into it). */
export async function switchToNewVersion(): Promise<void> {
  if (!workbox) return;
  updateError.value = null;
  updateState.value = 'switching';
  const prepared = await prepareSwitch(saveAllUnsavedWork);
  if (!prepared.ok) {
    updateError.value = prepared.message;
    updateState.value = 'waiting';
    return;
  }
  requestedHere = true;
  workbox.messageSkipWaiting();
}

/** 再読み込み after another tab switched: the work here is saved first. */
export async function reloadIntoNewVersion(): Promise<void> {
  const prepared = await prepareSwitch(saveAllUnsavedWork);
  if (!prepared.ok) {
    updateError.value = prepared.message;
    return;
  }
  location.reload();
}
