// The SQLite implementation of the Store: one file under DATA_DIR, migrated on open.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './connection';
import { migrate } from './migrations';
import type { Store } from '../types';
import { sqliteAudit } from './audit';
import { sqliteOffices, sqliteOfficeUsers, sqlitePeople } from './directory';
import { sqliteLimits } from './limits';
import { sqliteMessages } from './messages';
import { localRunAlone } from './jobs';
import { sqliteSessions } from './sessions';
import { SqliteWriter } from './writer';
import { sqliteContents } from './contents';
import { sendForWorker } from './send-wire';
import type { InsertSendResult, NewSend } from '../types';

export function openSqliteStore(dataDir: string): Store {
  const db = openDatabase(dataDir);
  // A WAL checkpoint runs on the connection whose commit finds the WAL past wal_autocheckpoint
  // pages, inside that commit: copying ~1000 pages into renkei.db and syncing it took 8-20 ms here
  // (several 100 ms with the disk busy). Sends (with small sends' bytes, most of what the WAL
  // holds) commit in the write worker, whose default of 1000 pages checkpoints there, off the event
  // loop. This connection (logins, 済 marks) is answered on the event loop: it checkpoints only
  // as a backstop, when no sends have come for a long while.
  db.pragma('wal_autocheckpoint = 10000');
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  // sends commit on a connection of their own, in a worker thread (started at the first send)
  const sends = new SqliteWriter<NewSend, InsertSendResult>({
    dataDir,
    // beside this module: send-rows.ts from source (tsx), send-rows.mjs compiled (scripts/build-server.mjs)
    module: new URL(`./send-rows${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href,
    builder: 'sendRows',
  }, sendForWorker);
  return {
    offices: sqliteOffices(db),
    people: sqlitePeople(db),
    officeUsers: sqliteOfficeUsers(db),
    sessions: sqliteSessions(db),
    messages: sqliteMessages(db, sends),
    limits: sqliteLimits(db),
    audit: sqliteAudit(db),
    // file contents are on disk, in DATA_DIR/blobs (server/blobs/disk.ts), but for small sends'
    contents: null,
    inlineContents: sqliteContents(db),
    runAlone: localRunAlone(),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      await sends.close();
      db.close();
    },
  };
}
