// The outbox as signals for the screens. Kept fresh from BroadcastChannel('renkei-outbox'),
// which every outbox change posts on, whether a tab or the service worker made it.
import { computed, signal } from '@preact/signals';
import { isPausedForLogin, listOutbox } from './store';
import { onOutboxChanged } from './channel';
import type { OutboxItem } from './types';

export const outboxItems = signal<OutboxItem[]>([]);
/** Everything not yet confirmed by the server (waiting, sending, failed, needs-login). */
export const outboxCount = computed(() => outboxItems.value.length);
/** Sends that will still go by themselves (now, on reconnect, or after the next login). */
export const outboxWaitingCount = computed(() => outboxItems.value.filter((item) => item.status !== 'failed').length);
/** Sends the server refused: they go only when someone fixes and sends them again. */
export const outboxFailed = computed(() => outboxItems.value.filter((item) => item.status === 'failed'));
/** A 401/403 stopped sending until the user logs in again (see resumeAfterLogin in ./triggers.ts). */
export const outboxPausedForLogin = signal(false);

let loading: Promise<void> | undefined;
let again = false;

/** Re-reads the outbox; calls that arrive mid-read fold into one more read. */
export function refreshOutbox(): Promise<void> {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    do {
      again = false;
      try {
        const [items, paused] = await Promise.all([listOutbox(), isPausedForLogin()]);
        outboxItems.value = items;
        outboxPausedForLogin.value = paused;
      } catch (error) {
        console.error('送信トレイを読み込めませんでした', error);
      }
    } while (again);
    loading = undefined;
  })();
  return loading;
}

let watching = false;
/** Keeps the signals fresh from now on (startPageSync calls it once). */
export function watchOutbox(): void {
  if (watching) return;
  watching = true;
  onOutboxChanged(() => void refreshOutbox());
  void refreshOutbox();
}
