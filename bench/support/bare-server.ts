// The baseline for send-throughput: a bare node:http server that takes the same multipart body
// and makes its files durable the way server/blobs/disk.ts does (each file written and fsynced in
// a staging folder, the folder fsynced, renamed into place, the parent fsynced — one fsync of the
// parent shared by the sends renamed meanwhile, as the relay shares it: the same fsyncs per send)
// — but with no framework, no session, no validation and no SQLite.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { coalesced } from '../../server/coalesce';

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/** The file parts of a multipart/form-data body (enough for the bench's own well-formed bodies). */
export function fileParts(body: Buffer, contentType: string): Buffer[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  const files: Buffer[] = [];
  let at = body.indexOf(marker);
  while (at >= 0) {
    const start = at + marker.length + 2;
    const end = body.indexOf(marker, start);
    if (end < 0) break;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd > 0 && headerEnd < end && body.subarray(start, headerEnd).includes('filename=')) {
      files.push(body.subarray(headerEnd + 4, end - 2));
    }
    at = end;
  }
  return files;
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function storeDurably(dataDir: string, files: Buffer[], syncBlobs: () => Promise<void>): Promise<string> {
  const id = randomBytes(16).toString('hex');
  const staging = join(dataDir, 'tmp', id);
  await mkdir(staging);
  for (const [i, bytes] of files.entries()) {
    const handle = await open(join(staging, String(i)), 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  await syncPath(staging);
  await rename(staging, join(dataDir, 'blobs', id));
  await syncBlobs();
  return id;
}

export async function startBareServer(dataDir: string): Promise<BareServer> {
  await rm(join(dataDir, 'tmp'), { recursive: true, force: true });
  await mkdir(join(dataDir, 'tmp'), { recursive: true });
  await mkdir(join(dataDir, 'blobs'), { recursive: true });
  const syncBlobs = coalesced(() => syncPath(join(dataDir, 'blobs')));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const files = fileParts(Buffer.concat(chunks), req.headers['content-type'] ?? '');
      storeDurably(dataDir, files, syncBlobs).then(
        (id) => {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id, files: files.length }));
        },
        (err: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(err));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
