// The send's multipart body read as it streams (server/routes/send-form.ts): what deliver() gets
// is what undici's FormData reader gave before (names as the browser meant them, bytes, SHA-256,
// order), and files past the per-send limit are counted without being kept.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_SEND_FILES } from '../../src/domain/contract';
import { readSendForm, UnreadableForm } from '../../server/routes/send-form';

function body(fill: (form: FormData) => void): Request {
  const form = new FormData();
  fill(form);
  return new Request('http://relay.test/api/messages', { method: 'POST', body: form });
}
const read = (req: Request) => readSendForm(req.headers.get('content-type') ?? undefined, req.body);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('readSendForm', () => {
  it('reads a Node stream (the request under a socket) as it reads the web stream', async () => {
    const files = [bytesOf(70_000, 4), bytesOf(3, 5)];
    const req = body((form) => {
      form.append('meta', '{"destination":"3310000017"}');
      files.forEach((bytes, i) => form.append('files', new Blob([bytes]), `資料${i}.pdf`));
    });
    const raw = Buffer.from(await req.clone().arrayBuffer());
    // in pieces of a few KB, as a socket hands them over
    const pieces = Array.from({ length: Math.ceil(raw.length / 4096) }, (_, i) => raw.subarray(i * 4096, (i + 1) * 4096));
    const fromNode = await readSendForm(req.headers.get('content-type')!, Readable.from(pieces));
    const fromWeb = await read(req);
    expect(fromNode).toEqual(fromWeb);
    expect(fromNode.files.map((f) => f.sha256)).toEqual(files.map(sha256));
  });

  it('gives the meta and each file with its bytes and SHA-256, in the order sent, as FormData does', async () => {
    const files = [bytesOf(200_000, 1), bytesOf(0, 2), bytesOf(5, 3)];
    const names = ['UPPLAN_202504_3300000001_3310000017_20250325103000.CSV', '第3表_週間計画.pdf', 'a"b\r\n.pdf'];
    const req = body((form) => {
      form.append('meta', JSON.stringify({ destination: '3310000017', message: 'こんにちは' }));
      files.forEach((bytes, i) => form.append('files', new Blob([bytes]), names[i]));
    });
    const undici = await req.clone().formData();
    const form = await read(req);
    expect(form.metaText).toBe(undici.get('meta'));
    expect(form.fileCount).toBe(3);
    expect(form.textInFiles).toBe(false);
    expect(form.files.map((f) => f.name)).toEqual(undici.getAll('files').map((f) => (f as File).name));
    expect(form.files.map((f) => [...f.bytes])).toEqual(files.map((b) => [...b]));
    expect(form.files.map((f) => f.sha256)).toEqual(files.map(sha256));
  });

  it('counts files past the limit without keeping them', async () => {
    const form = await read(body((f) => {
      for (let i = 0; i < MAX_SEND_FILES + 20; i++) f.append('files', new Blob([bytesOf(10, i)]), `資料${i}.pdf`);
    }));
    expect(form.fileCount).toBe(MAX_SEND_FILES + 20);
    expect(form.files).toHaveLength(MAX_SEND_FILES);
    expect(form.metaText).toBeNull();
  });

  it('takes a meta sent as a file part, and marks text where a file belongs', async () => {
    const form = await read(body((f) => {
      f.append('meta', new Blob(['{"destination":"3310000017"}']), 'meta.json');
      f.append('files', 'not a file');
    }));
    expect(form.metaText).toBe('{"destination":"3310000017"}');
    expect(form.textInFiles).toBe(true);
    expect(form.files).toEqual([]);
  });

  it('refuses a body that is not a multipart form, or has no boundary, or ends early', async () => {
    await expect(readSendForm('application/json', new Blob(['{}']).stream())).rejects.toBeInstanceOf(UnreadableForm);
    await expect(readSendForm('multipart/form-data', new Blob(['x']).stream())).rejects.toBeInstanceOf(UnreadableForm);
    const cut = body((f) => f.append('files', new Blob([bytesOf(1000, 1)]), 'a.pdf'));
    const text = new Uint8Array(await cut.clone().arrayBuffer()).slice(0, 300);
    await expect(readSendForm(cut.headers.get('content-type')!, new Blob([text]).stream())).rejects.toBeInstanceOf(UnreadableForm);
  });
});
