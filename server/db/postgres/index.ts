// The PostgreSQL implementation of the Store (DATABASE_URL): for many offices and several server
// processes. File contents stay in DATA_DIR/blobs, which every process must share (see README).
import type { Store } from '../types';
import { pgAudit } from './audit';
import { pgOffices, pgOfficeUsers, pgPeople } from './directory';
import { pgLimits } from './limits';
import { pgMessages } from './messages';
import { migrate } from './migrations';
import { createPool } from './pool';
import { pgSessions } from './sessions';

export async function openPostgresStore(databaseUrl: string, poolSize = 10): Promise<Store> {
  const pool = createPool(databaseUrl, poolSize);
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    offices: pgOffices(pool),
    people: pgPeople(pool),
    officeUsers: pgOfficeUsers(pool),
    sessions: pgSessions(pool),
    messages: pgMessages(pool),
    limits: pgLimits(pool),
    audit: pgAudit(pool),
    close: () => pool.end(),
  };
}
