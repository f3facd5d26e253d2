// zod 4 probes for eval (new Function) on its first parse to pick a faster path; under our
// CSP (script-src 'self', no 'unsafe-eval') that probe is reported as a violation. Jitless
// parsing is plenty fast for our payloads. Import this first in every browser entry point.
import { z } from 'zod/mini';

z.config({ jitless: true });
