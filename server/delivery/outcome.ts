// What delivering a send can come to. The HTTP route turns it into an answer; nothing here knows HTTP.
import type { ErrorCode, SendMeta } from '../../src/domain/contract';
import type { MessageRecord } from '../db/types';

export interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

/** A send as it arrived, from a session logged in to `office`. */
export interface SendRequest {
  office: string;
  userId: string;
  /** the client's address, for the audit log */
  address: string;
  idempotencyKey: string;
  meta: SendMeta;
  files: ReceivedFile[];
}

/** Why a send is not stored; `message` is Japanese, shown to the user as is. */
export interface Refusal {
  status: 409 | 413 | 422 | 507;
  code: ErrorCode;
  message: string;
  details?: string[];
}

export type DeliverOutcome =
  | { kind: 'delivered'; record: MessageRecord }
  /** this idempotency key was delivered before: nothing new was stored */
  | { kind: 'duplicate'; record: MessageRecord }
  | { kind: 'refused'; refusal: Refusal };
