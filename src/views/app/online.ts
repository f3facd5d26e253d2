// navigator.onLine as a signal: only a hint (a captive portal says "online"), so screens also
// fall back to cached data when a request fails.
import { signal } from '@preact/signals';

export const online = signal(navigator.onLine);

window.addEventListener('online', () => {
  online.value = true;
});
window.addEventListener('offline', () => {
  online.value = false;
});
