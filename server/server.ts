// Starts the relay: storage, cleanup, demo seed, HTTP listener and the retention timer.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { LoginThrottle } from './auth/throttle';
import { BlobStore } from './blobs';
import { withDefaults, type Config } from './config';
import type { AppDeps } from './context';
import { openStore } from './db';
import { seedDemoIfEmpty } from './db/seed';
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
  const store = await openStore(config);
  try {
    return await listen(config, store, now);
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** Node's own limits on slow or endless requests (its defaults: 5 minutes, checked every 30 s). */
function timeouts(config: Config): { requestTimeout: number; headersTimeout: number; connectionsCheckingInterval: number } {
  const requestTimeout = config.requestTimeoutMs;
  return {
    requestTimeout,
    headersTimeout: Math.min(60_000, requestTimeout),
    // how late past the limit a stalled request is noticed
    connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(requestTimeout / 4))),
  };
}

const SHARED_FOLDER_GRACE_MS = 60 * 60 * 1000;

async function listen(config: Config, store: Store, now: () => Date): Promise<RunningServer> {
  const blobs = new BlobStore(config.dataDir);
  // With PostgreSQL several processes share the blob folder: a send another process is staging,
  // or has committed to disk but not yet recorded, looks like a leftover for a moment. Only
  // leftovers older than any send can take are removed there; SQLite means one process.
  const graceMs = config.databaseUrl ? SHARED_FOLDER_GRACE_MS : 0;
  await blobs.init(graceMs);
  await removeOrphanBlobs(store, blobs, graceMs);
  const seeded = config.seedDemo ? await seedDemoIfEmpty(store) : false;

  const deps: AppDeps = { config, store, blobs, throttle: new LoginThrottle(), now };
  const app = createApp(deps);
  const sweep = () => sweepExpired(store, blobs, now());
  await sweep();

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: timeouts(config) }, () => resolve(s));
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
          store.close().then(() => resolve(), () => resolve());
        });
        // idle keep-alive connections would hold close() open
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
