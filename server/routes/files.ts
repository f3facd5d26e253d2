// File download. The receiver's download marks the file; the sender may fetch its own copy unmarked.
import { Hono } from 'hono';
import { requireOffice } from '../auth/sessions';
import { clientAddress, type AppDeps, type AppEnv } from '../context';
import { isStorageFull, notFound } from '../errors';
import { isId } from '../ids';
import { canSee } from '../message-view';

/** RFC 6266 / 5987: an ASCII fallback for old clients and the exact UTF-8 name for the rest. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'download';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function fileRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The first download marks the file 済 for the sender, with its audit row. */
  async function markDownloaded(messageId: string, fileId: string, who: { userId: string; office: string; address: string }): Promise<void> {
    try {
      const first = await deps.store.messages.markDownloaded(messageId, fileId, deps.now().toISOString());
      await deps.store.audit.add({
        action: 'download',
        actor: who.userId,
        office: who.office,
        target: `${messageId}/${fileId}`,
        address: who.address,
        detail: first ? 'first' : 'again',
      });
    } catch (err) {
      // a full disk must not keep a receiver from its file: it stays 未 and is marked at a later download
      if (!isStorageFull(err)) throw err;
      console.error(`[renkei] storage full: download of ${messageId}/${fileId} by ${who.userId} not marked`);
    }
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

    const headers = {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': contentDisposition(file.name),
      'Content-Length': String(file.size),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    const bytes = await deps.blobs.read(record.id, file.id);
    if (record.destination === session.officeNumber) {
      await markDownloaded(record.id, file.id, {
        userId: session.userId,
        office: session.officeNumber,
        address: clientAddress(c, deps.config.trustProxy),
      });
    }
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Length': String(bytes.byteLength) });
  });

  return app;
}
