// The same fill as bulk-messages.ts for a migrated PostgreSQL schema, generated inside the
// database (generate_series), matching the columns of server/db/postgres/migrations.ts. Every
// message has one UPPLAN file; every other one is downloaded (済).
import pg from 'pg';
import type { BulkPlan, BulkResult } from './bulk-messages';

export async function insertBulkPostgres(url: string, plan: BulkPlan): Promise<BulkResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    await client.query(
      `INSERT INTO offices (number, name, kind, created_at, name_key)
       SELECT '131' || lpad(i::text, 7, '0'), 'ベンチ事業所' || i, '訪問介護', now(), 'ベンチ事業所' || i
       FROM generate_series(0, $1::int - 1) i ON CONFLICT DO NOTHING`,
      [plan.otherOffices],
    );
    const office = (expr: string) => `'131' || lpad((${expr})::text, 7, '0')`;
    for (let start = 0; start < plan.total; start += plan.batchSize) {
      const end = Math.min(plan.total, start + plan.batchSize);
      await client.query(
        `WITH g AS (
           SELECT n, now() - random() * interval '29 days' AS sent, floor(random() * $3::int)::int AS a,
                  floor(random() * ($3::int - 1))::int + 1 AS step
           FROM generate_series($1::int, $2::int - 1) n
         ), r AS (
           SELECT n, date_trunc('milliseconds', sent) AS sent,
                  CASE WHEN n < $4::int THEN $6::text ELSE ${office('a')} END AS sender,
                  CASE WHEN n < $4::int THEN ${office('a')} WHEN n < $4::int + $5::int THEN $6::text ELSE ${office('(a + step) % $3::int')} END AS destination
           FROM g
         )
         INSERT INTO messages (id, sender, destination, message, sent_by, sent_at, expires_at, pending_files, first_download_at, kinds, months, search_text)
         SELECT md5(n || 'm'), sender, destination, CASE WHEN n % 3 = 0 THEN '' ELSE '今月分の予定を送ります' END, 'bench', sent,
                sent + interval '30 days', CASE WHEN n % 2 = 0 THEN 0 ELSE 1 END,
                CASE WHEN n % 2 = 0 THEN sent + interval '1 day' END, 1, '202404',
                lower(CASE WHEN n % 3 = 0 THEN '' ELSE '今月分の予定を送ります' END || E'\\n' || 'UPPLAN_202404_' || sender || '_' || destination || '_' ||
                  to_char(sent AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISS') || '.csv')
         FROM r`,
        [start, end, plan.otherOffices, plan.focusSent, plan.focusReceived, plan.focus],
      );
    }
    await client.query(
      `INSERT INTO message_files (id, message_id, position, name, size, category, sha256, downloaded_at)
       SELECT md5(id || 'f'), id, 0, 'UPPLAN_202404_' || sender || '_' || destination || '_' || to_char(sent_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISS') || '.csv',
              5120, '登録', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', first_download_at
       FROM messages`,
    );
    // as autovacuum would soon after such a load: the visibility map lets index-only scans skip the heap,
    // and no vacuum starts in the middle of the measurement
    await client.query('VACUUM ANALYZE');
    const count = async (table: string) => Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]!.n);
    return { offices: await count('offices'), messages: await count('messages'), files: await count('message_files'), ms: performance.now() - started };
  } finally {
    await client.end();
  }
}
