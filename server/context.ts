// What every route gets: the dependencies and the request's session.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { BlobStore } from './blobs/types';
import type { Config } from './config';
import type { SessionRecord, Store } from './db/types';

export interface AppDeps {
  config: Config;
  store: Store;
  blobs: BlobStore;
  now: () => Date;
}

export type AppEnv = {
  Variables: {
    session: SessionRecord | null;
  };
};

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The client's address. Behind `trustedProxies` proxies, each appends the address it was reached
 * from to X-Forwarded-For, so the entries are read from the right: the last one was written by
 * the proxy nearest the relay, and the client's is `trustedProxies` hops from the socket. Entries
 * further left were written by the client itself and prove nothing.
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  const socket = socketAddress(c);
  if (trustedProxies <= 0) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = [...forwarded, socket];
  // fewer entries than proxies (a proxy that does not append): the furthest one known
  return hops[Math.max(0, hops.length - 1 - trustedProxies)] ?? socket;
}

export function isHttps(c: Context, trustedProxies: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  // the nearest proxy's word: it sets the header for the connection it received
  const proto = c.req.header('x-forwarded-proto')?.split(',').at(-1)?.trim();
  return trustedProxies > 0 && proto === 'https';
}
