// npm run bench: runs every bench/*.bench.ts in turn (`npm run bench -- batch-group`: those whose
// file name holds one of the words); each prints its own figures.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { buildServerAndSay } from '../scripts/build-server.mjs';
import { printSummary } from './support/summary';

// the benches that start the relay as a process, and the admin CLI, run the compiled relay
await buildServerAndSay({ quiet: true });

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  console.log(`\n== ${file}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> };
  await mod.default();
}
printSummary();
