// The one HTTP request core, for the page and the service worker alike (fetch only): adds the
// CSRF header to every mutation, reads every answer with the endpoint's contract schema (or its
// hand-written check, src/domain/answers.ts) and every refusal with the contract's error shape, and
// returns a result instead of throwing. No zod here: the first screens and the service worker use it.
import { CSRF_HEADER, CSRF_VALUE, type ErrorCode } from '../domain/api';
import { apiErrorAnswer, type AnswerCheck } from '../domain/answers';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Why a request did not give the answer asked for:
 * - 'refused': the relay answered with its error shape (code from the contract)
 * - 'http': an error status without the relay's error shape (a proxy's page, a crash)
 * - 'unreadable': a success status whose body does not match the contract (a captive portal)
 * - 'network': no answer at all (offline, connection lost)
 */
export type Failure =
  | { kind: 'refused'; status: number; code: ErrorCode; message: string; details: string[] }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'unreadable'; status: number; message: string }
  | { kind: 'network'; message: string };

export type Result<T> = { ok: true; status: number; value: T } | { ok: false; failure: Failure };

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'DELETE';
  /** JSON-encoded unless it is FormData */
  body?: unknown;
  headers?: Record<string, string>;
  /** how a success answer must look (a contract schema or its check); 'bytes' for a file download */
  answer: AnswerCheck<T> | 'bytes';
  fetchImpl?: FetchLike;
}

export const NETWORK_ERROR_MESSAGE = 'サーバーに接続できません。ネットワークを確認してください';

/**
 * Told after every request whether the relay answered at all (any status) or could not be
 * reached. navigator.onLine is only a hint (true behind a dead network or under offline
 * emulation after a reload); what requests actually do is the evidence (src/views/app/online.ts).
 */
const reachabilityListeners = new Set<(reached: boolean) => void>();
export function onReachability(listener: (reached: boolean) => void): () => void {
  reachabilityListeners.add(listener);
  return () => reachabilityListeners.delete(listener);
}
function reached(answered: boolean): void {
  for (const listener of reachabilityListeners) listener(answered);
}

export async function request<T>(url: string, options: RequestOptions<T>): Promise<Result<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers };
  // A cross-site form cannot set a custom header: the relay refuses mutations without it.
  if (method !== 'GET') headers[CSRF_HEADER] = CSRF_VALUE;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  let response: Response;
  try {
    response = await fetchImpl(url, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body } : {}) });
  } catch {
    reached(false);
    return { ok: false, failure: { kind: 'network', message: NETWORK_ERROR_MESSAGE } };
  }
  reached(true);
  if (!response.ok) return { ok: false, failure: await refusalOf(response) };
  if (options.answer === 'bytes') {
    try {
      return { ok: true, status: response.status, value: new Uint8Array(await response.arrayBuffer()) as T };
    } catch {
      return { ok: false, failure: { kind: 'network', message: NETWORK_ERROR_MESSAGE } };
    }
  }
  const parsed = options.answer.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) return { ok: true, status: response.status, value: parsed.data };
  return {
    ok: false,
    failure: { kind: 'unreadable', status: response.status, message: 'サーバーの応答を読み取れませんでした' },
  };
}

async function refusalOf(response: Response): Promise<Failure> {
  const parsed = apiErrorAnswer.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) {
    const { code, message, details = [] } = parsed.data.error;
    return { kind: 'refused', status: response.status, code, message, details };
  }
  return { kind: 'http', status: response.status, message: messageForStatus(response.status) };
}

function messageForStatus(status: number): string {
  if (status === 401) return 'ログインの有効期限が切れました。もう一度ログインしてください';
  if (status === 403) return 'この操作は許可されていません';
  if (status === 404) return '見つかりません';
  if (status === 413) return 'ファイルが大きすぎます';
  if (status >= 500) return `サーバーでエラーが発生しました(${status})。しばらくしてからもう一度お試しください`;
  return `要求を処理できませんでした(${status})`;
}

/** The HTTP status of a failure; 0 when the relay could not be reached. */
export function statusOf(failure: Failure): number {
  return failure.kind === 'network' ? 0 : failure.status;
}
