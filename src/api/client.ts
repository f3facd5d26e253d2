// The relay's endpoints for the screens: each goes through the request core with its contract
// schema, and a failure becomes an ApiFailure carrying a Japanese message the screens show as is.
import {
  API,
  countsResponseSchema,
  loginNeededFor,
  markDownloadedResponseSchema,
  officeSearchResponseSchema,
  recordsResponseSchema,
  withdrawResponseSchema,
  type CountsResponse,
  type RecordsResponse,
  loginResponseSchema,
  logoutEverywhereResponseSchema,
  logoutResponseSchema,
  messageDetailResponseSchema,
  messageListResponseSchema,
  officeLoginResponseSchema,
  officeLookupResponseSchema,
  passwordChangeResponseSchema,
  sessionResponseSchema,
  type ErrorCode,
  type LoginRequest,
  type MessageSummary,
  type Office,
  type OfficeLoginRequest,
  type PasswordChangeRequest,
  type SessionInfo,
} from '../domain/contract';
import { listQueryParams } from '../domain/list-params';
import type { ListQuery } from '../domain/mailbox';
import { request, statusOf, type Failure, type RequestOptions } from './request';

export { NETWORK_ERROR_MESSAGE } from './request';

export class ApiFailure extends Error {
  /** HTTP status; 0 when the server could not be reached */
  readonly status: number;
  /** the relay's error code; null when the answer was not the relay's */
  readonly code: ErrorCode | null;
  readonly details: string[];

  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'ApiFailure';
    this.status = statusOf(failure);
    this.code = failure.kind === 'refused' ? failure.code : null;
    this.details = failure.kind === 'refused' ? failure.details : [];
  }

  get isNetwork(): boolean {
    return this.failure.kind === 'network';
  }

  /** 'person' (ログイン) or 'office' (事業所ユーザログイン) when the refusal asks for a login */
  get loginNeeded(): 'person' | 'office' | null {
    return loginNeededFor(this.status, this.code);
  }
}

/** Listeners told when the relay refuses for want of a login (see loginNeededFor in the contract). */
const authListeners = new Set<(failure: ApiFailure) => void>();
export function onAuthProblem(listener: (failure: ApiFailure) => void): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

/** `quiet`: a failed login answers 401 too, and must not count as the session ending. */
async function call<T>(url: string, options: RequestOptions<T>, quiet = false): Promise<T> {
  const result = await request(url, options);
  if (result.ok) return result.value;
  const failure = new ApiFailure(result.failure);
  if (!quiet && failure.loginNeeded) for (const listener of authListeners) listener(failure);
  throw failure;
}

/** GET /api/session: null when nobody is logged in. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await call(API.session, { answer: sessionResponseSchema }, true);
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return null;
    throw error;
  }
}

export function login(body: LoginRequest): Promise<SessionInfo> {
  return call(API.login, { method: 'POST', body, answer: loginResponseSchema }, true);
}

export function officeLogin(body: OfficeLoginRequest): Promise<SessionInfo> {
  return call(API.officeLogin, { method: 'POST', body, answer: officeLoginResponseSchema }, true);
}

/** The person's own password; the relay ends every other session and answers this device's new one. */
export function changePassword(body: PasswordChangeRequest): Promise<SessionInfo> {
  // quiet: a wrong current password is not the session ending
  return call(API.password, { method: 'POST', body, answer: passwordChangeResponseSchema }, true);
}

export async function logout(): Promise<void> {
  await call(API.logout, { method: 'POST', body: {}, answer: logoutResponseSchema }, true);
}

export async function logoutEverywhere(): Promise<void> {
  await call(API.logoutEverywhere, { method: 'POST', body: {}, answer: logoutEverywhereResponseSchema }, true);
}

export async function lookupOffices(numbers: string[]): Promise<Office[]> {
  if (numbers.length === 0) return [];
  const query = new URLSearchParams();
  for (const number of numbers) query.append('number', number);
  return (await call(`${API.offices}?${query.toString()}`, { answer: officeLookupResponseSchema })).offices;
}

/** One page of 送信一覧 / 受信一覧; `next` continues it (もっと見る), null on the last page. */
export function listMessages(query: Partial<ListQuery>): Promise<{ messages: MessageSummary[]; next: string | null }> {
  return call(`${API.messages}?${new URLSearchParams(listQueryParams(query)).toString()}`, { answer: messageListResponseSchema });
}

export function fetchCounts(): Promise<CountsResponse> {
  return call(API.counts, { answer: countsResponseSchema });
}

/** 送信取消. */
export function withdrawMessage(id: string): Promise<MessageSummary> {
  return call(API.withdraw(id), { method: 'POST', body: {}, answer: withdrawResponseSchema });
}

export async function searchOffices(query: string): Promise<Office[]> {
  return (await call(`${API.officeSearch}?q=${encodeURIComponent(query)}`, { answer: officeSearchResponseSchema })).offices;
}

export function fetchRecords(month: string): Promise<RecordsResponse> {
  return call(`${API.records}?month=${encodeURIComponent(month)}`, { answer: recordsResponseSchema });
}

export function fetchRecordsCsv(month: string): Promise<Uint8Array> {
  return call<Uint8Array>(`${API.recordsCsv}?month=${encodeURIComponent(month)}`, { answer: 'bytes' });
}

/** The file's bytes without marking it: for saving many at once, marked by markWritten afterwards. */
export function fetchFileUnmarked(messageId: string, fileId: string): Promise<Uint8Array> {
  return call<Uint8Array>(`${API.file(messageId, fileId)}?mark=later`, { answer: 'bytes' });
}

/** Marks files fetched with fetchFileUnmarked once they are written. */
export function markWritten(messageId: string, fileIds: string[]): Promise<MessageSummary> {
  return call(API.downloaded(messageId), { method: 'POST', body: { fileIds }, answer: markDownloadedResponseSchema });
}

export function getMessage(id: string): Promise<MessageSummary> {
  return call(API.message(id), { answer: messageDetailResponseSchema });
}

/** The file's bytes exactly as sent. Fetched by the receiving office, this marks the file downloaded. */
export function fetchFileBytes(messageId: string, fileId: string): Promise<Uint8Array> {
  return call<Uint8Array>(API.file(messageId, fileId), { answer: 'bytes' });
}
