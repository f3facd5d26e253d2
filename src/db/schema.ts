// The one IndexedDB database of the client, every store typed. A change to what a store keeps is
// a new version with an upgrade step (src/db/upgrades.ts); tests/unit/db-shapes.test.ts fails
// when what is written changes without one.
import type { DBSchema } from 'idb';
import type { BatchRow } from '../domain/batch';
import type { Box, MessageSummary } from '../domain/contract';
import type { KeptUsageFile } from '../domain/reconcile';
import type { OutboxItem, SentRecord } from '../outbox/types';
import type { ComposeAutosave, ComposeAutosaveFiles, Draft, KeptFile } from './types';

export const DB_NAME = 'renkei';
/** The number of upgrade steps in src/db/upgrades.ts (which checks it): a new step raises it by one. */
export const DB_VERSION = 6;

/** The person (個人ID) and office (事業所番号) a record belongs to (src/db/owner.ts). */
export interface Owner {
  userId: string;
  office: string;
}

/** Who is signed in on this device; office null before the 事業所ユーザログイン. */
export interface SignedIn {
  userId: string;
  office: string | null;
}

/**
 * A message of 送信一覧 / 受信一覧 as last seen from the relay, so the lists open, filter and page
 * offline. One record per owner, box and message.
 */
export interface CachedMessage {
  /** ownerBox + '|' + message id */
  key: string;
  /** userId|office|box: the index every read goes through */
  ownerBox: string;
  owner: Owner;
  box: Box;
  message: MessageSummary;
  /** when the relay last answered with it (ms) */
  seenAt: number;
}

/** A person's choices for one office on this device. */
export interface OwnerPrefs {
  owner: Owner;
  /** 保存先フォルダ (File System Access API, Chromium): where received files are written */
  folder?: FileSystemDirectoryHandle;
  /** 新着の通知: turned on with a button, never asked on load */
  notify: boolean;
  /** sentAt of the newest arrival already notified, so one arrival is announced once */
  notifiedUpTo?: string;
}

/** What this device remembers besides the stores' records: one record under SETTINGS_KEY. */
export interface Settings {
  /** a flush met 401/403: nothing is sent until the user has logged in again */
  outboxPausedForLogin: boolean;
  /** who is signed in: the owner whose records are shown and sent (null after a logout) */
  signedIn: SignedIn | null;
  /**
   * A logout the relay has not heard of yet (made offline): the session it ends (its sessionId,
   * or null for a session that had none), sent as soon as the network is back.
   */
  pendingLogout: { session: string | null } | null;
}
export const SETTINGS_KEY = 'settings';
export const DEFAULT_SETTINGS: Settings = { outboxPausedForLogin: false, signedIn: null, pendingLogout: null };

/**
 * A 一括送信 row as kept. Its status is not kept: it is read from the outbox each time
 * (src/db/batch-status.ts); `outboxId` names the row's current send, and goes when the row changes.
 */
export type BatchRecord = Omit<BatchRow<KeptFile>, 'status' | 'reason'> & { owner: Owner };

/** Every owned store has this index on [owner.userId, owner.office]. */
type ByOwner = { owner: [string, string] };

/**
 * One 予定 / 実績 file kept for 予定 ⇄ 実績 (src/db/usage.ts): its people and their parsed rows,
 * not the file, so the comparison works offline and after the relay's copy is gone.
 */
export interface UsageRecord extends KeptUsageFile {
  id: string;
  owner: Owner;
  /** a 予定 sent from this device: its outbox item, by which the confirmation finds it */
  outboxId?: string;
  keptAt: number;
}

export interface RenkeiDb extends DBSchema {
  drafts: { key: string; value: Draft; indexes: ByOwner };
  outbox: { key: string; value: OutboxItem; indexes: ByOwner };
  sent: { key: string; value: SentRecord; indexes: ByOwner };
  /** one record per owner, box and message (src/db/cache.ts) */
  lists: { key: string; value: CachedMessage; indexes: ByOwner & { byOwnerBox: string } };
  /** keyed [userId, office]: a person's choices for one office (src/db/prefs.ts) */
  prefs: { key: [string, string]; value: OwnerPrefs };
  settings: { key: typeof SETTINGS_KEY; value: Settings };
  batch: { key: string; value: BatchRecord; indexes: ByOwner };
  usage: {
    key: string;
    value: UsageRecord;
    indexes: { byOwnerMonth: [string, string, string]; byMessage: string; byOutbox: string };
  };
  autosave: { key: string; value: ComposeAutosave; indexes: ByOwner };
  autosaveFiles: { key: string; value: ComposeAutosaveFiles; indexes: ByOwner };
}
