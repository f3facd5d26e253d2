// File download. The receiver's download marks the file; the sender may fetch its own copy unmarked.
import { Hono } from 'hono';
import { requireOffice } from '../auth/sessions';
import { clientAddress, type AppDeps, type AppEnv } from '../context';
import { notFound } from '../errors';
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

  app.get('/messages/:id/files/:fileId', async (c) => {
    const session = requireOffice(c);
    const id = c.req.param('id');
    const fileId = c.req.param('fileId');
    const record = isId(id) && isId(fileId) ? await deps.store.messages.get(id) : null;
    if (!record || !canSee(record, session.officeNumber)) throw notFound();
    const file = record.files.find((f) => f.id === fileId);
    if (!file) throw notFound();

    const bytes = await deps.blobs.read(record.id, file.id);
    if (record.destination === session.officeNumber) {
      const first = await deps.store.messages.markDownloaded(record.id, file.id, deps.now().toISOString());
      await deps.store.audit.add({
        action: 'download',
        actor: session.userId,
        office: session.officeNumber,
        target: `${record.id}/${file.id}`,
        address: clientAddress(c, deps.config.trustProxy),
        detail: first ? 'first' : 'again',
      });
    }
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': contentDisposition(file.name),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return app;
}
