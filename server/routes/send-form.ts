// The multipart body of a send, read as it streams in (@fastify/busboy) rather than buffered
// whole into a FormData first: each file is hashed once its bytes have arrived, in one call. The body limit
// (server/body-limits.ts) has already bounded what can arrive; files past the per-send limit are
// counted, not kept. What deliver() gets is the same as before: the meta text and each file's
// name, bytes and SHA-256, in the order sent.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Busboy, type BusboyInstance } from '@fastify/busboy';
import { MAX_SEND_FILES } from '../../src/domain/contract';
import type { ReceivedFile } from '../delivery/outcome';
import { sha256Hex } from '../digest';

export interface SendForm {
  /** the `meta` part's text (a field, or a file part as FormData would also take it); null when absent */
  metaText: string | null;
  /** the `files` parts kept, in order (at most MAX_SEND_FILES) */
  files: ReceivedFile[];
  /** how many `files` parts came, kept or not */
  fileCount: number;
  /** a `files` part without a file name (a text field): not a file */
  textInFiles: boolean;
}

/** Thrown when the body is not a multipart form that can be read to its end. */
export class UnreadableForm extends Error {}

/**
 * A file name as a browser (or undici's FormData) meant it: in a multipart header they write a
 * line break and a double quote as %0A, %0D and %22 (the HTML form encoding), which busboy leaves
 * as they are; undici's own FormData reader turns them back, as the relay did before.
 */
export function formFileName(raw: string): string {
  return raw.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/gi, '"');
}

/** The one answer to every way a form can turn out unreadable (busboy's error, a limit hit). */
function unreadable(reject: (error: unknown) => void): () => void {
  return () => reject(new UnreadableForm());
}

/**
 * `body`: the Node request itself where there is one (the relay on a socket: no web stream and no
 * Request object are made for it, which cost more than the parse), else the Request's web stream.
 */
export function readSendForm(contentType: string | undefined, body: Readable | ReadableStream<Uint8Array> | null): Promise<SendForm> {
  if (!contentType || !body || !/^multipart\/form-data/i.test(contentType)) return Promise.reject(new UnreadableForm());
  let parser: BusboyInstance;
  try {
    // preservePath: a name with a folder in it reaches the name rules as sent (busboy would cut it to its last part)
    parser = new Busboy({ headers: { 'content-type': contentType }, preservePath: true });
  } catch {
    return Promise.reject(new UnreadableForm()); // no boundary
  }
  const form: SendForm = { metaText: null, files: [], fileCount: 0, textInFiles: false };
  const reading: Promise<void>[] = [];
  return new Promise<SendForm>((resolve, reject) => {
    const fail = unreadable(reject);
    parser.on('field', (name, value) => {
      if (name === 'meta') form.metaText ??= value;
      else if (name === 'files') form.textInFiles = true;
    });
    parser.on('file', (name, stream, rawName) => {
      const fileName = formFileName(rawName);
      const keep = name === 'meta' || (name === 'files' && ++form.fileCount <= MAX_SEND_FILES);
      if (!keep) return void stream.resume();
      const slot = form.files.length;
      if (name === 'files') form.files.push({ name: fileName, bytes: new Uint8Array(), sha256: '' });
      const chunks: Buffer[] = [];
      reading.push(
        new Promise<void>((done, failed) => {
          stream.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
          });
          stream.on('error', failed);
          stream.on('end', () => {
            const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
            if (name === 'meta') form.metaText ??= bytes.toString('utf8');
            else form.files[slot] = { name: fileName, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), sha256: sha256Hex(bytes) };
            done();
          });
        }),
      );
    });
    parser.on('error', fail);
    parser.on('finish', () => void Promise.all(reading).then(() => resolve(form), fail));
    const source = body instanceof Readable ? body : Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
    source.on('error', fail);
    source.pipe(parser);
  });
}
