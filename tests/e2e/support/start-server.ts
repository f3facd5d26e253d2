// The relay for the e2e run (playwright.config.ts webServer): a fresh data folder, the built PWA
// from dist/, started through the one launcher (tests/support/relay.ts) as `server/main.ts`.
import { rmSync } from 'node:fs';
import { spawnRelay } from '../../support/relay';

const dataDir = process.env.E2E_DATA_DIR ?? '.tmp/e2e-data';
rmSync(dataDir, { recursive: true, force: true });
const relay = await spawnRelay(
  { DATA_DIR: dataDir, STATIC_DIR: process.env.RENKEI_DIST ?? 'dist', PORT: process.env.PORT ?? '4391' },
  { inheritOutput: true },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void relay.stop().then(() => process.exit(0)));
}
