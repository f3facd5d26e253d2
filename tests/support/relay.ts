// The one way tests and benchmarks start the relay, on a fresh temporary DATA_DIR (SQLite, or
// PostgreSQL with `databaseUrl`):
// - openTestRelay: in-process, requests answered by app.request() — no socket, the same app;
//   `listen()` adds a real socket for what needs one (request time limits, chunked bodies);
// - spawnRelay: `server/main.ts` in its own Node process, configured by the environment only,
//   as in production (crashes, a second process on one database, what it prints, load benchmarks).
// (The e2e run starts its relay with startServer in its own webServer process: tests/e2e/support.)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
}

const ROOT = resolve(import.meta.dirname, '../..');

/** Starts `node --import tsx server/main.ts` with `env` on top of this process's; resolves once it listens. */
export function spawnRelay(env: Record<string, string>, options: { inheritOutput?: boolean } = {}): Promise<SpawnedRelay> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolveUrl, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.inheritOutput) process.stdout.write(chunk);
      const match = /Renkei relay: (http:\/\/\S+)/.exec(output);
      if (match) {
        resolveUrl({ url: match[1]!, pid: child.pid ?? -1, output: () => output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`relay exited (${code}) before listening:\n${output}`)));
  });
}
