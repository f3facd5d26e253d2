// Everything a send must pass before anything of it is written: the office it was queued under,
// the size, the file names and attachment rules (src/domain, as the client checked them), the
// routing and direction of the files, the CSV spec, and a destination the directory knows.
import { checkSend, MAGIC_HEAD_BYTES } from '../../src/domain/attachments';
import { MAX_SEND_BYTES, type Office } from '../../src/domain/contract';
import type { Store } from '../db/types';
import { MESSAGES } from '../errors';
import { csvChecks } from './csv-pool';
import type { Refusal, SendRequest } from './outcome';

const invalid = (errors: string[]): Refusal => ({ status: 422, code: 'invalid-send', message: errors[0] ?? MESSAGES.badRequest, details: errors });

/** Queued under one office, flushed under another login: it waits for the right office. */
export function wrongOffice(send: SendRequest): Refusal | null {
  const { sender } = send.meta;
  if (sender === undefined || sender === send.office) return null;
  return {
    status: 409,
    code: 'wrong-office',
    message: `この送信は事業所 ${sender} から送るものです。その事業所の事業所ユーザでログインすると送信されます`,
  };
}

/** Queued by one person, flushed under another's login on a shared tablet: it waits for its person. */
export function wrongPerson(send: SendRequest): Refusal | null {
  const { sentBy } = send.meta;
  if (sentBy === undefined || sentBy === send.userId) return null;
  return {
    status: 409,
    code: 'wrong-person',
    message: `この送信は利用者 ${sentBy} が作成したものです。その利用者でログインすると送信されます`,
  };
}

/** Both offices of a send as the directory has them (null: not in it). */
export interface SendOffices {
  from: Office | null;
  to: Office | null;
}

/** Both in one call: one query on PostgreSQL instead of two (SQLite reads them by two indexed gets, the faster there). */
export async function sendOffices(send: SendRequest, store: Store): Promise<SendOffices> {
  const found = await store.offices.find([send.office, send.meta.destination]);
  return { from: found.find((o) => o.number === send.office) ?? null, to: found.find((o) => o.number === send.meta.destination) ?? null };
}

/** `offices`: the directory's kinds of both offices; the direction rule reads them for old-form names. */
export async function contentRefusal(send: SendRequest, { from, to }: SendOffices): Promise<Refusal | null> {
  const { files, meta } = send;
  const total = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  if (total > MAX_SEND_BYTES) return { status: 413, code: 'too-large', message: MESSAGES.tooLarge };
  const check = checkSend(
    files.map((f) => ({ name: f.name, size: f.bytes.byteLength, head: f.bytes.subarray(0, MAGIC_HEAD_BYTES) })),
    { sender: send.office, destination: meta.destination, senderKind: from?.kind ?? null, destinationKind: to?.kind ?? null },
  );
  if (check.errors.length > 0) return invalid(check.errors);
  if (check.destination !== meta.destination) {
    return invalid([`送信先事業所番号 ${meta.destination} がファイル名の送信先と一致しません`]);
  }
  const csv = await csvChecks.check(files);
  if (csv) return csv;
  if (!to) {
    return invalid([`送信先事業所番号 ${meta.destination} の事業所は登録されていません`]);
  }
  return null;
}
