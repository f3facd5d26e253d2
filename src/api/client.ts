// The relay's endpoints for the screens: each goes through the request core with its contract
// schema, and a failure becomes an ApiFailure carrying a Japanese message the screens show as is.
// The first screens and the service worker import ./client-core instead (no zod); this adds the
// endpoints only later screens use, whose answers zod reads.
import '../domain/zod-config';
import {
  API,
  MAX_BATCH_DESTINATIONS,
  markDownloadedResponseSchema,
  messageDetailResponseSchema,
  messageListResponseSchema,
  officeLookupResponseSchema,
  officeSearchResponseSchema,
  recordsResponseSchema,
  withdrawResponseSchema,
  type MessageSummary,
  type Office,
  type RecordsResponse,
} from '../domain/contract';
import { listQueryParams } from '../domain/list-params';
import type { ListQuery } from '../domain/mailbox';
import { call } from './client-core';

export {
  ApiFailure,
  changePassword,
  fetchCounts,
  fetchSession,
  login,
  logout,
  logoutEverywhere,
  NETWORK_ERROR_MESSAGE,
  officeLogin,
  onAuthProblem,
} from './client-core';

/** The directory's entries for these numbers; the relay answers at most MAX_BATCH_DESTINATIONS a request, so more are asked in parts at once. */
export async function lookupOffices(numbers: readonly string[]): Promise<Office[]> {
  const parts: (readonly string[])[] = [];
  for (let at = 0; at < numbers.length; at += MAX_BATCH_DESTINATIONS) parts.push(numbers.slice(at, at + MAX_BATCH_DESTINATIONS));
  const answers = await Promise.all(
    parts.map((part) => {
      const query = new URLSearchParams();
      for (const number of part) query.append('number', number);
      return call(`${API.offices}?${query.toString()}`, { answer: officeLookupResponseSchema });
    }),
  );
  return answers.flatMap((answer) => answer.offices);
}

/** One page of 送信一覧 / 受信一覧; `next` continues it (もっと見る), null on the last page. */
export function listMessages(query: Partial<ListQuery>): Promise<{ messages: MessageSummary[]; next: string | null }> {
  return call(`${API.messages}?${new URLSearchParams(listQueryParams(query)).toString()}`, { answer: messageListResponseSchema });
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
