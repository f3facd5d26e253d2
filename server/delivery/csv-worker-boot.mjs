// The thread's entry when the relay runs from source (vitest, tsx): a worker thread starts without
// the relay's TypeScript loader when the relay runs inside another host (vitest), so the worker
// registers tsx itself before loading its TypeScript. The compiled relay (scripts/build-server.mjs)
// has a file of this name beside it: csv-worker.ts compiled, no loader.
import { register } from 'tsx/esm/api';

register();
await import('./csv-worker.ts');
