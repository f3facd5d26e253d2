// Starts the real relay for the e2e run on a fresh data folder (the built PWA in dist/ must exist).
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';

const dataDir = process.env.E2E_DATA_DIR ?? '.tmp/e2e-data';
rmSync(dataDir, { recursive: true, force: true });
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', STATIC_DIR: process.env.RENKEI_DIST ?? 'dist' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
