// The connection pool and the small helpers every PostgreSQL repository shares.
import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export function createPool(connectionString: string, max: number): Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: 'renkei' });
  // an idle connection dropped by the server (restart, failover) must not take the process down;
  // the pool replaces it on the next checkout
  pool.on('error', (err) => console.error('[renkei] idle PostgreSQL connection failed:', err.message));
  return pool;
}

/** timestamptz comes back as a Date; the interfaces speak ISO strings like the SQLite store. */
export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** Runs `work` in one transaction on one pooled connection; anything thrown rolls it back. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((e: Error) => {
      // a connection that cannot even roll back is destroyed rather than handed to the next caller
      broken = e;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
