// A worker thread starts without the relay's TypeScript loader when the relay runs inside another
// host (vitest), so the worker registers tsx itself before loading its TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./file-write-worker.ts');
