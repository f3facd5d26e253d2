// Whether the relay can be reached, as a signal. navigator.onLine alone misleads: it says true
// behind a dead network (and, in some Chromium versions, after a reload under offline emulation).
// So the last request decides (src/api/request.ts reports each one), the browser's 'offline'
// is believed at once, and while the relay seems unreachable a light probe (/api/health) asks
// again, sooner when the browser says the network is back.
import { computed, signal } from '@preact/signals';
import { onReachability, request } from '../../api/request';
import { API } from '../../domain/api';
import { okAnswer } from '../../domain/answers';

const browserOnline = signal(navigator.onLine);
/** what the last request showed; null before any */
const relayReached = signal<boolean | null>(null);

export const online = computed(() => browserOnline.value && relayReached.value !== false);

const FIRST_PROBE_MS = 3_000;
const MAX_PROBE_MS = 60_000;
let probeTimer: ReturnType<typeof setTimeout> | undefined;
let probeDelay = FIRST_PROBE_MS;
const reconnectListeners = new Set<() => void>();

/** Called when the relay answers again after being unreachable (the outbox flushes then). */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

onReachability((answered) => {
  const was = online.peek();
  relayReached.value = answered;
  if (answered) {
    stopProbing();
    if (!was && online.peek()) for (const listener of reconnectListeners) listener();
  } else scheduleProbe();
});

window.addEventListener('online', () => {
  browserOnline.value = true;
  // the browser's word is a hint: ask the relay now rather than trust it
  probeDelay = FIRST_PROBE_MS;
  void probe();
});
window.addEventListener('offline', () => {
  browserOnline.value = false;
});

function scheduleProbe(): void {
  if (probeTimer !== undefined) return;
  probeTimer = setTimeout(() => {
    probeTimer = undefined;
    probeDelay = Math.min(probeDelay * 2, MAX_PROBE_MS);
    void probe();
  }, probeDelay);
}

function stopProbing(): void {
  if (probeTimer !== undefined) clearTimeout(probeTimer);
  probeTimer = undefined;
  probeDelay = FIRST_PROBE_MS;
}

/** One request to the relay; its outcome reaches relayReached through onReachability. */
async function probe(): Promise<void> {
  if (!navigator.onLine) return scheduleProbe();
  await request(API.health, { answer: okAnswer });
}
