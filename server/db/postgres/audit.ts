// The audit log in PostgreSQL: append-only from the server's side.
import type { AuditEntry, AuditRecord, AuditRepository } from '../types';
import { iso, type Pool, type PoolClient } from './pool';

const INSERT = 'INSERT INTO audit_log (at, action, actor, office, target, address, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)';

/** The one INSERT, shared with the send transaction (./messages.ts). */
export async function writeAudit(db: Pool | PoolClient, e: AuditEntry): Promise<void> {
  await db.query(INSERT, [new Date().toISOString(), e.action, e.actor ?? null, e.office ?? null, e.target ?? null, e.address ?? null, e.detail ?? null]);
}

interface AuditRow extends Omit<AuditRecord, 'id' | 'at'> {
  id: string;
  at: Date;
}

export function pgAudit(pool: Pool): AuditRepository {
  return {
    async add(e) {
      await writeAudit(pool, e);
    },
    async recent(limit) {
      const { rows } = await pool.query<AuditRow>(
        'SELECT id, at, action, actor, office, target, address, detail FROM audit_log ORDER BY id DESC LIMIT $1',
        [limit],
      );
      // bigint arrives as a string; an audit log will not pass 2^53 rows
      return rows.map((r) => ({ ...r, id: Number(r.id), at: iso(r.at) }));
    },
  };
}
