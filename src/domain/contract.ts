// The HTTP API contract shared by the client, the service worker and the server.
// Every request body and every response is parsed with these schemas at the edge. Written with
// zod's mini build (same parser, functional checks): the page and the service worker only read
// these shapes, and the full library would triple the service worker and the first load. What
// needs no zod (addresses, headers, lists of values) is in ./api; the first screens and the service
// worker read their answers with ./answers, checked against these schemas by the tests.
import { z } from 'zod/mini';
import { DOWNLOAD_STATUSES, ERROR_CODES, FILE_CATEGORIES, LOGIN_MESSAGES, LOGIN_RULES } from './api';

export { API, CSRF_HEADER, CSRF_VALUE, IDEMPOTENCY_HEADER, loginNeededFor, type ErrorCode } from './api';

/** 介護保険事業所番号: 都道府県(2) 区分(1: 0,7,8,9,A) 郡市区(2) 番号(4) check(1). */
export const officeNumberSchema = z.string().check(z.regex(/^\d{2}[0-9A]\d{7}$/, '事業所番号は10桁で入力してください'));
export type OfficeNumber = z.infer<typeof officeNumberSchema>;

/** 事業所ユーザID: the 電子請求受付システム ID, "KJ" + 12 digits. */
export const officeUserIdSchema = z.string().check(z.regex(LOGIN_RULES.officeUserId, LOGIN_MESSAGES.officeUserId));

export const MAX_MESSAGE_CHARS = 2000;
export const MAX_SEND_BYTES = 10 * 1024 * 1024;
export const MAX_BATCH_DESTINATIONS = 50;
/** Files per send: the largest send unit (サービス利用票 with its 別表 and 補足) and PDFs to spare. */
export const MAX_SEND_FILES = 100;
const loginPasswordSchema = z
  .string()
  .check(z.minLength(1, LOGIN_MESSAGES.passwordMissing), z.maxLength(LOGIN_RULES.passwordMaxChars, LOGIN_MESSAGES.passwordTooLong));

