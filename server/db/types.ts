// The storage interface the routes use, implemented by SQLite (server/db/sqlite) and PostgreSQL
// (server/db/postgres) alike and held to the same behaviour by tests/server/store-conformance.test.ts.
// Every method is async, though better-sqlite3 is not, so callers never care which one they have.
import type { Box, CountsResponse, FileCategory, Office } from '../../src/domain/contract';
import type { ListFilter, ListSort } from '../../src/domain/mailbox';

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
  /** the office was removed from the directory since: the number no longer sees this message */
  senderDetached: boolean;
  destinationDetached: boolean;
  files: FileRecord[];
  /** 送信取消: when the sender withdrew it */
  withdrawnAt: string | null;
}

export interface NewSend {
  message: Omit<MessageRecord, 'senderOffice' | 'destinationOffice' | 'senderDetached' | 'destinationDetached' | 'files' | 'withdrawnAt'>;
  files: Omit<FileRecord, 'downloadedAt'>[];
  idempotency: { key: string; requestHash: string };
  /** written in the same transaction as the message (not when the key already existed) */
  audit?: AuditEntry;
  /**
   * The files' bytes, for a store that keeps them (`Store.contents`, PostgreSQL; SQLite's
   * `inlineContents` for a small send): written in the same transaction as the message, so one
   * commit holds the message and its contents. Absent when the files are already on disk.
   */
  contents?: readonly FileContent[];
}

