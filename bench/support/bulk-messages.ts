// Fills a migrated relay database with many messages (one file row each) straight through
// better-sqlite3, in big transactions, matching the columns of server/db/sqlite/migrations.ts
// (the list columns derived as server/db/mailbox-sql.ts derives them).
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { derivedColumns } from '../../server/db/mailbox-sql';

export interface BulkPlan {
  total: number;
  /** of the total, how many 3300000001 sent, and how many it received */
  focusSent: number;
  focusReceived: number;
  focus: string;
  otherOffices: number;
  batchSize: number;
}

export interface BulkResult {
  offices: number;
  messages: number;
  files: number;
  ms: number;
}

const DAY = 86_400_000;
const hex = () => randomBytes(16).toString('hex');

/** Well-formed, distinct numbers in prefecture 13 (the demo offices are in 33 and 08). */
export const otherOffice = (i: number) => `131${String(i).padStart(7, '0')}`;

export function insertBulk(dataDir: string, plan: BulkPlan, now = Date.now()): BulkResult {
  const started = performance.now();
  const db = new Database(join(dataDir, 'renkei.db'));
  // a throwaway bench database: no fsync while loading, a large page cache
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  const createdAt = new Date(now).toISOString();
  const addOffice = db.prepare('INSERT OR IGNORE INTO offices (number, name, kind, created_at, name_key) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < plan.otherOffices; i++) addOffice.run(otherOffice(i), `ベンチ事業所${i}`, '訪問介護', createdAt, `ベンチ事業所${i}`);
  })();

  const addMessage = db.prepare(
    `INSERT INTO messages (id, sender, destination, message, sent_by, sent_at, expires_at, pending_files, first_download_at, kinds, months, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addFile = db.prepare(
    'INSERT INTO message_files (id, message_id, position, name, size, category, sha256, downloaded_at) VALUES (?, ?, 0, ?, ?, ?, ?, ?)',
  );
  const pick = () => otherOffice(Math.floor(Math.random() * plan.otherOffices));
  const route = (n: number): [string, string] => {
    if (n < plan.focusSent) return [plan.focus, pick()];
    if (n < plan.focusSent + plan.focusReceived) return [pick(), plan.focus];
    const sender = pick();
    let destination = pick();
    while (destination === sender) destination = pick();
    return [sender, destination];
  };
  const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

  for (let start = 0; start < plan.total; start += plan.batchSize) {
    const end = Math.min(plan.total, start + plan.batchSize);
    db.transaction(() => {
      for (let n = start; n < end; n++) {
        // spread over the last 29 days so the retention sweep at start deletes nothing
        const sent = now - Math.floor(Math.random() * 29 * DAY);
        const [sender, destination] = route(n);
        const id = hex();
        const seq = new Date(sent).toISOString().replace(/\D/g, '').slice(0, 14);
        const text = n % 3 === 0 ? '' : '今月分の予定を送ります';
        const name = `UPPLAN_202404_${sender}_${destination}_${seq}.csv`;
        const downloaded = n % 2 === 0 ? new Date(sent + DAY).toISOString() : null;
        const derived = derivedColumns(text, [name]);
        addMessage.run(id, sender, destination, text, 'bench', new Date(sent).toISOString(), new Date(sent + 30 * DAY).toISOString(),
          downloaded ? 0 : 1, downloaded, derived.kinds, derived.months, derived.searchText);
        addFile.run(hex(), id, name, 5120, '登録', sha, downloaded);
      }
    })();
  }
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const result = { offices: count('offices'), messages: count('messages'), files: count('message_files'), ms: performance.now() - started };
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return result;
}
