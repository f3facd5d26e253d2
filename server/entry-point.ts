// Whether a module is the one `node` was started with. Node runs the main module from its real
// path (import.meta.url) while process.argv[1] keeps the path it was given, which goes through the
// dist-server symlink (scripts/build-server.mjs): both are compared as real paths.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function isEntryPoint(moduleUrl: string): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
