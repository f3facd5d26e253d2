// The relay's API as an office, beside the browser: to see what a receiver got without a second UI.
import { expect, request, type APIRequestContext } from '@playwright/test';
import { CSRF_HEADER } from '../../../src/domain/contract';
import { BASE_URL, type Persona } from './people';

/** An API session logged in as the person and the office; dispose it when done. */
export async function apiAs(persona: Persona): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { [CSRF_HEADER]: '1' } });
  expect((await api.post('/api/auth/login', { data: { userId: persona.userId, password: persona.password } })).ok()).toBe(true);
  expect((await api.post('/api/auth/office-login', { data: { officeUserId: persona.officeUserId, password: persona.officePassword } })).ok()).toBe(true);
  return api;
}

/** The office's 送信一覧 or 受信一覧 as the API lists it. */
export async function listMessages<T>(api: Pick<APIRequestContext, 'get'>, box: 'sent' | 'received'): Promise<T[]> {
  const response = await api.get(`/api/messages?box=${box}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { messages: T[] }).messages;
}

/** Sends the files through the relay's API as the logged-in office; returns the stored message. */
export async function sendThroughApi<T = { id: string; sentAt: string; files: { id: string; name: string }[] }>(
  api: APIRequestContext,
  destination: string,
  files: readonly { name: string; buffer: Buffer }[],
  message = '',
): Promise<T> {
  const form = new FormData();
  form.append('meta', JSON.stringify({ destination, message }));
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.buffer)]), f.name);
  const sent = await api.post('/api/messages', { multipart: form, headers: { 'idempotency-key': crypto.randomUUID() } });
  expect(sent.status(), await sent.text()).toBe(201);
  return ((await sent.json()) as { message: T }).message;
}
