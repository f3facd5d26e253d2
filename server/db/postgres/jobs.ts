// Jobs that one process at a time may run (the retention sweep): a session advisory lock, tried
// on a connection of its own (not the pool's, so the job's own queries never wait for it), and
// released by closing that connection, which also happens when the process dies.
import pg from 'pg';

/** First half of the advisory lock key ("RKJB"); the second is the schema and the job's name. */
const JOB_LOCK = 0x52_4b_4a_42;

export function pgRunAlone(databaseUrl: string): <T>(job: string, work: () => Promise<T>) => Promise<T | null> {
  return async (job, work) => {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'renkei-job' });
    // a dropped lock connection ends in client.end() below; it must not take the process down first
    client.on('error', (err) => console.error(`[renkei] ${job}: lock connection failed:`, err.message));
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock($1, hashtext(COALESCE(current_schema(), '') || ':' || $2)) AS locked",
        [JOB_LOCK, job],
      );
      if (!rows[0]?.locked) return null;
      return await work();
    } finally {
      await client.end().catch(() => undefined);
    }
  };
}
