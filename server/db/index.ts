// Opens the relay's store: PostgreSQL when DATABASE_URL is set, else the SQLite file under
// DATA_DIR. The server, the admin CLI and the tests all open it here.
import type { Config } from '../config';
import { openPostgresStore } from './postgres';
import { openSqliteStore } from './sqlite';
import type { Store } from './types';

export type { Store } from './types';

export async function openStore(config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'>): Promise<Store> {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl, config.databasePoolSize) : openSqliteStore(config.dataDir);
}
