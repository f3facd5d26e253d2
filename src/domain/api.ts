// The relay's HTTP API apart from its zod schemas (src/domain/contract.ts builds them from what is
// here): addresses, headers, the closed lists of values, the login forms' rules. The first screens
// and the service worker import this, never zod (src/domain/answers.ts reads their answers).

/** Mutating requests must carry this header: a cross-site form or fetch cannot set it without a CORS preflight the server never grants. */
export const CSRF_HEADER = 'x-renkei-client';
export const CSRF_VALUE = '1';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * zod 4's z.uuid() pattern (zod/v4/core/regexes.js `uuid()`), which the relay checks
 * IDEMPOTENCY_HEADER with: an RFC 9562 UUID of version 1–8 and variant 10xx, or the nil or max
 * UUID. Spelled out here so the first screens and the service worker stay free of zod;
 * tests/unit/send-id.test.ts holds the two equal.
 */
const RELAY_UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

/**
 * A send's id as the relay takes it in IDEMPOTENCY_HEADER (server/routes/send.ts): exactly what
 * it accepts, so an id it would refuse is never sent (src/db/ids.ts makes v4 UUIDs). Anything
 * else cannot go, and one that is not ASCII cannot even be put in a header (fetch throws, which
 * reads as 「接続できませんでした」 for ever).
 */
export function isSendId(id: string): boolean {
  return RELAY_UUID.test(id);
}

/** ファイル種別 as the manual lists it. */
export const FILE_CATEGORIES = ['登録', '削除', 'PDF等'] as const;
export const DOWNLOAD_STATUSES = ['未', '済'] as const;

/** Every error code the relay answers with, in {error:{code}}: the client decides on these, never on message text. */
export const ERROR_CODES = [
  'bad-request',
  'csrf',
  'unauthorized',
  'bad-credentials',
  'throttled',
  'office-login-required',
  'office-not-linked',
  'not-found',
  'too-large',
  'invalid-send',
  'invalid-csv',
  'wrong-office',
  'wrong-person',
  'idempotency-conflict',
  'storage-full',
  'already-downloaded',
  'withdrawn',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Which login a refusal asks for, the same for every screen and for the outbox: 401 means the
 * person's session is gone, 403 'office-login-required' that the 事業所ユーザログイン is missing.
 */
export function loginNeededFor(status: number, code: ErrorCode | null): 'person' | 'office' | null {
  if (status === 401) return 'person';
  if (status === 403 && code === 'office-login-required') return 'office';
  return null;
}

/** The login forms' rules and messages: the relay's schemas and the forms' own checks (src/domain/login-forms.ts) share them. */
export const LOGIN_RULES = {
  userIdMaxChars: 64,
  passwordMaxChars: 200,
  /** 事業所ユーザID: the 電子請求受付システム ID, "KJ" + 12 digits */
  officeUserId: /^KJ\d{12}$/,
} as const;
export const LOGIN_MESSAGES = {
  userIdMissing: 'ユーザIDを入力してください',
  userIdTooLong: 'ユーザIDが長すぎます',
  passwordMissing: 'パスワードを入力してください',
  passwordTooLong: 'パスワードが長すぎます',
  officeUserId: '事業所ユーザIDは「KJ」に続く12桁の数字(14文字)で入力してください',
} as const;

export const API = {
  login: '/api/auth/login',
  officeLogin: '/api/auth/office-login',
  logout: '/api/auth/logout',
  /** the person's own password (current one required) */
  password: '/api/auth/password',
  /** ends every session of the person, on every device */
  logoutEverywhere: '/api/auth/logout-everywhere',
  session: '/api/session',
  /** answers { ok: true } to anyone: whether the relay can be reached */
  health: '/api/health',
  /** GET ?number=…&number=… */
  offices: '/api/offices',
  /** POST multipart; GET ?box=sent|received */
  messages: '/api/messages',
  message: (id: string) => `/api/messages/${encodeURIComponent(id)}`,
  /** GET: unread and expiring counts */
  counts: '/api/messages/counts',
  /** POST {fileIds}: marks files the receiver fetched with ?mark=later once they are written */
  downloaded: (id: string) => `/api/messages/${encodeURIComponent(id)}/downloaded`,
  /** POST: 送信取消 */
  withdraw: (id: string) => `/api/messages/${encodeURIComponent(id)}/withdraw`,
  /** GET ?q=: the directory by name or number prefix */
  officeSearch: '/api/offices/search',
  /** GET ?month=YYYYMM: 送受信記録 (JSON); records.csv the same as CSV */
  records: '/api/records',
  recordsCsv: '/api/records.csv',
  file: (id: string, fileId: string) =>
    `/api/messages/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`,
} as const;
