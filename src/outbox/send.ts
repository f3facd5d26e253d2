// POST /api/messages for one outbox item: multipart, with the item's id as idempotency key.
// Used by the flush in the page and in the service worker, through the one request core.
import { API, IDEMPOTENCY_HEADER, isSendId } from '../domain/api';
import { sendAnswer } from '../domain/answers';
import type { SendMeta, SendResponse } from '../domain/contract';
import type { OutboxItem } from './types';
import { request, type FetchLike, type Failure } from '../api/request';

export type { FetchLike } from '../api/request';

export type SendOutcome =
  | { kind: 'sent'; status: number; response: SendResponse }
  /** the relay (or something in front of it) answered with an error status */
  | { kind: 'refused'; failure: Extract<Failure, { kind: 'refused' | 'http' }> }
  /** no answer (offline, connection lost) or an answer that is not ours (proxy page, bad JSON) */
  | { kind: 'unreachable'; message: string };

const UNREACHABLE = '接続できませんでした。接続が戻ると自動で送信します';
/** the item stays, failed, for 下書きに戻す (which sends it again under a new id) */
const BAD_ID = '送信IDが正しい形式ではないため送信できません(古い版のアプリが残した送信です。内容はそのまま残っています)';

export async function sendOutboxItem(item: OutboxItem, fetchImpl?: FetchLike): Promise<SendOutcome> {
  // refused here, for good, rather than as a network failure retried for ever; nothing went out
  if (!isSendId(item.id)) {
    return { kind: 'refused', failure: { kind: 'refused', status: 400, code: 'bad-request', message: BAD_ID, details: [] } };
  }
  const meta: SendMeta = {
    ...(item.sender !== undefined ? { sender: item.sender } : {}),
    // the relay refuses it under anyone else's login, even if a flush got the wrong cookie
    ...(item.owner.userId ? { sentBy: item.owner.userId } : {}),
    destination: item.destination,
    message: item.message,
  };
  const body = new FormData();
  body.append('meta', JSON.stringify(meta));
  for (const file of item.files) body.append('files', file.blob, file.name);

  const result = await request(API.messages, {
    method: 'POST',
    body,
    headers: { [IDEMPOTENCY_HEADER]: item.id },
    answer: sendAnswer,
    ...(fetchImpl ? { fetchImpl } : {}),
  });
  if (result.ok) return { kind: 'sent', status: result.status, response: result.value };
  const { failure } = result;
  switch (failure.kind) {
    case 'network':
      return { kind: 'unreachable', message: UNREACHABLE };
    case 'unreadable':
      // A 2xx we cannot read (a captive portal, say) proves nothing: try again later.
      return { kind: 'unreachable', message: `${failure.message}(${failure.status})` };
    default:
      return { kind: 'refused', failure };
  }
}
