// Opens the database (src/db/schema.ts) at its current version, upgrading an older one
// (src/db/upgrades.ts). Other modules only read and write through openRenkeiDb().
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, type RenkeiDb } from './schema';
import { DB_VERSION, upgrade } from './upgrades';

export { DB_NAME } from './schema';
export { DB_VERSION } from './upgrades';

let opening: Promise<IDBPDatabase<RenkeiDb>> | undefined;

export function openRenkeiDb(): Promise<IDBPDatabase<RenkeiDb>> {
  opening ??= openDB<RenkeiDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      // requests on the versionchange transaction keep it open; a failed step aborts it, and the open fails
      upgrade(db, oldVersion, transaction).catch((error: unknown) => {
        console.error('データベースを更新できませんでした', error);
        transaction.abort();
      });
    },
    blocking() {
      // A newer tab or worker wants to upgrade: let it, and reopen on the next call.
      void opening?.then((db) => db.close());
      opening = undefined;
    },
    terminated() {
      opening = undefined;
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Tests delete the database between cases; the cached connection must go with it. */
export async function closeRenkeiDb(): Promise<void> {
  const current = opening;
  opening = undefined;
  if (current) (await current.catch(() => undefined))?.close();
}
