// Mailbox lists (keyset pages with filters), counts, message detail and 送信取消. Another office's
// message is a 404, never a 403.
import { Hono } from 'hono';
import type { CountsResponse, MessageListResponse, MessageSummary } from '../../src/domain/contract';
import { EXPIRY_WARNING_DAYS, listQuerySchema } from '../../src/domain/mailbox';
import { requireOffice } from '../auth/sessions';
import { clientAddress, type AppDeps, type AppEnv } from '../context';
import { decodeCursor, encodeCursor } from '../cursor';
import { HttpError, notFound } from '../errors';
import { isId } from '../ids';
import { canSee, toSummary } from '../message-view';
import { parseOr400 } from '../validate';

export const WITHDRAW_REFUSED =
  '相手先がすでにダウンロードしたため、送信を取り消せません。内容に誤りがあった場合は、相手先に連絡して正しいファイルを送り直してください';

export function messageRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/messages', async (c) => {
    const { officeNumber } = requireOffice(c);
    const { box, sort, cursor, limit, ...filter } = parseOr400(listQuerySchema, c.req.query());
    const after = cursor ? decodeCursor(cursor) : null;
    const page = await deps.store.messages.page({ box, office: officeNumber, nowIso: deps.now().toISOString(), filter, sort, after, limit });
    const last = page.records.at(-1);
    const next =
      page.more && last
        ? encodeCursor({ sentAt: last.sentAt, id: last.id, ...(sort === 'office' ? { office: box === 'sent' ? last.destination : last.sender } : {}) })
        : null;
    return c.json({ messages: page.records.map((m) => toSummary(m, officeNumber)), next } satisfies MessageListResponse);
  });

  // before /messages/:id, which would take "counts" for an id
  app.get('/messages/counts', async (c) => {
    const { officeNumber } = requireOffice(c);
    const now = deps.now();
    const soon = new Date(now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000).toISOString();
    return c.json((await deps.store.messages.counts(officeNumber, now.toISOString(), soon)) satisfies CountsResponse);
  });

  app.get('/messages/:id', async (c) => {
    const { officeNumber } = requireOffice(c);
    const id = c.req.param('id');
    const record = isId(id) ? await deps.store.messages.get(id) : null;
    if (!record || !canSee(record, officeNumber, deps.now())) throw notFound();
    return c.json(toSummary(record, officeNumber) satisfies MessageSummary);
  });

  app.post('/messages/:id/withdraw', async (c) => {
    const session = requireOffice(c);
    const id = c.req.param('id');
    const record = isId(id) ? await deps.store.messages.get(id) : null;
    // only the sending office may withdraw; to anyone else the message is not there
    if (!record || record.sender !== session.officeNumber || !canSee(record, session.officeNumber, deps.now())) throw notFound();
    const at = deps.now().toISOString();
    const outcome = await deps.store.messages.withdraw(id, session.officeNumber, at, session.userId);
    if (outcome === 'not-found') throw notFound();
    if (outcome === 'downloaded') throw new HttpError(409, 'already-downloaded', WITHDRAW_REFUSED);
    if (outcome === 'withdrawn') {
      await deps.store.audit.add({
        action: 'withdraw',
        actor: session.userId,
        office: session.officeNumber,
        target: id,
        address: clientAddress(c, deps.config.trustProxy),
        detail: `to ${record.destination}`,
      });
    }
    const updated = await deps.store.messages.get(id);
    if (!updated) throw notFound();
    return c.json(toSummary(updated, session.officeNumber) satisfies MessageSummary);
  });

  return app;
}
