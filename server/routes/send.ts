// POST /api/messages: reads the multipart send and hands it to deliver() (server/delivery).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { IDEMPOTENCY_HEADER, sendMetaSchema, type SendMeta, type SendResponse } from '../../src/domain/contract';
import { tooManyFiles } from '../../src/domain/attachments';
import { requireOffice } from '../auth/sessions';
import { clientAddress, type AppDeps, type AppEnv } from '../context';
import { deliver, sha256 } from '../delivery/deliver';
import type { ReceivedFile } from '../delivery/outcome';
import { badRequest, HttpError } from '../errors';
import { toSummary } from '../message-view';
import { parseOr400 } from '../validate';

const idempotencyKeySchema = z.uuid('送信ID(idempotency-key)が正しくありません');

async function readForm(c: Context<AppEnv>): Promise<{ meta: SendMeta; files: ReceivedFile[] }> {
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
  const parts = form.getAll('files');
  // before a byte of them is hashed or written: one request may not hold thousands of files open
  const tooMany = tooManyFiles(parts.length);
  if (tooMany) throw new HttpError(422, 'invalid-send', tooMany);
  const files: ReceivedFile[] = [];
  for (const part of parts) {
    if (typeof part === 'string') throw badRequest('添付ファイルの形式が正しくありません');
    const bytes = new Uint8Array(await part.arrayBuffer());
    files.push({ name: part.name, bytes, sha256: sha256(bytes) });
  }
  return { meta, files };
}

export function sendRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // the body limit is server/body-limits.ts's, checked before this reads a byte
  app.post(
    '/messages',
    async (c) => {
      const session = requireOffice(c);
      const idempotencyKey = parseOr400(idempotencyKeySchema, c.req.header(IDEMPOTENCY_HEADER) ?? '');
      const { meta, files } = await readForm(c);
      const outcome = await deliver(deps, {
        office: session.officeNumber,
        userId: session.userId,
        address: clientAddress(c, deps.config.trustProxy),
        idempotencyKey,
        meta,
        files,
      });
      switch (outcome.kind) {
        case 'refused': {
          const { status, code, message, details } = outcome.refusal;
          throw new HttpError(status, code, message, details);
        }
        case 'duplicate':
          return c.json({ message: toSummary(outcome.record, session.officeNumber), duplicate: true } satisfies SendResponse, 200);
        case 'delivered':
          return c.json({ message: toSummary(outcome.record, session.officeNumber), duplicate: false } satisfies SendResponse, 201);
      }
    },
  );

  return app;
}
