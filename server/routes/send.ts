// POST /api/messages: a whole send (meta + files) is delivered exactly once per idempotency key.
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { categoryOf, checkSend, MAGIC_HEAD_BYTES } from '../../src/domain/attachments';
import { IDEMPOTENCY_HEADER, MAX_SEND_BYTES, sendMetaSchema, type SendResponse } from '../../src/domain/contract';
import { requireOffice } from '../auth/sessions';
import { clientAddress, type AppDeps, type AppEnv } from '../context';
import { csvContentRefusal } from '../csv-checks';
import { badRequest, errorBody, HttpError, MESSAGES } from '../errors';
import { newId } from '../ids';
import { toSummary } from '../message-view';
import { parseOr400 } from '../validate';

/** Room for the multipart framing and the meta field around 10 MB of files. */
export const MAX_SEND_BODY_BYTES = MAX_SEND_BYTES + 1024 * 1024;

const idempotencyKeySchema = z.uuid('送信ID(idempotency-key)が正しくありません');

interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** What makes two sends "the same": destination, message, and each file's name and content, in order. */
export function requestHash(destination: string, message: string, files: readonly ReceivedFile[]): string {
  return sha256(JSON.stringify([destination, message, files.map((f) => [f.name, f.sha256])]));
}

/** Names are never paths here, but a name that looks like one is refused rather than shown later. */
function unsafeNameProblem(name: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f/\\]/.test(name) || name === '.' || name === '..' || name.trim() === '') {
    return `${JSON.stringify(name)}: ファイル名に使えない文字が含まれています`;
  }
  if (name.length > 255) return `${name.slice(0, 40)}…: ファイル名が長すぎます`;
  return null;
}

async function readForm(c: Context<AppEnv>): Promise<{ meta: z.infer<typeof sendMetaSchema>; files: ReceivedFile[] }> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    throw badRequest('送信内容を読み取れませんでした');
  }
  const rawMeta = form.get('meta');
  const metaText = typeof rawMeta === 'string' ? rawMeta : rawMeta ? await rawMeta.text() : null;
  if (metaText === null) throw badRequest('送信内容(meta)がありません');
  let metaJson: unknown;
  try {
    metaJson = JSON.parse(metaText);
  } catch {
    throw badRequest('送信内容(meta)の形式が正しくありません');
  }
  const meta = parseOr400(sendMetaSchema, metaJson);
  const files: ReceivedFile[] = [];
  for (const part of form.getAll('files')) {
    if (typeof part === 'string') throw badRequest('添付ファイルの形式が正しくありません');
    const bytes = new Uint8Array(await part.arrayBuffer());
    files.push({ name: part.name, bytes, sha256: sha256(bytes) });
  }
  return { meta, files };
}

function refuse(errors: string[]): HttpError {
  return new HttpError(422, 'invalid-send', errors[0] ?? MESSAGES.badRequest, errors);
}

export function sendRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, blobs } = deps;

  async function answerDuplicate(c: Context<AppEnv>, existing: { messageId: string; requestHash: string }, hash: string) {
    if (existing.requestHash !== hash) {
      throw new HttpError(409, 'idempotency-conflict', '同じ送信IDで異なる内容が送られました');
    }
    const record = await store.messages.get(existing.messageId);
    if (!record) throw new HttpError(409, 'idempotency-conflict', '同じ送信IDの送信はすでに削除されています');
    return c.json({ message: toSummary(record), duplicate: true } satisfies SendResponse, 200);
  }

  app.post(
    '/messages',
    bodyLimit({ maxSize: MAX_SEND_BODY_BYTES, onError: (c) => c.json(errorBody('too-large', MESSAGES.tooLarge), 413) }),
    async (c) => {
      const session = requireOffice(c);
      const office = session.officeNumber;
      const key = parseOr400(idempotencyKeySchema, c.req.header(IDEMPOTENCY_HEADER) ?? '');
      const { meta, files } = await readForm(c);
      if (meta.sender !== undefined && meta.sender !== office) {
        // queued under one office, flushed under another login: wait for the right office
        throw new HttpError(
          409,
          'wrong-office',
          `この送信は事業所 ${meta.sender} から送るものです。その事業所の事業所ユーザでログインすると送信されます`,
        );
      }
      const hash = requestHash(meta.destination, meta.message, files);

      const existing = await store.messages.findIdempotent(office, key);
      if (existing) return answerDuplicate(c, existing, hash);

      const total = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
      if (total > MAX_SEND_BYTES) throw new HttpError(413, 'too-large', MESSAGES.tooLarge);
      const nameProblems = files.map((f) => unsafeNameProblem(f.name)).filter((p): p is string => p !== null);
      if (nameProblems.length > 0) throw refuse(nameProblems);
      // the directory's kinds of both offices: the direction rule reads them for old-form names
      const [from, to] = await Promise.all([store.offices.get(office), store.offices.get(meta.destination)]);
      const check = checkSend(
        files.map((f) => ({ name: f.name, size: f.bytes.byteLength, head: f.bytes.subarray(0, MAGIC_HEAD_BYTES) })),
        { sender: office, destination: meta.destination, senderKind: from?.kind ?? null, destinationKind: to?.kind ?? null },
      );
      if (check.errors.length > 0) throw refuse(check.errors);
      if (check.destination !== meta.destination) {
        throw refuse([`送信先事業所番号 ${meta.destination} がファイル名の送信先と一致しません`]);
      }
      const csvRefusal = csvContentRefusal(files);
      if (csvRefusal) throw csvRefusal;
      if (!to) {
        throw refuse([`送信先事業所番号 ${meta.destination} の事業所は登録されていません`]);
      }

      const sentAt = deps.now();
      const messageId = newId();
      const stored = files.map((f, position) => ({ ...f, id: newId(), position }));
      // files first, durably; the row that makes them visible last (see server/blobs.ts)
      const staged = await blobs.stage(stored.map((f) => ({ id: f.id, bytes: f.bytes })));
      await blobs.commit(staged, messageId);
      let result;
      try {
        result = await store.messages.insertSend({
          message: {
            id: messageId,
            sender: office,
            destination: meta.destination,
            message: meta.message,
            sentBy: session.userId,
            sentAt: sentAt.toISOString(),
            expiresAt: new Date(sentAt.getTime() + deps.config.retentionDays * 86_400_000).toISOString(),
          },
          files: stored.map((f) => ({
            id: f.id,
            position: f.position,
            name: f.name,
            size: f.bytes.byteLength,
            category: categoryOf(f.name),
            sha256: f.sha256,
          })),
          idempotency: { key, requestHash: hash },
          // in the same transaction: one durable commit per send, and no send without its audit row
          audit: {
            action: 'send',
            actor: session.userId,
            office,
            target: messageId,
            address: clientAddress(c, deps.config.trustProxy),
            detail: `to ${meta.destination}, ${files.length} files, ${total} bytes`,
          },
        });
      } catch (err) {
        await blobs.remove(messageId);
        throw err;
      }
      if (result.outcome === 'exists') {
        // a concurrent retry of the same send got there first
        await blobs.remove(messageId);
        return answerDuplicate(c, result, hash);
      }
      const record = await store.messages.get(messageId);
      if (!record) throw new Error('message vanished after insert');
      return c.json({ message: toSummary(record), duplicate: false } satisfies SendResponse, 201);
    },
  );

  return app;
}
