// The relay without a listener: storage opened, leftovers of a crash removed, the demo seeded, the
// app built. startServer (server/server.ts) puts it on a port; tests drive it in-process through
// app.request(), which is the same app a socket would reach.
import type { Hono } from 'hono';
import { createApp } from './app';
import { openBlobStore } from './blobs';
import { DiskBlobStore } from './blobs/disk';
import { withDefaults, type Config } from './config';
import type { AppDeps, AppEnv } from './context';
import { openStore } from './db';
import { DiskReserve, MAX_RESERVE_FILE_BYTES, withDiskReserve } from './disk-reserve';
import { seedDemoIfEmpty } from './db/seed';
import { sweepExpired, type SweepResult } from './retention';

export interface RelayOptions extends Partial<Config> {
  now?: () => Date;
}

export interface Relay {
  config: Config;
  deps: AppDeps;
  app: Hono<AppEnv>;
  /** true when this start filled an empty directory with the demo data */
  seeded: boolean;
  /** Runs the retention job now (startServer's timer runs it too). */
  sweep(): Promise<SweepResult>;
  /** Closes the store. */
  close(): Promise<void>;
}

export async function openRelay(options: RelayOptions = {}): Promise<Relay> {
  const { now = () => new Date(), ...partial } = options;
  const config = withDefaults(partial);
  const opened = await openStore(config);
  // the room kept back on DATA_DIR's disk, where the store writes (SQLite); PostgreSQL writes nothing there
  const reserve = opened.contents ? null : new DiskReserve(config.dataDir, Math.min(MAX_RESERVE_FILE_BYTES, config.diskReserveBytes));
  const store = reserve ? withDiskReserve(opened, reserve) : opened;
  try {
    const blobs = openBlobStore(config, store);
    // a login's row that met a full disk: sends are refused from now, not after the cached reading ages
    if (reserve && blobs instanceof DiskBlobStore) reserve.onFull = () => blobs.diskFull();
    await blobs.init(store);
    const seeded = config.seedDemo ? await seedDemoIfEmpty(store) : false;
    const deps: AppDeps = { config, store, blobs, now };
    const sweep = async () => {
      const result = await sweepExpired(store, blobs, now());
      // written back once the operator has made room
      await reserve?.ensure();
      return result;
    };
    await sweep();
    return { config, deps, app: createApp(deps), seeded, sweep, close: () => store.close() };
  } catch (err) {
    await store.close();
    throw err;
  }
}