export interface FileContent {
  fileId: string;
  bytes: Uint8Array;
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

/** Where a page ended: the next one starts after it (sort 'office' also needs the other office). */
export interface KeysetPosition {
  sentAt: string;
  id: string;
  office?: string;
}

export interface PageRequest {
  box: Box;
  /** the office whose box it is */
  office: string;
  /** messages past their retention are left out, though the sweep may not have deleted them yet */
  nowIso: string;
  filter: ListFilter;
  sort: ListSort;
  after: KeysetPosition | null;
  limit: number;
}

export interface MessagePage {
  records: MessageRecord[];
  /** there are more after the last one */
  more: boolean;
}

export type MailboxCounts = CountsResponse;

export type DownloadMark = 'first' | 'again' | 'withdrawn';
export type WithdrawOutcome = 'withdrawn' | 'not-found' | 'already-withdrawn' | 'downloaded';

/** One file of one send as the 送受信記録 keeps it: written with the send, never removed by retention. */
export interface TransferLogRecord {
  messageId: string;
  fileId: string;
  position: number;
  sender: string;
  destination: string;
  /** the offices' names when it was sent */
  senderName: string;
  destinationName: string;
  sentBy: string;
  sentAt: string;
  name: string;
  category: FileCategory;
  size: number;
  sha256: string;
  downloadedAt: string | null;
  withdrawnAt: string | null;
}

export interface OfficeRepository {
  get(number: string): Promise<Office | null>;
  /** The directory by number prefix or part of the name (NFKC, any case), by number, at most `limit`. */
  search(query: string, limit: number): Promise<Office[]>;
  /** Only those that exist, in the order asked. */
  find(numbers: readonly string[]): Promise<Office[]>;
  list(): Promise<Office[]>;
  upsert(office: Office): Promise<void>;
  /** Many at once, in one transaction (an import of thousands holds the write lock once, briefly). */
  upsertMany(offices: readonly Office[]): Promise<void>;
  /**
   * false when there was no such office. Its office users, links and sessions go with it, and its
   * messages are detached from the number: an office later registered under it starts with an
   * empty mailbox.
   */
  remove(number: string): Promise<boolean>;
  count(): Promise<number>;
}

export interface PersonListing {
  userId: string;
  name: string;
  /** linked offices, by number */
  offices: string[];
}

/**
 * Changes that take a right away end the sessions that relied on it, in the same transaction:
 * a new password (every session of the person), an office user moved, given a new password or
 * removed (the sessions logged in with it), a person unlinked from an office (their sessions
 * in that office), a person removed (all of theirs).
 */
export interface PeopleRepository {
  get(userId: string): Promise<PersonRecord | null>;
  /** A changed password ends the person's sessions. */
  upsert(person: PersonRecord): Promise<void>;
  /** Ends every session of the person; false when there is no such person. */
  setPassword(userId: string, passwordHash: string): Promise<boolean>;
  /** false when there was no such person; their links and sessions go with them. */
  remove(userId: string): Promise<boolean>;
  linkOffice(userId: string, officeNumber: string): Promise<void>;
  /** false when they were not linked; ends their sessions in that office. */
  unlinkOffice(userId: string, officeNumber: string): Promise<boolean>;
  isLinked(userId: string, officeNumber: string): Promise<boolean>;
  /** Everyone, by user ID, with their offices (never a password hash). */
  list(): Promise<PersonListing[]>;
}

export interface OfficeUserRepository {
  get(officeUserId: string): Promise<OfficeUserRecord | null>;
  /** A move to another office or a new password ends the sessions logged in with it. */
  upsert(user: OfficeUserRecord): Promise<void>;
  /** false when there was no such office user; ends the sessions logged in with it. */
  remove(officeUserId: string): Promise<boolean>;
  /** Every office user by ID (never a password hash). */
  list(): Promise<Omit<OfficeUserRecord, 'passwordHash'>[]>;
}

export interface SessionRepository {
  /**
   * Starts a session only while the person's password is still `proof.passwordHash`, so a
   * password changed while the login was being checked wins. false when it is not.
   */
  create(session: SessionRecord, proof: { passwordHash: string }): Promise<boolean>;
  get(tokenHash: string): Promise<SessionRecord | null>;
  /**
   * 事業所ユーザログイン: replaces session `oldTokenHash` by `next` (a new token, with the office),
   * only while the office user still belongs to that office with password `proof.passwordHash`
   * and the person is still linked to it. false otherwise, and nothing changed.
   */
  upgradeToOffice(oldTokenHash: string, next: SessionRecord, proof: { passwordHash: string }): Promise<boolean>;
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
  /** One page of a box, newest first unless sorted otherwise (see server/db/mailbox-sql.ts). */
  page(request: PageRequest): Promise<MessagePage>;
  /** Unread and expiring counts of an office (live messages only); `soonIso`: the 保存期限 that counts as soon. */
  counts(officeNumber: string, nowIso: string, soonIso: string): Promise<MailboxCounts>;
  /**
   * Sets downloaded_at the first time ('first'; 'again' after); 'withdrawn' when the message was
   * withdrawn, atomically with 送信取消 so a file is never handed out once withdrawn.
   */
  markDownloaded(messageId: string, fileId: string, atIso: string): Promise<DownloadMark>;
  /** 送信取消 by the sending office, only while none of the files has been downloaded. */
  withdraw(messageId: string, senderOffice: string, atIso: string, by: string): Promise<WithdrawOutcome>;
  /** The 送受信記録 of an office: its files sent or received in [fromIso, toIso), oldest first. */
  records(officeNumber: string, fromIso: string, toIso: string): Promise<TransferLogRecord[]>;
  expiredIds(nowIso: string): Promise<string[]>;
  deleteMany(ids: readonly string[]): Promise<number>;
  existingIds(ids: readonly string[]): Promise<Set<string>>;
}

/** One rate rule: at most `max` attempts under `key` within `windowMs`. */
export interface RateRule {
  key: string;
  max: number;
  windowMs: number;
}

export type RateTake = { ok: true; attempt: string } | { ok: false; retryAfterMs: number };

/**
 * Attempts counted in the database, so the limits hold across every relay process sharing it
 * (login throttling, the office lookup). Counting comes before the work it guards.
 */
export interface RateLimitRepository {
  /**
   * Counts one attempt under every rule's key in one atomic step, unless a key already holds
   * `max` attempts within its window: then nothing is counted, and the answer says how long
   * until one leaves the window.
   */
  take(rules: readonly RateRule[], atIso: string): Promise<RateTake>;
  /** The attempt stops counting (a login that succeeded); every attempt under `clearKeys` goes too. */
  forgive(attempt: string, clearKeys?: readonly string[]): Promise<void>;
  /** Drops attempts at or before `beforeIso`; returns how many. */
  prune(beforeIso: string): Promise<number>;
}

/**
 * File contents kept in the database (PostgreSQL; SQLite for small sends), in chunks: written by insertSend in the send's
 * transaction, deleted with their message (ON DELETE CASCADE), read a chunk at a time.
 */
export interface ChunkReader {
  /** Chunk `seq` (0, 1, …) of a file; null when there is none (the file is gone, or is shorter). */
  chunk(fileId: string, seq: number): Promise<Uint8Array | null>;
}

export interface FileContentRepository extends ChunkReader {
  /** What the whole database takes on disk, in bytes. */
  databaseBytes(): Promise<number>;
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
  limits: RateLimitRepository;
  audit: AuditRepository;
  /** Every send's file contents in the database (PostgreSQL); null where they are kept on disk (SQLite). */
  contents: FileContentRepository | null;
  /**
   * SQLite: small sends' contents, committed with their rows (server/blobs/disk.ts decides which
   * sends; the others' are on disk). Null where `contents` holds them all (PostgreSQL).
   */
  inlineContents: ChunkReader | null;
  /**
   * Runs `work` unless the same job is running now, in this process or (PostgreSQL, by an advisory
   * lock) in any other on the same database; null when it was skipped for that reason.
   */
  runAlone<T>(job: string, work: () => Promise<T>): Promise<T | null>;
  /** One trivial query: throws when the database cannot answer (readiness checks). */
  ping(): Promise<void>;
  /** Resolves once the database is closed (PostgreSQL: every pooled connection ended). */
  close(): Promise<void>;
}
