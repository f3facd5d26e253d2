// zod 4 probes for eval (new Function) on its first parse to pick a faster path; under our
// CSP (script-src 'self', no 'unsafe-eval') that probe is reported as a violation. Jitless
// parsing is plenty fast for our payloads. Imported by every page module that parses with zod and
// by the workers (not the entry: zod is not in the first download, src/domain/answers.ts).
import { z } from 'zod/mini';

z.config({ jitless: true });
