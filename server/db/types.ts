// The storage interface the routes use, implemented by SQLite (server/db/sqlite) and PostgreSQL
// (server/db/postgres) alike and held to the same behaviour by tests/server/store-conformance.test.ts.
// Every method is async, though better-sqlite3 is not, so callers never care which one they have.
import type { Box, FileCategory, Office } from '../../src/domain/contract';

export interface PersonRecord {
  userId: string;
  name: string;
  passwordHash: string;
}

export interface OfficeUserRecord {
  officeUserId: string;
  officeNumber: string;
  passwordHash: string;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  officeNumber: string | null;
  officeUserId: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface FileRecord {
  id: string;
  position: number;
  name: string;
  size: number;
  category: FileCategory;
  sha256: string;
  downloadedAt: string | null;
}

export interface MessageRecord {
  id: string;
  sender: string;
  destination: string;
  message: string;
  sentBy: string;
  sentAt: string;
  expiresAt: string;
  /** null when the office has since left the directory */
  senderOffice: Office | null;
  destinationOffice: Office | null;
  files: FileRecord[];
}

export interface NewSend {
  message: Omit<MessageRecord, 'senderOffice' | 'destinationOffice' | 'files'>;
  files: Omit<FileRecord, 'downloadedAt'>[];
  idempotency: { key: string; requestHash: string };
  /** written in the same transaction as the message (not when the key already existed) */
  audit?: AuditEntry;
}

export interface IdempotencyRecord {
  messageId: string;
  requestHash: string;
}

export type InsertSendResult = { outcome: 'inserted' } | ({ outcome: 'exists' } & IdempotencyRecord);

export interface AuditEntry {
  action: string;
  actor?: string | null;
  office?: string | null;
  target?: string | null;
  address?: string | null;
  detail?: string | null;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: string;
}

export interface OfficeRepository {
  get(number: string): Promise<Office | null>;
  /** Only those that exist, in the order asked. */
  find(numbers: readonly string[]): Promise<Office[]>;
  list(): Promise<Office[]>;
  upsert(office: Office): Promise<void>;
  /** false when there was no such office */
  remove(number: string): Promise<boolean>;
  count(): Promise<number>;
}

export interface PeopleRepository {
  get(userId: string): Promise<PersonRecord | null>;
  upsert(person: PersonRecord): Promise<void>;
  linkOffice(userId: string, officeNumber: string): Promise<void>;
  isLinked(userId: string, officeNumber: string): Promise<boolean>;
}

export interface OfficeUserRepository {
  get(officeUserId: string): Promise<OfficeUserRecord | null>;
  upsert(user: OfficeUserRecord): Promise<void>;
}

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  get(tokenHash: string): Promise<SessionRecord | null>;
  setOffice(tokenHash: string, officeNumber: string, officeUserId: string): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Ends every session of a person (a lost tablet): returns how many. */
  deleteForUser(userId: string): Promise<number>;
  deleteExpired(nowIso: string): Promise<number>;
}

export interface MessageRepository {
  findIdempotent(officeNumber: string, key: string): Promise<IdempotencyRecord | null>;
  /** Message, files and idempotency key in one transaction; an existing key wins. */
  insertSend(send: NewSend): Promise<InsertSendResult>;
  get(id: string): Promise<MessageRecord | null>;
  list(box: Box, officeNumber: string): Promise<MessageRecord[]>;
  /** Sets downloaded_at the first time; true when this call set it. */
  markDownloaded(messageId: string, fileId: string, atIso: string): Promise<boolean>;
  expiredIds(nowIso: string): Promise<string[]>;
  deleteMany(ids: readonly string[]): Promise<number>;
  existingIds(ids: readonly string[]): Promise<Set<string>>;
}

export interface AuditRepository {
  add(entry: AuditEntry): Promise<void>;
  recent(limit: number): Promise<AuditRecord[]>;
}

export interface Store {
  offices: OfficeRepository;
  people: PeopleRepository;
  officeUsers: OfficeUserRepository;
  sessions: SessionRepository;
  messages: MessageRepository;
  audit: AuditRepository;
  /** Resolves once the database is closed (PostgreSQL: every pooled connection ended). */
  close(): Promise<void>;
}
