// The audit log in SQLite: append-only from the server's side.
import type { Db } from './connection';
import type { AuditEntry, AuditRecord, AuditRepository } from '../types';

/** The one INSERT, shared with the send transaction (server/db/sqlite/messages.ts). */
export function auditWriter(db: Db): (entry: AuditEntry) => void {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, action, actor, office, target, address, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return (e) => {
    insert.run(new Date().toISOString(), e.action, e.actor ?? null, e.office ?? null, e.target ?? null, e.address ?? null, e.detail ?? null);
  };
}

export function sqliteAudit(db: Db): AuditRepository {
  const write = auditWriter(db);
  const recent = db.prepare<[number], AuditRecord>(
    'SELECT id, at, action, actor, office, target, address, detail FROM audit_log ORDER BY id DESC LIMIT ?',
  );
  return {
    async add(e) {
      write(e);
    },
    async recent(limit) {
      return recent.all(limit);
    },
  };
}
