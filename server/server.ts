// Puts the relay (server/relay.ts) on an HTTP or HTTPS port, with Node's request time limits, the
// retention timer and a stop that lets requests under way finish (server/drain.ts).
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { drainable, type DrainResult } from './drain';
import { openRelay, type Relay, type RelayOptions } from './relay';
import type { SweepResult } from './retention';

export interface RunningServer {
  url: string;
  port: number;
  /** true when this start filled an empty directory with the demo data */
  seeded: boolean;
  /** offices in the directory at start (0: nobody can log in yet) */
  officeCount: number;
  /** Runs the retention job now (the timer runs it too). */
  sweep(): Promise<SweepResult>;
  /** requests being answered now */
  inFlight(): number;
  /**
   * Stops: no new connection is accepted, the requests under way may finish for up to
   * `drainMs` (default 0: cut at once), then the store closes.
   */
  close(drainMs?: number): Promise<DrainResult>;
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
    officeCount: await relay.deps.store.offices.count(),
    sweep: relay.sweep,
    inFlight: listener.inFlight,
    async close(drainMs = 0) {
      clearInterval(timer);
      const drained = await listener.close(drainMs);
      await relay.close().catch(() => undefined);
      return drained;
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
  /** requests being answered now */
  inFlight(): number;
  /** Stops listening, lets the requests under way finish for up to `drainMs` (default 0), cuts the rest (the relay stays open). */
  close(drainMs?: number): Promise<DrainResult>;
}

/**
 * The certificate and key when config.tls names them, read once at start: a file missing or
 * unreadable stops the start with the variable to fix rather than serving plain HTTP instead.
 */
function tlsOptions(config: Config): { cert: Buffer; key: Buffer } | null {
  if (!config.tls) return null;
  const read = (path: string, variable: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new Error(`cannot read ${variable} (${path}): ${why}`);
    }
  };
  return { cert: read(config.tls.certFile, 'TLS_CERT_FILE'), key: read(config.tls.keyFile, 'TLS_KEY_FILE') };
}

/** Serves the relay's app on config.host:config.port (0: any free port), over HTTPS when config.tls is set. */
export async function listenRelay(relay: Relay): Promise<Listener> {
  const { config, app } = relay;
  const tls = tlsOptions(config);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const common = { fetch: app.fetch, port: config.port, hostname: config.host };
    const s = tls
      ? serve({ ...common, createServer: createHttpsServer, serverOptions: { ...timeouts(config), ...tls } }, () => resolve(s))
      : serve({ ...common, serverOptions: timeouts(config) }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  // both servers serve() makes (node:http, node:https) are http.Servers
  const drain = drainable(server as Server);
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    inFlight: drain.inFlight,
    close: (drainMs = 0) => drain.close(drainMs),
  };
}
