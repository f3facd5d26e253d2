// Opens the database (src/db/schema.ts) at its current version, upgrading an older one
// (src/db/upgrades.ts). Other modules only read and write through openRenkeiDb(). The upgrade
// steps (and the file-name rules they use) load only when a database is older than this code:
// almost every open finds it current, and the first screen does not download them.
//
// Only the page upgrades (src/db/page-upgrades.ts says where the steps are). The service worker
// never does, so its script carries none of them: a worker newer than the database (a new version
// activated, its page not yet reloaded) finds DatabaseOutdated, leaves the outbox as it is, and the
// page upgrades and sends it when it opens. An old page beside a new worker is never upgraded
// under it either.
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type RenkeiDb } from './schema';

export { DB_NAME, DB_VERSION } from './schema';

let opening: Promise<IDBPDatabase<RenkeiDb>> | undefined;

type Upgrades = typeof import('./upgrades');
let loadUpgrades: (() => Promise<Upgrades>) | null = null;

/** Called once by the page, before anything opens the database: where the upgrade steps are (null: nowhere, as in the service worker). */
export function ownUpgrades(load: (() => Promise<Upgrades>) | null): void {
  loadUpgrades = load;
}

/** The database is older than this code, and this context (the service worker) does not upgrade it. */
export class DatabaseOutdated extends Error {
  constructor() {
    super('この端末のデータは、アプリの画面を開いたときに新しい形式へ更新されます');
    this.name = 'DatabaseOutdated';
  }
}

/**
 * The database is newer than this code: a newer version of the app, in another tab or after an
 * update, upgraded it under this page. Nothing can be kept or sent here until the page reloads
 * into that version, and 「もう一度お試しください」 would never work: say so.
 */
export class DatabaseNewer extends Error {
  constructor() {
    super('アプリが新しい版に更新されたため、この画面では保存も送信もできません。画面を再読み込みしてください(保存していない入力は、再読み込みの前に控えてください)');
    this.name = 'DatabaseNewer';
  }
}

/** One open; without the steps, an open that needs them is given up (aborted, nothing changed). */
function openWith(steps: Upgrades | null): { db: Promise<IDBPDatabase<RenkeiDb>>; neededSteps: () => boolean } {
  let needed = false;
  const db = openDB<RenkeiDb>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      if (!steps) {
        needed = true;
        transaction.done.catch(() => undefined); // the abort is the point: nobody awaits it
        transaction.abort();
        return;
      }
      // requests on the versionchange transaction keep it open; a failed step aborts it, and the open fails
      steps.upgrade(database, oldVersion, transaction).catch((error: unknown) => {
        console.error('データベースを更新できませんでした', error);
        transaction.abort();
      });
    },
    blocking() {
      // A newer tab or worker wants to upgrade: let it, and reopen on the next call.
      void opening?.then((current) => current.close());
      opening = undefined;
    },
    terminated() {
      opening = undefined;
    },
  });
  return { db, neededSteps: () => needed };
}

async function open(): Promise<IDBPDatabase<RenkeiDb>> {
  const first = openWith(null);
  try {
    return await first.db;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'VersionError') throw new DatabaseNewer();
    if (!first.neededSteps()) throw error;
  }
  if (!loadUpgrades) throw new DatabaseOutdated();
  return openWith(await loadUpgrades()).db;
}

export function openRenkeiDb(): Promise<IDBPDatabase<RenkeiDb>> {
  opening ??= open().catch((error: unknown) => {
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
