// POST /api/messages for one outbox item: multipart, with the item's id as idempotency key.
// Used by the flush in the page and in the service worker, so it sticks to fetch and FormData.
import {
  API,
  CSRF_HEADER,
  CSRF_VALUE,
  IDEMPOTENCY_HEADER,
  apiErrorSchema,
  sendResponseSchema,
  type SendMeta,
  type SendResponse,
} from '../domain/contract';
import type { OutboxItem } from '../db/types';

export type SendOutcome =
  | { kind: 'sent'; status: number; response: SendResponse }
  /** the server answered with an error */
  | { kind: 'refused'; status: number; code: string; message: string }
  /** no answer (offline, connection lost) or an answer that is not ours (proxy page, bad JSON) */
  | { kind: 'unreachable'; message: string };

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

const UNREACHABLE = '接続できませんでした。接続が戻ると自動で送信します';

export async function sendOutboxItem(item: OutboxItem, fetchImpl: FetchLike = (i, init) => fetch(i, init)): Promise<SendOutcome> {
  const meta: SendMeta = {
    ...(item.sender !== undefined ? { sender: item.sender } : {}),
    destination: item.destination,
    message: item.message,
  };
  const body = new FormData();
  body.append('meta', JSON.stringify(meta));
  for (const file of item.files) body.append('files', file.blob, file.name);

  let response: Response;
  try {
    response = await fetchImpl(API.messages, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { [IDEMPOTENCY_HEADER]: item.id, [CSRF_HEADER]: CSRF_VALUE },
    });
  } catch {
    return { kind: 'unreachable', message: UNREACHABLE };
  }

  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = sendResponseSchema.safeParse(json);
    if (parsed.success) return { kind: 'sent', status: response.status, response: parsed.data };
    // A 2xx we cannot read (a captive portal, say) proves nothing: try again later.
    return { kind: 'unreachable', message: `サーバーの応答を読み取れませんでした (${response.status})` };
  }
  const error = apiErrorSchema.safeParse(json);
  if (error.success) {
    const { code, message, details } = error.data.error;
    const full = details && details.length > 0 ? `${message}\n${details.join('\n')}` : message;
    return { kind: 'refused', status: response.status, code, message: full };
  }
  return { kind: 'refused', status: response.status, code: 'http-' + String(response.status), message: `サーバーエラー (${response.status})` };
}
