// The audit log in SQLite: append-only from the server's side.
import type { Db } from '../connection';
import type { AuditRecord, AuditRepository } from '../types';

export function sqliteAudit(db: Db): AuditRepository {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, action, actor, office, target, address, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    async add(e) {
      insert.run(new Date().toISOString(), e.action, e.actor ?? null, e.office ?? null, e.target ?? null, e.address ?? null, e.detail ?? null);
    },
    async recent(limit) {
      return db
        .prepare<[number], AuditRecord>(
          'SELECT id, at, action, actor, office, target, address, detail FROM audit_log ORDER BY id DESC LIMIT ?',
        )
        .all(limit);
    },
  };
}
