// The PostgreSQL implementation of the Store (DATABASE_URL): for many offices and several server
// processes. Everything lives in the database, file contents too (./contents.ts): a process keeps
// nothing of its own, so any process serves any request and one can be added or killed at any time.
import type { Store } from '../types';
import { pgAudit } from './audit';
import { pgContents } from './contents';
import { pgOffices, pgOfficeUsers, pgPeople } from './directory';
import { pgRunAlone } from './jobs';
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
    contents: pgContents(pool),
    inlineContents: null,
    runAlone: pgRunAlone(databaseUrl),
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}
