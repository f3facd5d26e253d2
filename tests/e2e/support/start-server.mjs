// The relay for the e2e run (playwright.config.ts webServer): the compiled relay, as `npm start`
// runs it (compiled first when stale), on a fresh data folder with the demo offices and the built
// PWA from dist/. Plain JavaScript, run by node: nothing here goes through a TypeScript loader.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { buildServerAndSay, serverEntry } from '../../../scripts/build-server.mjs';

const dataDir = process.env.E2E_DATA_DIR ?? '.tmp/e2e-data';
rmSync(dataDir, { recursive: true, force: true });
await buildServerAndSay({ quiet: true });
const relay = spawn(process.execPath, ['--enable-source-maps', serverEntry('main')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    STATIC_DIR: process.env.RENKEI_DIST ?? 'dist',
    HOST: '127.0.0.1',
    PORT: process.env.PORT ?? '4391',
    SEED_DEMO: '1',
    DATABASE_URL: '',
    // as the e2e relay stopped before: at once, with nothing to let finish
    SHUTDOWN_DRAIN_MS: '0',
  },
});
// Playwright stops this process; the relay stops with it, cleanly
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => relay.kill(signal));
relay.once('exit', (code) => process.exit(code ?? 0));
