// Starts the relay: storage, cleanup, demo seed, HTTP listener and the retention timer.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { LoginThrottle } from './auth/throttle';
import { BlobStore } from './blobs';
import { withDefaults, type Config } from './config';
import type { AppDeps } from './context';
import { seedDemoIfEmpty } from './db/seed';
import { openSqliteStore } from './db/sqlite';
import type { Store } from './db/types';
import { removeOrphanBlobs, sweepExpired, type SweepResult } from './retention';

export interface RunningServer {
  url: string;
  port: number;
  /** true when this start filled an empty directory with the demo data */
  seeded: boolean;
  /** Runs the retention job now (the timer runs it too). */
  sweep(): Promise<SweepResult>;
  close(): Promise<void>;
}

export interface StartOptions extends Partial<Config> {
  now?: () => Date;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { now = () => new Date(), ...partial } = options;
  const config = withDefaults(partial);
  const store = openSqliteStore(config.dataDir);
  try {
    return await listen(config, store, now);
  } catch (err) {
    store.close();
    throw err;
  }
}

async function listen(config: Config, store: Store, now: () => Date): Promise<RunningServer> {
  const blobs = new BlobStore(config.dataDir);
  await blobs.init();
  await removeOrphanBlobs(store, blobs);
  const seeded = config.seedDemo ? await seedDemoIfEmpty(store) : false;

  const deps: AppDeps = { config, store, blobs, throttle: new LoginThrottle(), now };
  const app = createApp(deps);
  const sweep = () => sweepExpired(store, blobs, now());
  await sweep();

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const timer = setInterval(() => {
    sweep().catch((err) => console.error('[renkei] retention sweep failed', err));
  }, config.retentionSweepMs);
  timer.unref();
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  return {
    url: `http://${host}:${port}`,
    port,
    seeded,
    sweep,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.close(() => {
          store.close();
          resolve();
        });
        // idle keep-alive connections would hold close() open
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
