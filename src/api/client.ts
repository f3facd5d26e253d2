// Typed HTTP client for the relay. Every response is parsed with the contract schemas, every
// failure becomes an ApiFailure carrying a Japanese message the screens can show as is.
import { z } from 'zod';
import {
  API,
  CSRF_HEADER,
  CSRF_VALUE,
  apiErrorSchema,
  messageListResponseSchema,
  messageSummarySchema,
  officeLookupResponseSchema,
  sessionInfoSchema,
  type Box,
  type LoginRequest,
  type MessageSummary,
  type Office,
  type OfficeLoginRequest,
  type SessionInfo,
} from '../domain/contract';

export const NETWORK_ERROR_MESSAGE = 'サーバーに接続できません。ネットワークを確認してください';

export class ApiFailure extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/**
 * Listeners told when the server refuses for want of a login: 401 (the session is gone, go to
 * ログイン) or 403 'office-login-required' (ask for 事業所ユーザログイン again).
 */
const authListeners = new Set<(failure: ApiFailure) => void>();
export function onAuthProblem(listener: (failure: ApiFailure) => void): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

export const OFFICE_LOGIN_REQUIRED = 'office-login-required';

type Method = 'GET' | 'POST' | 'DELETE';

/** `quiet`: a failed login answers 401 too, and must not count as the session ending. */
async function send(method: Method, url: string, body?: unknown, quiet = false): Promise<Response> {
  const headers: Record<string, string> = {};
  // A cross-site form cannot set a custom header: the server refuses mutations without it.
  if (method !== 'GET') headers[CSRF_HEADER] = CSRF_VALUE;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(0, 'network', NETWORK_ERROR_MESSAGE);
  }
  if (!response.ok) {
    const failure = await failureOf(response);
    if (!quiet && (failure.status === 401 || failure.code === OFFICE_LOGIN_REQUIRED)) {
      for (const listener of authListeners) listener(failure);
    }
    throw failure;
  }
  return response;
}

async function failureOf(response: Response): Promise<ApiFailure> {
  let parsed: z.infer<typeof apiErrorSchema> | null = null;
  try {
    const result = apiErrorSchema.safeParse(await response.json());
    if (result.success) parsed = result.data;
  } catch {
    // not JSON (a proxy page, an empty body): fall back to a message by status
  }
  if (parsed) return new ApiFailure(response.status, parsed.error.code, parsed.error.message, parsed.error.details ?? []);
  return new ApiFailure(response.status, `http-${response.status}`, messageForStatus(response.status));
}

function messageForStatus(status: number): string {
  if (status === 401) return 'ログインの有効期限が切れました。もう一度ログインしてください';
  if (status === 403) return 'この操作は許可されていません';
  if (status === 404) return '見つかりません';
  if (status === 413) return 'ファイルが大きすぎます';
  if (status >= 500) return `サーバーでエラーが発生しました(${status})。しばらくしてからもう一度お試しください`;
  return `要求を処理できませんでした(${status})`;
}

async function parseJson<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new ApiFailure(response.status, 'bad-response', 'サーバーの応答を読み取れませんでした');
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new ApiFailure(response.status, 'bad-response', 'サーバーの応答の形式が正しくありません');
  return result.data;
}

/** GET /api/session: null when nobody is logged in. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await parseJson(await send('GET', API.session, undefined, true), sessionInfoSchema);
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return null;
    throw error;
  }
}

/** The login routes may answer with the session or with nothing useful: ask for it then. */
async function sessionAfter(response: Response): Promise<SessionInfo> {
  const body: unknown = await response.json().catch(() => null);
  const direct = sessionInfoSchema.safeParse(body);
  if (direct.success) return direct.data;
  const wrapped = z.object({ session: sessionInfoSchema }).safeParse(body);
  if (wrapped.success) return wrapped.data.session;
  const session = await fetchSession();
  if (!session) throw new ApiFailure(401, 'no-session', 'ログインできませんでした');
  return session;
}

export async function login(request: LoginRequest): Promise<SessionInfo> {
  return sessionAfter(await send('POST', API.login, request, true));
}

export async function officeLogin(request: OfficeLoginRequest): Promise<SessionInfo> {
  return sessionAfter(await send('POST', API.officeLogin, request, true));
}

export async function logout(): Promise<void> {
  await send('POST', API.logout, {}, true);
}

export async function logoutEverywhere(): Promise<void> {
  await send('POST', API.logoutEverywhere, {}, true);
}

export async function lookupOffices(numbers: string[]): Promise<Office[]> {
  if (numbers.length === 0) return [];
  const query = new URLSearchParams();
  for (const number of numbers) query.append('number', number);
  const response = await send('GET', `${API.offices}?${query.toString()}`);
  return (await parseJson(response, officeLookupResponseSchema)).offices;
}

export async function listMessages(box: Box): Promise<MessageSummary[]> {
  const response = await send('GET', `${API.messages}?box=${box}`);
  return (await parseJson(response, messageListResponseSchema)).messages;
}

const messageDetailSchema = z.union([z.object({ message: messageSummarySchema }).transform((body) => body.message), messageSummarySchema]);

export async function getMessage(id: string): Promise<MessageSummary> {
  return parseJson(await send('GET', API.message(id)), messageDetailSchema);
}

/** The file's bytes exactly as sent. Fetched by the receiving office, this marks the file downloaded. */
export async function fetchFileBytes(messageId: string, fileId: string): Promise<Uint8Array> {
  const response = await send('GET', API.file(messageId, fileId));
  return new Uint8Array(await response.arrayBuffer());
}
