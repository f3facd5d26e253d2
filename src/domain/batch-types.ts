// The shapes of 一括送信's rows and what the rules are given (kept apart from the rules in
// batch.ts so each file has one job).
import type { FileCategory } from './contract';
import type { ContentCheck } from './batch-content';

export type BatchStatus = '未送信' | '送信待ち' | '送信中' | '成功' | '失敗';

/** What the rules need to know about a file: its name, size and first bytes (magic check). */
export interface BatchFileInput {
  name: string;
  size: number;
  head: Uint8Array;
  /**
   * The CSV spec check of the file's content (validateCsv), made by whoever read the bytes.
   * Absent for PDF等 and for files never read; then only the name rules apply.
   */
  contentCheck?: ContentCheck;
}

export interface BatchRowFile<P> extends BatchFileInput {
  category: FileCategory;
  payload: P;
}

export interface BatchRow<P> {
  id: string;
  /** null on a row that holds one file whose name could not be read */
  destination: string | null;
  /** destination + send unit; rows with the same key merge. null on problem rows of unreadable names */
  groupKey: string | null;
  files: BatchRowFile<P>[];
  message: string;
  /** ファイル出力日時, e.g. 2022/10/01 12:34:56 (several joined when the 連番 differ) */
  sequenceDisplay: string;
  /** ファイル種別 present in the row, in 登録, 削除, PDF等 order */
  categories: FileCategory[];
  /** blocking problems, in Japanese; a row with problems cannot be sent */
  problems: string[];
  /** shown but not blocking (bad check digit) */
  warnings: string[];
  /** 送信先事業所名称: undefined until looked up, null when the directory does not know it */
  officeName?: string | null;
  /** the destination's kind in the directory (e.g. 訪問介護), for the direction rule of old-form names */
  officeKind?: string | null;
  status: BatchStatus;
  /** why the last send failed or waits */
  reason: string | null;
  /** the outbox item (and idempotency key) of the current or last send */
  outboxId?: string;
  addedAt: number;
}

/**
 * The office logged in (送信元): its number, or the office with its directory kind (which the
 * direction rule reads for old-form names); null before the 事業所ユーザログイン.
 */
export type BatchSender = string | { number: string; kind?: string | null } | null;

export function senderNumberOf(sender: BatchSender): string | null {
  return typeof sender === 'string' || sender === null ? sender : sender.number;
}

export function senderKindOf(sender: BatchSender): string | null {
  return typeof sender === 'object' && sender !== null ? sender.kind ?? null : null;
}

/** The directory's answer for one office: its name (and kind), or null when it is not listed. */
export type DirectoryAnswer = string | { name: string; kind?: string | null } | null;

export interface BatchContext {
  sender: BatchSender;
  newId: () => string;
  now: number;
  /**
   * New checks of files already listed, by row id and file name: the checks across the files of
   * a row change when a drop adds files to it (batch-checks.ts plans them). Put on the rows the
   * drop touches.
   */
  rechecked?: ReadonlyMap<string, ReadonlyMap<string, ContentCheck>>;
}

export interface AddFilesResult<P> {
  rows: BatchRow<P>[];
  /** names of the files left out because they would make a 51st destination */
  refused: string[];
  /** the message to show when something was refused */
  refusal: string | null;
}
