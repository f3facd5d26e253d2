// The SQLite implementation of the Store: one file under DATA_DIR, migrated on open.
import { openDatabase } from './connection';
import { migrate } from './migrations';
import type { Store } from '../types';
import { sqliteAudit } from './audit';
import { sqliteOffices, sqliteOfficeUsers, sqlitePeople } from './directory';
import { sqliteLimits } from './limits';
import { sqliteMessages } from './messages';
import { localRunAlone } from './jobs';
import { sqliteSessions } from './sessions';

export function openSqliteStore(dataDir: string): Store {
  const db = openDatabase(dataDir);
  migrate(db);
  return {
    offices: sqliteOffices(db),
    people: sqlitePeople(db),
    officeUsers: sqliteOfficeUsers(db),
    sessions: sqliteSessions(db),
    messages: sqliteMessages(db),
    limits: sqliteLimits(db),
    audit: sqliteAudit(db),
    // file contents are on disk, in DATA_DIR/blobs (server/blobs/disk.ts)
    contents: null,
    runAlone: localRunAlone(),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      db.close();
    },
  };
}
