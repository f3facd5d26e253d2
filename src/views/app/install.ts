// Installing the app to the home screen. Chromium offers its install prompt through
// 'beforeinstallprompt', which must be caught early (main.tsx) and kept until the user presses
// 「ホーム画面に追加」; iPad and iPhone Safari have no prompt, so they get short instructions.
import { computed, signal } from '@preact/signals';
import { isInstalled, isIos } from '../../db/storage';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const promptEvent = signal<InstallPromptEvent | null>(null);
const installedNow = signal(false);
const DISMISSED_KEY = 'renkei.install-dismissed';
const dismissed = signal(readDismissed());

function readDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** What トップ offers: the browser's prompt, the iPad Safari steps, or nothing. */
export const installOffer = computed<'prompt' | 'ios' | null>(() => {
  if (installedNow.value || dismissed.value || isInstalled()) return null;
  if (promptEvent.value) return 'prompt';
  return isIos() ? 'ios' : null;
});

export function watchInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    // keep the browser's own mini-infobar away: the app asks at a calmer moment, on トップ
    event.preventDefault();
    promptEvent.value = event as InstallPromptEvent;
  });
  window.addEventListener('appinstalled', () => {
    installedNow.value = true;
    promptEvent.value = null;
  });
}

/** 「ホーム画面に追加」: the browser's own dialog; its answer decides whether the offer stays. */
export async function promptInstall(): Promise<void> {
  const event = promptEvent.peek();
  if (!event) return;
  // a prompt can be shown once: a new event comes if the user may be asked again
  promptEvent.value = null;
  await event.prompt();
  const { outcome } = await event.userChoice;
  if (outcome === 'accepted') installedNow.value = true;
}

/** 「今はしない」: not offered again on this device. */
export function dismissInstall(): void {
  dismissed.value = true;
  try {
    localStorage.setItem(DISMISSED_KEY, '1');
  } catch {
    // private mode: not asked again in this visit at least
  }
}
