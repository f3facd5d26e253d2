// What every route gets: the dependencies and the request's session.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { BlobStore } from './blobs';
import type { Config } from './config';
import type { SessionRecord, Store } from './db/types';
import type { LoginThrottle } from './auth/throttle';

export interface AppDeps {
  config: Config;
  store: Store;
  blobs: BlobStore;
  throttle: LoginThrottle;
  now: () => Date;
}

export type AppEnv = {
  Variables: {
    session: SessionRecord | null;
  };
};

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto') === 'https';
}
