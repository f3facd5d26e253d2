// The API client's core, without zod: ApiFailure, the one call wrapper, and the endpoints the first
// screens and the service worker use, whose answers are read with the hand-written checks of
// src/domain/answers.ts. The other screens' endpoints (read with the contract's zod schemas) are in
// ./client, which re-exports all of this.
import { API, loginNeededFor, type ErrorCode } from '../domain/api';
import { countsAnswer, logoutEverywhereAnswer, okAnswer, sessionInfoAnswer } from '../domain/answers';
import type { CountsResponse, LoginRequest, OfficeLoginRequest, PasswordChangeRequest, SessionInfo } from '../domain/contract';
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
export async function call<T>(url: string, options: RequestOptions<T>, quiet = false): Promise<T> {
  const result = await request(url, options);
  if (result.ok) return result.value;
  const failure = new ApiFailure(result.failure);
  if (!quiet && failure.loginNeeded) for (const listener of authListeners) listener(failure);
  throw failure;
}

/** GET /api/session: null when nobody is logged in. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await call(API.session, { answer: sessionInfoAnswer }, true);
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return null;
    throw error;
  }
}

export function login(body: LoginRequest): Promise<SessionInfo> {
  return call(API.login, { method: 'POST', body, answer: sessionInfoAnswer }, true);
}

export function officeLogin(body: OfficeLoginRequest): Promise<SessionInfo> {
  return call(API.officeLogin, { method: 'POST', body, answer: sessionInfoAnswer }, true);
}

/** The person's own password; the relay ends every other session and answers this device's new one. */
export function changePassword(body: PasswordChangeRequest): Promise<SessionInfo> {
  // quiet: a wrong current password is not the session ending
  return call(API.password, { method: 'POST', body, answer: sessionInfoAnswer }, true);
}

export async function logout(): Promise<void> {
  await call(API.logout, { method: 'POST', body: {}, answer: okAnswer }, true);
}

export async function logoutEverywhere(): Promise<void> {
  await call(API.logoutEverywhere, { method: 'POST', body: {}, answer: logoutEverywhereAnswer }, true);
}

export function fetchCounts(): Promise<CountsResponse> {
  return call(API.counts, { answer: countsAnswer });
}
