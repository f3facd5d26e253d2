// The multipart body of a small send read in one pass over its bytes, when it has the one plain
// shape browsers and undici's FormData write: busboy's streams, a parser and a stream per part,
// cost a send more of the event loop than its CSV checks. Anything else — a preamble, other
// headers, a quoted or unusual boundary, a charset, a folded or repeated header, a field past
// busboy's 1 MB field limit, bytes after the end — is left to busboy (null), so what a send is
// read as never depends on which reader read it (tests/server/send-form-plain.test.ts compares
// the two on generated and damaged bodies).
import { MAX_SEND_FILES } from '../../src/domain/contract';
import { sha256Hex } from '../digest';
import { formFileName, type SendForm } from './send-form';

/** The boundaries browsers and undici write; anything else goes to busboy. */
const PLAIN_CONTENT_TYPE = /^multipart\/form-data; boundary=([0-9A-Za-z_-]{1,70})$/;
/** busboy's default limit on a field's bytes (it cuts the rest off) */
const FIELD_MAX_BYTES = 1024 * 1024;
const HEADER_BLOCK_MAX_BYTES = 8 * 1024;
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const DISPOSITION = 'Content-Disposition: form-data; name="';
const CONTENT_TYPE = 'Content-Type: ';

interface PlainPart {
  name: string;
  /** absent for a field */
  fileName?: string;
  bytes: Buffer;
}

/** A name or file name busboy reads as it is: no quote, no backslash, no control character. */
function plainValue(line: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = line[i]!;
    if (b < 0x20 || b === 0x7f || b === 0x22 || b === 0x5c) return false;
  }
  return true;
}

/** The part's name and file name from its header lines, or null when they are not the plain shape. */
function readHeaders(block: Buffer): { name: string; fileName?: string; typed: boolean } | null {
  let disposition: { name: string; fileName?: string } | null = null;
  let typed = false;
  for (let start = 0; start <= block.length; ) {
    let end = block.indexOf(CRLF, start);
    if (end < 0) end = block.length;
    const line = block.subarray(start, end);
    start = end + 2;
    const text = line.toString('latin1');
    if (text.startsWith(DISPOSITION) && disposition === null) {
      const nameEnd = line.indexOf(0x22, DISPOSITION.length);
      if (nameEnd < 0 || !plainValue(line, DISPOSITION.length, nameEnd)) return null;
      const name = line.toString('utf8', DISPOSITION.length, nameEnd);
      if (nameEnd === line.length - 1) {
        disposition = { name };
        continue;
      }
      const rest = '; filename="';
      if (text.slice(nameEnd + 1, nameEnd + 1 + rest.length) !== rest || line[line.length - 1] !== 0x22) return null;
      const from = nameEnd + 1 + rest.length;
      if (from > line.length - 1 || !plainValue(line, from, line.length - 1)) return null;
      disposition = { name, fileName: line.toString('utf8', from, line.length - 1) };
    } else if (text.startsWith(CONTENT_TYPE) && !typed && plainValue(line, CONTENT_TYPE.length, line.length) && line.length > CONTENT_TYPE.length) {
      typed = true;
    } else return null;
  }
  return disposition && { ...disposition, typed };
}

/** The parts of a body of the plain shape, in order, or null. */
function plainParts(contentType: string, body: Buffer): PlainPart[] | null {
  const boundary = PLAIN_CONTENT_TYPE.exec(contentType)?.[1];
  if (!boundary) return null;
  const opening = Buffer.from(`--${boundary}\r\n`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  if (body.indexOf(opening) !== 0) return null;
  const parts: PlainPart[] = [];
  let at = opening.length;
  for (;;) {
    const headerEnd = body.indexOf(HEADER_END, at);
    // the earliest the next delimiter could start: right at this part's start (a part without headers)
    const next = body.indexOf(delimiter, at - 2);
    if (headerEnd < 0 || next < headerEnd + 4 || headerEnd - at > HEADER_BLOCK_MAX_BYTES) return null;
    const headers = readHeaders(body.subarray(at, headerEnd));
    if (!headers) return null;
    const bytes = body.subarray(headerEnd + 4, next);
    if (headers.fileName === undefined) {
      // a field with a type may carry a charset busboy would decode it by
      if (headers.typed || bytes.length > FIELD_MAX_BYTES) return null;
      parts.push({ name: headers.name, bytes });
    } else parts.push({ name: headers.name, fileName: headers.fileName, bytes });
    const after = next + delimiter.length;
    if (body[after] === 0x2d && body[after + 1] === 0x2d) {
      const tail = body.length - (after + 2);
      const ends = tail === 0 || (tail === 2 && body[after + 2] === 0x0d && body[after + 3] === 0x0a);
      return ends ? parts : null;
    }
    if (body[after] !== 0x0d || body[after + 1] !== 0x0a) return null;
    at = after + 2;
  }
}

/** The send form of a plain body, exactly as readSendForm's busboy reading gives it; null: not plain. */
export function readPlainSendForm(contentType: string, body: Buffer): SendForm | null {
  const parts = plainParts(contentType, body);
  // two meta parts: which one busboy hands over first depends on its streams' timing
  if (!parts || parts.filter((p) => p.name === 'meta').length > 1) return null;
  const form: SendForm = { metaText: null, files: [], fileCount: 0, textInFiles: false };
  for (const part of parts) {
    if (part.fileName === undefined) {
      if (part.name === 'meta') form.metaText ??= part.bytes.toString('utf8');
      else if (part.name === 'files') form.textInFiles = true;
      continue;
    }
    if (part.name === 'meta') form.metaText ??= part.bytes.toString('utf8');
    else if (part.name === 'files' && ++form.fileCount <= MAX_SEND_FILES) {
      // a buffer of the file's own: the body's is not kept past the send, and a view of it would
      // carry the whole body along wherever the file is posted to
      const bytes = new Uint8Array(part.bytes);
      form.files.push({ name: formFileName(part.fileName), bytes, sha256: sha256Hex(bytes) });
    }
  }
  return form;
}
