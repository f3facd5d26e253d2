// Starts bench/support/server-child.ts and waits for its "READY <url>" line.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('./server-child.ts', import.meta.url));

export function spawnServer(kind: 'relay' | 'bare', dataDir: string): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, kind, dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start within 30 s`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
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
