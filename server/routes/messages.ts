// Mailbox lists and message detail. Another office's message is a 404, never a 403.
import { Hono } from 'hono';
import { boxSchema, type MessageListResponse, type MessageSummary } from '../../src/domain/contract';
import { requireOffice } from '../auth/sessions';
import type { AppDeps, AppEnv } from '../context';
import { notFound } from '../errors';
import { isId } from '../ids';
import { canSee, isLive, toSummary } from '../message-view';
import { parseOr400 } from '../validate';

export function messageRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/messages', async (c) => {
    const { officeNumber } = requireOffice(c);
    const box = parseOr400(boxSchema, c.req.query('box') ?? 'received');
    const records = await deps.store.messages.list(box, officeNumber);
    const now = deps.now();
    return c.json({ messages: records.filter((r) => isLive(r, now)).map(toSummary) } satisfies MessageListResponse);
  });

  app.get('/messages/:id', async (c) => {
    const { officeNumber } = requireOffice(c);
    const id = c.req.param('id');
    const record = isId(id) ? await deps.store.messages.get(id) : null;
    if (!record || !canSee(record, officeNumber, deps.now())) throw notFound();
    return c.json(toSummary(record) satisfies MessageSummary);
  });

  return app;
}
