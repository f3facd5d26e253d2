// The relay for the e2e run (playwright.config.ts webServer): a fresh data folder and the built
// PWA from dist/, in this process (started as `node --import tsx`), as server/main.ts starts it.
import { rmSync } from 'node:fs';
import { startServer } from '../../../server/server';

const dataDir = process.env.E2E_DATA_DIR ?? '.tmp/e2e-data';
rmSync(dataDir, { recursive: true, force: true });
const server = await startServer({
  dataDir,
  staticDir: process.env.RENKEI_DIST ?? 'dist',
  host: '127.0.0.1',
  port: Number(process.env.PORT ?? 4391),
});
console.log(`Renkei relay for e2e: ${server.url} (data: ${dataDir})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
