// A server in its own process, so the load generator does not share its event loop: the relay
// through the test suite's one launcher (tests/support/relay.ts), or the bare node:http
// baseline (bench/support/server-child.ts), which prints "READY <url>".
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { spawnRelay } from '../../tests/support/relay';

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('./server-child.ts', import.meta.url));

export async function spawnServer(kind: 'relay' | 'bare', dataDir: string): Promise<ChildServer> {
  if (kind === 'relay') return spawnRelay({ DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-dist') }, { inheritOutput: process.env.BENCH_RELAY_OUTPUT === '1' });
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('bare server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
    lines.on('line', (line) => {
      const match = /^READY (\S+)$/.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        pid: child.pid ?? -1,
        async stop() {
          child.stdin.end();
          const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(forced);
        },
      });
    });
  });
}
