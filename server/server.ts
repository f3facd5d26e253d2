// Puts the relay (server/relay.ts) on an HTTP port, with Node's request time limits and the
// retention timer.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { openRelay, type Relay, type RelayOptions } from './relay';
import type { SweepResult } from './retention';

export interface RunningServer {
  url: string;
  port: number;
  /** true when this start filled an empty directory with the demo data */
  seeded: boolean;
  /** Runs the retention job now (the timer runs it too). */
  sweep(): Promise<SweepResult>;
  close(): Promise<void>;
}

export type StartOptions = RelayOptions;

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const relay = await openRelay(options);
  let listener: Listener;
  try {
    listener = await listenRelay(relay);
  } catch (err) {
    await relay.close();
    throw err;
  }
  const timer = setInterval(() => {
    relay.sweep().catch((err) => console.error('[renkei] retention sweep failed', err));
  }, relay.config.retentionSweepMs);
  timer.unref();
  return {
    url: listener.url,
    port: listener.port,
    seeded: relay.seeded,
    sweep: relay.sweep,
    async close() {
      clearInterval(timer);
      await listener.close();
      await relay.close().catch(() => undefined);
    },
  };
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

export interface Listener {
  url: string;
  port: number;
  /** Stops listening (the relay stays open). */
  close(): Promise<void>;
}

/** Serves the relay's app on config.host:config.port (0: any free port). */
export async function listenRelay(relay: Relay): Promise<Listener> {
  const { config, app } = relay;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: timeouts(config) }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // idle keep-alive connections would hold close() open
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
