// The check copy-to-postgres makes before it commits, inside the copy's own transaction: as many
// rows in every table as were read, and every file's bytes read back from file_chunks, hashed by
// PostgreSQL, equal to the SHA-256 recorded when the relay received the file.
import type { ClientBase } from 'pg';
import type { AdminIo } from './commands';

export class CopyError extends Error {}

export interface CopyReport {
  /** rows copied per table */
  rows: Record<string, number>;
  files: number;
  bytes: number;
}

/** Files hashed per query; each one is put together alone (LATERAL), so memory stays at one file. */
const FILES_PER_QUERY = 100;

interface Checked {
  id: string;
  recorded: string;
  size: number;
  actual: string | null;
  stored: string;
}

export async function verifyCopy(client: ClientBase, report: CopyReport, io: AdminIo): Promise<void> {
  for (const [table, expected] of Object.entries(report.rows)) {
    const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*)::text AS n FROM ${table}`);
    const actual = Number(rows[0]?.n);
    if (actual !== expected) throw new CopyError(`検証に失敗しました: ${table} はコピー元 ${expected}件、コピー先 ${actual}件です`);
  }
  let checked = 0;
  let after = '';
  for (;;) {
    const { rows } = await client.query<Checked>(
      `SELECT f.id, f.sha256 AS recorded, f.size, x.actual, x.stored::text AS stored
       FROM message_files f
       CROSS JOIN LATERAL (
         SELECT encode(sha256(string_agg(c.data, ''::bytea ORDER BY c.seq)), 'hex') AS actual, COALESCE(SUM(length(c.data)), 0) AS stored
         FROM file_chunks c WHERE c.file_id = f.id
       ) x
       WHERE f.id > $1 ORDER BY f.id LIMIT $2`,
      [after, FILES_PER_QUERY],
    );
    for (const r of rows) {
      if (r.actual !== r.recorded || Number(r.stored) !== r.size) {
        throw new CopyError(`検証に失敗しました: ファイル ${r.id} の内容がコピー先で一致しません`);
      }
    }
    checked += rows.length;
    if (rows.length < FILES_PER_QUERY) break;
    after = rows[rows.length - 1]!.id;
  }
  if (checked !== report.files) throw new CopyError(`検証に失敗しました: ファイルはコピー元 ${report.files}件、コピー先 ${checked}件です`);
  io.out(`検証しました: 各表の件数が一致し、ファイル ${checked}件の SHA-256 が受信時の記録と一致しました`);
}
