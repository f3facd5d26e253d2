// The relay's answers that the first screens (ログイン, 事業所ユーザログイン, トップ) and the service
// worker act on, read by hand instead of with the contract's zod schemas: zod's core alone would
// be a quarter of the first download and a third of the service worker. Each check accepts exactly
// what its schema in ./contract accepts and returns the same value (unknown keys dropped), and
// tests/unit/answers.test.ts runs both over the same good and bad samples, generated from the
// schemas. Every other answer is read with zod, in the chunks of the screens that need it.
import { DOWNLOAD_STATUSES, ERROR_CODES, FILE_CATEGORIES } from './api';
import type {
  ApiError,
  CountsResponse,
  LogoutEverywhereResponse,
  LogoutResponse,
  MessageSummary,
  Office,
  SendResponse,
  SessionInfo,
  StoredFile,
} from './contract';

/** What src/api/request.ts asks of an answer's check: zod's safeParse, which the schemas have too. */
export interface AnswerCheck<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** Thrown by a reader for a value its schema would refuse; never leaves this module. */
const MISMATCH = Symbol('mismatch');
const refuse = (): never => {
  throw MISMATCH;
};

function answer<T>(read: (value: unknown) => T): AnswerCheck<T> {
  return {
    safeParse(value) {
      try {
        return { success: true, data: read(value) };
      } catch (error) {
        if (error === MISMATCH) return { success: false };
        throw error;
      }
    },
  };
}

type Fields = Record<string, unknown>;
/** z.object: any object but an array (its output has only the schema's keys) */
const fields = (value: unknown): Fields => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : refuse());
const text = (value: unknown): string => (typeof value === 'string' ? value : refuse());
/** z.int().check(z.nonnegative()) */
const count = (value: unknown): number => (Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : refuse());
const yes = (value: unknown): true => (value === true ? true : refuse());
const flag = (value: unknown): boolean => (typeof value === 'boolean' ? value : refuse());
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): T =>
    values.includes(value as T) ? (value as T) : refuse();
const orNull =
  <T>(read: (value: unknown) => T) =>
  (value: unknown): T | null =>
    value === null ? null : read(value);
const listOf =
  <T>(read: (value: unknown) => T) =>
  (value: unknown): T[] =>
    Array.isArray(value) ? Array.from(value, (item) => read(item)) : refuse();
const optionalText = (value: unknown): string | undefined => (value === undefined ? undefined : text(value));
/** `{ key: value }` when the value is there, `{}` when it is not: zod leaves a missing optional key out */
const present = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function office(value: unknown): Office {
  const o = fields(value);
  return { number: text(o.number), name: text(o.name), kind: text(o.kind) };
}

function sessionInfo(value: unknown): SessionInfo {
  const o = fields(value);
  const user = fields(o.user);
  return {
    user: { id: text(user.id), name: text(user.name) },
    office: orNull(office)(o.office),
    ...present('sessionId', optionalText(o.sessionId)),
  };
}

function storedFile(value: unknown): StoredFile {
  const o = fields(value);
  return {
    id: text(o.id),
    name: text(o.name),
    size: count(o.size),
    category: oneOf(FILE_CATEGORIES)(o.category),
    sha256: text(o.sha256),
    downloadedAt: orNull(text)(o.downloadedAt),
  };
}

function messageSummary(value: unknown): MessageSummary {
  const o = fields(value);
  return {
    id: text(o.id),
    sentAt: text(o.sentAt),
    sender: office(o.sender),
    destination: office(o.destination),
    message: text(o.message),
    files: listOf(storedFile)(o.files),
    downloadStatus: oneOf(DOWNLOAD_STATUSES)(o.downloadStatus),
    downloadedAt: orNull(text)(o.downloadedAt),
    expiresAt: text(o.expiresAt),
    withdrawnAt: orNull(text)(o.withdrawnAt),
  };
}

/** login, 事業所ユーザログイン, GET /api/session, a password change; and the session kept on the device */
export const sessionInfoAnswer = answer(sessionInfo);

/** the relay's refusal */
export const apiErrorAnswer = answer((value): ApiError => {
  const error = fields(fields(value).error);
  return {
    error: {
      code: oneOf(ERROR_CODES)(error.code),
      message: text(error.message),
      ...present('details', error.details === undefined ? undefined : listOf(text)(error.details)),
    },
  };
});

/** GET /api/messages/counts */
export const countsAnswer = answer((value): CountsResponse => {
  const o = fields(value);
  return {
    unread: count(o.unread),
    expiringReceived: count(o.expiringReceived),
    expiringSent: count(o.expiringSent),
    newestUnreadAt: orNull(text)(o.newestUnreadAt),
  };
});

/** logout and GET /api/health: `{ ok: true }` */
export const okAnswer = answer((value): LogoutResponse => ({ ok: yes(fields(value).ok) }));

export const logoutEverywhereAnswer = answer((value): LogoutEverywhereResponse => {
  const o = fields(value);
  return { ok: yes(o.ok), ended: count(o.ended) };
});

/** POST /api/messages: what the outbox records as sent */
export const sendAnswer = answer((value): SendResponse => {
  const o = fields(value);
  return { message: messageSummary(o.message), duplicate: flag(o.duplicate) };
});