export const loginRequestSchema = z.object({
  userId: z
    .string()
    .check(z.trim(), z.minLength(1, LOGIN_MESSAGES.userIdMissing), z.maxLength(LOGIN_RULES.userIdMaxChars, LOGIN_MESSAGES.userIdTooLong)),
  password: loginPasswordSchema,
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const officeLoginRequestSchema = z.object({
  officeUserId: officeUserIdSchema,
  password: loginPasswordSchema,
});
export type OfficeLoginRequest = z.infer<typeof officeLoginRequestSchema>;

export const MIN_PASSWORD_CHARS = 8;
export const passwordChangeRequestSchema = z.object({
  currentPassword: z.string().check(z.minLength(1, '現在のパスワードを入力してください'), z.maxLength(200, 'パスワードが長すぎます')),
  newPassword: z.string().check(
    z.minLength(MIN_PASSWORD_CHARS, `新しいパスワードは${MIN_PASSWORD_CHARS}文字以上にしてください`),
    z.maxLength(200, '新しいパスワードは200文字以内にしてください'),
  ),
});
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequestSchema>;

/** `session`: end only this session (a logout queued offline must not end a newer login). */
export const logoutRequestSchema = z.object({ session: z.optional(z.string().check(z.maxLength(64))) });
export type LogoutRequest = z.infer<typeof logoutRequestSchema>;

export const officeSchema = z.object({
  number: z.string(),
  name: z.string(),
  /** e.g. 居宅介護支援, 訪問介護 */
  kind: z.string(),
});
export type Office = z.infer<typeof officeSchema>;

export const userSchema = z.object({ id: z.string(), name: z.string() });

export const sessionInfoSchema = z.object({
  user: userSchema,
  /** null until the 事業所ユーザログイン of this session */
  office: z.nullable(officeSchema),
  /** names this session (not its secret): a logout made offline ends exactly this one later */
  sessionId: z.optional(z.string()),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const officeLookupResponseSchema = z.object({ offices: z.array(officeSchema) });
export type OfficeLookupResponse = z.infer<typeof officeLookupResponseSchema>;

export const fileCategorySchema = z.enum(FILE_CATEGORIES);
export type FileCategory = z.infer<typeof fileCategorySchema>;

export const storedFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.int().check(z.nonnegative()),
  category: fileCategorySchema,
  sha256: z.string(),
  downloadedAt: z.nullable(z.string()),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

export const downloadStatusSchema = z.enum(DOWNLOAD_STATUSES);

export const messageSummarySchema = z.object({
  id: z.string(),
  /** ISO 8601 */
  sentAt: z.string(),
  sender: officeSchema,
  destination: officeSchema,
  message: z.string(),
  files: z.array(storedFileSchema),
  /** 済 once the receiving office has downloaded every file. */
  downloadStatus: downloadStatusSchema,
  downloadedAt: z.nullable(z.string()),
  /** ISO 8601: when the relay deletes the message and its files. */
  expiresAt: z.string(),
  /** ISO 8601: when the sender withdrew it (送信取消); the receiver then sees neither files nor text. */
  withdrawnAt: z.nullable(z.string()),
});
export type MessageSummary = z.infer<typeof messageSummarySchema>;

export const messageListResponseSchema = z.object({
  messages: z.array(messageSummarySchema),
  /** the cursor of the next page (もっと見る); null on the last one */
  next: z.nullable(z.string()),
});
export type MessageListResponse = z.infer<typeof messageListResponseSchema>;

export const boxSchema = z.enum(['sent', 'received']);
export type Box = z.infer<typeof boxSchema>;

/** The multipart field "meta" of POST /api/messages (files go in repeated "files" parts). */
export const sendMetaSchema = z.object({
  /** The office the send was composed as. A queued send must never leave under another
   * office's login (a shared tablet, a re-login), so the server refuses a mismatch. */
  sender: z.optional(officeNumberSchema),
  /** The person who queued it (個人ID): it leaves only under that person's login, never another's. */
  sentBy: z.optional(z.string().check(z.maxLength(64))),
  destination: officeNumberSchema,
  message: z.string().check(z.maxLength(MAX_MESSAGE_CHARS, `メッセージは${MAX_MESSAGE_CHARS}文字以内で入力してください`)),
});
export type SendMeta = z.infer<typeof sendMetaSchema>;

export const sendResponseSchema = z.object({
  message: messageSummarySchema,
  /** true when this idempotency key had already been delivered: nothing new was stored. */
  duplicate: z.boolean(),
});
export type SendResponse = z.infer<typeof sendResponseSchema>;

export const errorCodeSchema = z.enum(ERROR_CODES);

export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    /** Japanese, shown to the user as is. */
    message: z.string(),
    /** Per-file or per-field problems, when there are several. */
    details: z.optional(z.array(z.string())),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

// One response schema per endpoint: what the relay sends, and all the client accepts.
export const loginResponseSchema = sessionInfoSchema;
export const officeLoginResponseSchema = sessionInfoSchema;
export const sessionResponseSchema = sessionInfoSchema;
export const logoutResponseSchema = z.object({ ok: z.literal(true) });
export const passwordChangeResponseSchema = sessionInfoSchema;
export type LogoutResponse = z.infer<typeof logoutResponseSchema>;
export const logoutEverywhereResponseSchema = z.object({ ok: z.literal(true), ended: z.int().check(z.nonnegative()) });
export type LogoutEverywhereResponse = z.infer<typeof logoutEverywhereResponseSchema>;
export const messageDetailResponseSchema = messageSummarySchema;
export const healthResponseSchema = z.object({ ok: z.literal(true) });

/** GET /api/messages/counts: cheap enough to ask every minute. */
export const countsResponseSchema = z.object({
  /** received and still 未 (not withdrawn) */
  unread: z.int().check(z.nonnegative()),
  /** of those, deleted by retention within 7 days */
  expiringReceived: z.int().check(z.nonnegative()),
  /** sent, still 未 at the receiver, deleted within 7 days */
  expiringSent: z.int().check(z.nonnegative()),
  /** when the newest unread message was sent (a notification names new arrivals by it) */
  newestUnreadAt: z.nullable(z.string()),
});
export type CountsResponse = z.infer<typeof countsResponseSchema>;

export const withdrawResponseSchema = messageSummarySchema;
export const markDownloadedResponseSchema = messageSummarySchema;
export const officeSearchResponseSchema = officeLookupResponseSchema;
export const MAX_OFFICE_SEARCH_RESULTS = 20;

/** One file of one message in a month's 送受信記録 (kept after the message itself is deleted). */
export const transferRecordSchema = z.object({
  direction: boxSchema,
  messageId: z.string(),
  sentAt: z.string(),
  /** the person who sent it: only in the sender's own record */
  sentBy: z.nullable(z.string()),
  /** the other office, named as the directory had it when the message was sent */
  office: officeSchema,
  /** empty in the receiver's record of a withdrawn message */
  fileName: z.string(),
  category: z.nullable(fileCategorySchema),
  size: z.nullable(z.int().check(z.nonnegative())),
  sha256: z.nullable(z.string()),
  downloadedAt: z.nullable(z.string()),
  withdrawnAt: z.nullable(z.string()),
});
export type TransferRecord = z.infer<typeof transferRecordSchema>;
export const recordsResponseSchema = z.object({ month: z.string(), records: z.array(transferRecordSchema) });
export type RecordsResponse = z.infer<typeof recordsResponseSchema>;
