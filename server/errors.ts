// One error shape for every API failure: {error:{code,message,details?}} (apiErrorSchema).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ErrorCode } from '../src/domain/contract';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    /** Japanese: shown to the user as is. */
    message: string,
    readonly details?: string[],
  ) {
    super(message);
  }
}

export function errorBody(code: ErrorCode, message: string, details?: string[]): ApiError {
  return { error: { code, message, ...(details && details.length > 0 ? { details } : {}) } };
}

export function errorResponse(c: Context, err: HttpError): Response {
  return c.json(errorBody(err.code, err.message, err.details), err.status);
}

export const MESSAGES = {
  badCredentials: 'ユーザIDまたはパスワードが正しくありません',
  // on the 事業所ユーザログイン a bare 「ユーザID」 reads as the 個人ID already accepted
  badOfficeCredentials: '事業所ユーザIDまたはパスワードが正しくありません',
  csrf: '不正なリクエストです',
  loginRequired: 'ログインしてください',
  officeLoginRequired: '事業所ユーザでログインしてください',
  notFound: '見つかりません',
  tooLarge: '送信できるファイルは1回あたり合計10MBまでです',
  internal: 'サーバーでエラーが発生しました。しばらくしてから再度お試しください',
  badRequest: 'リクエストの形式が正しくありません',
  requestTooLarge: 'リクエストが大きすぎます',
  storageFull: 'サーバーの保存領域が不足しています',
} as const;

/** The disk (or the database) has no room: ENOSPC, EDQUOT, SQLite's SQLITE_FULL. */
export function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === '53100' /* PostgreSQL disk_full */;
}

export const storageFull = () => new HttpError(507, 'storage-full', MESSAGES.storageFull);

export const unauthorized = () => new HttpError(401, 'unauthorized', MESSAGES.loginRequired);
export const notFound = () => new HttpError(404, 'not-found', MESSAGES.notFound);
export const badRequest = (message: string = MESSAGES.badRequest, details?: string[]) =>
  new HttpError(400, 'bad-request', message, details);
