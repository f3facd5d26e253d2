// The one way tests and benchmarks start the relay, on a fresh temporary DATA_DIR (SQLite, or
// PostgreSQL with `databaseUrl`):
// - openTestRelay: in-process, requests answered by app.request() — no socket, the same app;
//   `listen()` adds a real socket for what needs one (request time limits, chunked bodies);
// - spawnRelay: the compiled relay (dist-server/main.mjs, from server/main.ts) in its own Node
//   process, configured by the environment only, as `npm start` runs it (crashes, a second process
//   on one database, what it prints, load benchmarks).
// (The e2e run starts the compiled relay as Playwright's webServer: tests/e2e/support/start-server.mjs.)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServerIfStale, serverEntry } from '../../scripts/build-server.mjs';
import { openRelay, type Relay, type RelayOptions } from '../../server/relay';
import { listenRelay, type Listener } from '../../server/server';
import type { SweepResult } from '../../server/retention';
import { Agent } from './agent';

export interface TestRelay {
  relay: Relay;
  dataDir: string;
  /** A new browser stand-in talking to this relay in-process. */
  agent(): Agent;
  /** Answers a request in-process, as a socket would. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Puts this relay (same store, same app) on a real port; closed by stop(). */
  listen(): Promise<Listener>;
  sweep(): Promise<SweepResult>;
  stop(): Promise<void>;
}

export function tempDataDir(prefix = 'renkei-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `prepare` may lay files into the fresh data folder first and add options that depend on it. */
export async function openTestRelay(options: RelayOptions = {}, prepare?: (dataDir: string) => RelayOptions): Promise<TestRelay> {
  const data = tempDataDir();
  const relay = await openRelay({
    port: 0,
    host: '127.0.0.1',
    dataDir: data.dir,
    staticDir: join(data.dir, 'no-dist'),
    ...options,
    ...prepare?.(data.dir),
  });
  const listeners: Listener[] = [];
  const request = async (path: string, init: RequestInit = {}) => relay.app.request(path, init);
  return {
    relay,
    dataDir: data.dir,
    agent: () => new Agent(request),
    request,
    async listen() {
      const listener = await listenRelay(relay);
      listeners.push(listener);
      return listener;
    },
    sweep: relay.sweep,
    async stop() {
      for (const listener of listeners) await listener.close();
      await relay.close();
      data.remove();
    },
  };
}

export interface SpawnedRelay {
  url: string;
  pid: number;
  /** everything it printed so far (stdout and stderr) */
  output(): string;
  /** SIGTERM, as an operator stops it; resolves once it exited */
  stop(): Promise<void>;
  /** SIGKILL: a crash */
  kill(): Promise<void>;
  /** Sends a signal and returns at once (stop() waits for the exit). */
  signal(signal: NodeJS.Signals): void;
  /** Resolves with the exit code once the process ended. */
  exited(): Promise<number | null>;
}

const ROOT = resolve(import.meta.dirname, '../..');

export interface SpawnOptions {
  inheritOutput?: boolean;
  /**
   * Runs the relay in a mount namespace of its own with a tmpfs of this many MiB on DATA_DIR: a
   * small disk that can be filled (see smallDiskPath). Needs root or user namespaces (smallDisksWork).
   */
  smallDiskMb?: number;
  /** The compiled main module to run instead of this checkout's dist-server/main.mjs. */
  entry?: string;
}

/** Whether this machine can give a relay a small disk of its own (unshare + tmpfs). */
export function smallDisksWork(): boolean {
  const probe = spawnSync('unshare', [...unshareArgs(), 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs /mnt'], { stdio: 'ignore' });
  return probe.status === 0;
}

function unshareArgs(): string[] {
  return process.getuid?.() === 0 ? ['--mount', '--propagation', 'private'] : ['--user', '--map-root-user', '--mount'];
}

/** A path inside a relay's small disk, as the test process can reach it (through the relay's own root). */
export const smallDiskPath = (relay: SpawnedRelay, dataDir: string, ...parts: string[]) => join(`/proc/${relay.pid}/root`, dataDir, ...parts);

/**
 * Starts the compiled relay as `npm start` does (`node --enable-source-maps dist-server/main.mjs`,
 * compiled first when stale) with `env` on top of this process's; resolves once it listens.
 */
export async function spawnRelay(env: Record<string, string>, options: SpawnOptions = {}): Promise<SpawnedRelay> {
  await buildServerIfStale();
  const node = [process.execPath, ...(process.env.PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.PROF_DIR] : []), '--enable-source-maps', options.entry ?? serverEntry('main')];
  const [file, ...args] = options.smallDiskMb
    ? ['unshare', ...unshareArgs(), 'sh', '-c', `mount -t tmpfs -o size=${options.smallDiskMb}m tmpfs "$DATA_DIR" && exec "$@"`, 'small-disk', ...node]
    : node;
  const child = spawn(file!, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolveUrl, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.inheritOutput) process.stdout.write(chunk);
      const match = /Renkei relay: (https?:\/\/\S+)/.exec(output);
      if (match) {
        resolveUrl({
          url: match[1]!, pid: child.pid ?? -1, output: () => output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL'),
          signal: (signal) => void child.kill(signal), exited: () => exited,
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`relay exited (${code}) before listening:\n${output}`)));
  });
}
