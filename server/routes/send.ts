// POST /api/messages: reads the multipart send as it streams in (send-form.ts) and hands it to
// deliver() (server/delivery).
import { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { IDEMPOTENCY_HEADER, sendMetaSchema, type SendMeta, type SendResponse } from '../../src/domain/contract';
import { tooManyFiles } from '../../src/domain/attachments';
import { requireOffice } from '../auth/sessions';
import { clientAddress, type AppDeps, type AppEnv } from '../context';
import { deliver } from '../delivery/deliver';
import type { ReceivedFile } from '../delivery/outcome';
import { badRequest, HttpError } from '../errors';
import { toSummary } from '../message-view';
import { parseOr400 } from '../validate';
import { readSendForm } from './send-form';

const idempotencyKeySchema = z.uuid('送信ID(idempotency-key)が正しくありません');

/**
 * The Node request under a socket's Hono request, while nothing has begun to read it (the body
 * limit reads a chunked body itself, and app.request() in tests has none).
 */
function unreadIncoming(c: Context<AppEnv>): IncomingMessage | null {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  if (!(incoming instanceof IncomingMessage)) return null;
  return incoming.readableDidRead || incoming.listenerCount('data') > 0 ? null : incoming;
}

async function readForm(c: Context<AppEnv>): Promise<{ meta: SendMeta; files: ReceivedFile[] }> {
  let form;
  try {
    form = await readSendForm(c.req.header('content-type'), unreadIncoming(c) ?? c.req.raw.body);
  } catch {
    throw badRequest('送信内容を読み取れませんでした');
  }
  if (form.metaText === null) throw badRequest('送信内容(meta)がありません');
  let metaJson: unknown;
  try {
    metaJson = JSON.parse(form.metaText);
  } catch {
    throw badRequest('送信内容(meta)の形式が正しくありません');
  }
  const meta = parseOr400(sendMetaSchema, metaJson);
  // files past the limit were counted, never kept: one request may not hold thousands of files
  const tooMany = tooManyFiles(form.fileCount + (form.textInFiles ? 1 : 0));
  if (tooMany) throw new HttpError(422, 'invalid-send', tooMany);
  if (form.textInFiles) throw badRequest('添付ファイルの形式が正しくありません');
  return { meta, files: form.files };
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
