// Delivering a send: exactly once per idempotency key, whole or not at all. The blob store stages
// the files (on disk: synced and renamed into DATA_DIR/blobs/<message id> first; in PostgreSQL:
// handed over as contents), then one transaction stores the message, its files (and, in
// PostgreSQL, their bytes), the key and the audit row. Whatever fails on the way, nothing of the
// send stays behind.
import { categoryOf } from '../../src/domain/attachments';
import type { AppDeps } from '../context';
import { sha256Hex } from '../digest';
import type { IdempotencyRecord, MessageRecord, NewSend } from '../db/types';
import { MESSAGES } from '../errors';
import { newId } from '../ids';
import { INLINE_MAX_BYTES } from '../blobs/disk';
import { contentRefusal, sendOffices, wrongOffice, wrongPerson, type SendOffices } from './checks';
import type { DeliverOutcome, ReceivedFile, Refusal, SendRequest } from './outcome';

export type DeliverDeps = Pick<AppDeps, 'store' | 'blobs' | 'config' | 'now'>;


/** What makes two sends "the same": destination, message, and each file's name and content, in order. */
export function requestHash(destination: string, message: string, files: readonly ReceivedFile[]): string {
  return sha256Hex(JSON.stringify([destination, message, files.map((f) => [f.name, f.sha256])]));
}

/**
 * Above this, a send's key is looked up before anything else: on SQLite its files would be written to
 * disk before the insert could tell it was a retry (PostgreSQL writes every size in the transaction;
 * the one threshold keeps a retried large send from being checked twice there too). Below it, the
 * insert itself finds a retry (in the same transaction, as it must anyway for concurrent ones): one
 * read of the database less per send.
 */
const EARLY_KEY_LOOKUP_BYTES = INLINE_MAX_BYTES;

export async function deliver(deps: DeliverDeps, send: SendRequest): Promise<DeliverOutcome> {
  const wrong = wrongOffice(send) ?? wrongPerson(send);
  if (wrong) return { kind: 'refused', refusal: wrong };
  const hash = requestHash(send.meta.destination, send.meta.message, send.files);
  const bytes = send.files.reduce((n, f) => n + f.bytes.byteLength, 0);
  const earlier = () => deps.store.messages.findIdempotent(send.office, send.idempotencyKey);
  if (bytes > EARLY_KEY_LOOKUP_BYTES) {
    const existing = await earlier();
    if (existing) return answerDuplicate(deps, existing, hash);
  }
  const offices = await sendOffices(send, deps.store);
  const refusal = await refusalOf(deps, send, offices, bytes);
  if (!refusal) return store(deps, send, hash, offices);
  // a retry of a send delivered before is answered as delivered, even when the directory, the
  // rules or the free space changed since: its first answer may simply have been lost
  const existing = bytes > EARLY_KEY_LOOKUP_BYTES ? null : await earlier();
  return existing ? answerDuplicate(deps, existing, hash) : { kind: 'refused', refusal };
}

async function refusalOf(deps: DeliverDeps, send: SendRequest, offices: SendOffices, bytes: number): Promise<Refusal | null> {
  const refusal = await contentRefusal(send, offices);
  if (refusal) return refusal;
  // before a byte is written: the last of the disk (or the database) is kept for logins, lists and downloads
  if (!(await deps.blobs.hasRoomFor(bytes))) return { status: 507, code: 'storage-full', message: MESSAGES.storageFull };
  return null;
}

async function answerDuplicate(deps: DeliverDeps, existing: IdempotencyRecord, hash: string): Promise<DeliverOutcome> {
  if (existing.requestHash !== hash) {
    return { kind: 'refused', refusal: { status: 409, code: 'idempotency-conflict', message: '同じ送信IDで異なる内容が送られました' } };
  }
  const record = await deps.store.messages.get(existing.messageId);
  if (!record) {
    return { kind: 'refused', refusal: { status: 409, code: 'idempotency-conflict', message: '同じ送信IDの送信はすでに削除されています' } };
  }
  return { kind: 'duplicate', record };
}

async function store(deps: DeliverDeps, send: SendRequest, hash: string, offices: SendOffices): Promise<DeliverOutcome> {
  const { blobs } = deps;
  const sentAt = deps.now();
  const messageId = newId();
  const files = send.files.map((f, position) => ({ ...f, id: newId(), position }));
  // stage() leaves nothing behind when it fails
  const staged = await blobs.stage(messageId, files);
  const rows: Pick<NewSend, 'message' | 'files'> = {
    message: {
      id: messageId,
      sender: send.office,
      destination: send.meta.destination,
      message: send.meta.message,
      sentBy: send.userId,
      sentAt: sentAt.toISOString(),
      expiresAt: new Date(sentAt.getTime() + deps.config.retentionDays * 86_400_000).toISOString(),
    },
    files: files.map((f) => ({
      id: f.id,
      position: f.position,
      name: f.name,
      size: f.bytes.byteLength,
      category: categoryOf(f.name),
      sha256: f.sha256,
    })),
  };
  let result;
  try {
    result = await deps.store.messages.insertSend({
      ...rows,
      idempotency: { key: send.idempotencyKey, requestHash: hash },
      // in the same transaction: one durable commit per send, and no send without its audit row
      audit: {
        action: 'send',
        actor: send.userId,
        office: send.office,
        target: messageId,
        address: send.address,
        detail: `to ${send.meta.destination}, ${files.length} files, ${files.reduce((n, f) => n + f.bytes.byteLength, 0)} bytes`,
      },
      contents: staged.contents,
    });
  } catch (err) {
    // An error can leave it unknown whether the commit happened (a write worker lost after its
    // COMMIT, an I/O error on COMMIT): the files go only when no row holds them, else a retry with
    // the same key would be answered as delivered with its files gone. Files kept without a row are
    // removed as orphans at the next start.
    const stored = await deps.store.messages.existingIds([messageId]).catch(() => new Set([messageId]));
    if (!stored.has(messageId)) await staged.discard();
    throw err;
  }
  if (result.outcome === 'exists') {
    // a concurrent retry of the same send got there first
    await staged.discard();
    return answerDuplicate(deps, result, hash);
  }
  return { kind: 'delivered', record: insertedRecord(rows, offices) };
}

const recordOffice = (o: SendOffices['from']) => (o ? { number: o.number, name: o.name, kind: o.kind ?? '' } : null);

/**
 * The message just committed, as messages.get() would read it back (a fresh message: not
 * withdrawn, nothing downloaded, both offices in the directory as read before the insert), without
 * a read of the database per send.
 */
function insertedRecord({ message, files }: Pick<NewSend, 'message' | 'files'>, { from, to }: SendOffices): MessageRecord {
  return {
    ...message,
    senderOffice: recordOffice(from),
    destinationOffice: recordOffice(to),
    senderDetached: false,
    destinationDetached: false,
    withdrawnAt: null,
    files: files.map((f) => ({ ...f, downloadedAt: null })),
  };
}
