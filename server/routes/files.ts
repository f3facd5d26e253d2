// File download. The receiver's download marks the file; the sender may fetch its own copy unmarked.
// A receiver saving many files at once (ZIP, 保存先フォルダ) fetches them with ?mark=later and
// marks them with POST …/downloaded once they are written, so 済 never runs ahead of the disk.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { MessageSummary } from '../../src/domain/contract';
import { requireOffice } from '../auth/sessions';
import { clientAddress, type AppDeps, type AppEnv } from '../context';
import type { DownloadMark, SessionRecord } from '../db/types';
import { HttpError, isStorageFull, notFound } from '../errors';
import { isId } from '../ids';
import { canSee, toSummary } from '../message-view';
import { jsonBody } from '../validate';

const markSchema = z.object({
  fileIds: z.array(z.string().max(64), { error: 'ファイルの指定が正しくありません' }).min(1, 'ファイルの指定が正しくありません').max(100),
});

/** RFC 6266 / 5987: an ASCII fallback for old clients and the exact UTF-8 name for the rest. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'download';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const withdrawn = () => new HttpError(410, 'withdrawn', 'このメッセージは送信元が取り消しました');

export function fileRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** Every fetch and mark by the receiver: 'first' / 'again' (marked on fetch), 'unmarked', '… (written)'. */
  const auditDownload = (c: Context<AppEnv>, session: SessionRecord, target: string, detail: string) =>
    deps.store.audit.add({
      action: 'download',
      actor: session.userId,
      office: session.officeNumber,
      target,
      address: clientAddress(c, deps.config.trustProxy),
      detail,
    });

  /**
   * Marks the file 済 for the sender (atomically against 送信取消: a withdrawal that won the race
   * answers 410), with its audit row. A full disk must not keep a receiver from its file: it stays
   * 未 and is marked at a later download.
   */
  async function mark(c: Context<AppEnv>, session: SessionRecord, messageId: string, fileId: string, written: boolean): Promise<DownloadMark | null> {
    let result: DownloadMark;
    try {
      result = await deps.store.messages.markDownloaded(messageId, fileId, deps.now().toISOString());
    } catch (err) {
      if (!isStorageFull(err)) throw err;
      console.error(`[renkei] storage full: download of ${messageId}/${fileId} by ${session.userId} not marked`);
      return null;
    }
    if (result === 'withdrawn') throw withdrawn();
    await auditDownload(c, session, `${messageId}/${fileId}`, written ? `${result} (written)` : result);
    return result;
  }

  // Hono answers HEAD with this GET handler: a HEAD sends no file, so it must not mark one
  app.get('/messages/:id/files/:fileId', async (c) => {
    const session = requireOffice(c);
    const id = c.req.param('id');
    const fileId = c.req.param('fileId');
    const record = isId(id) && isId(fileId) ? await deps.store.messages.get(id) : null;
    if (!record || !canSee(record, session.officeNumber, deps.now())) throw notFound();
    const file = record.files.find((f) => f.id === fileId);
    if (!file) throw notFound();
    const receiving = record.destination === session.officeNumber;
    if (receiving && record.withdrawnAt) throw withdrawn();

    const headers = {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': contentDisposition(file.name),
      'Content-Length': String(file.size),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    // read a piece at a time as the client takes it, from disk or the database
    const body = await deps.blobs.open(record.id, file);
    // deleted since the row was read (retention, or its office removed)
    if (!body) throw notFound();
    try {
      if (receiving && c.req.query('mark') === 'later') await auditDownload(c, session, `${record.id}/${file.id}`, 'unmarked');
      else if (receiving) await mark(c, session, record.id, file.id, false);
    } catch (err) {
      // a 送信取消 that won the race (410): the opened file is let go now, not when GC finds it
      await body.cancel().catch(() => undefined);
      throw err;
    }
    return c.body(body, 200, headers);
  });

  app.post('/messages/:id/downloaded', async (c) => {
    const session = requireOffice(c);
    const id = c.req.param('id');
    const { fileIds } = await jsonBody(c, markSchema);
    const record = isId(id) ? await deps.store.messages.get(id) : null;
    // only the receiver marks; to anyone else the message is not there
    if (!record || record.destination !== session.officeNumber || !canSee(record, session.officeNumber, deps.now())) throw notFound();
    if (record.withdrawnAt) throw withdrawn();
    const known = new Set(record.files.map((f) => f.id));
    if (fileIds.some((fileId) => !known.has(fileId))) throw notFound();
    for (const fileId of new Set(fileIds)) await mark(c, session, id, fileId, true);
    const updated = await deps.store.messages.get(id);
    if (!updated) throw notFound();
    return c.json(toSummary(updated, session.officeNumber) satisfies MessageSummary);
  });

  return app;
}
