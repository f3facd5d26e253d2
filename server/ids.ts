// Random 128-bit identifiers: not guessable, and safe as folder and file names.
import { randomBytes } from 'node:crypto';

const ID_PATTERN = /^[0-9a-f]{32}$/;

/**
 * Ids are cut from a pool of random bytes filled 256 ids at a time, as randomUUID() does: each id
 * is still 16 bytes of the CSPRNG that no other id shares, and a send's five ids no longer cost a
 * call into OpenSSL each.
 */
const POOL_BYTES = 256 * 16;
let pool = Buffer.alloc(0);
let at = 0;

export function newId(): string {
  if (at >= pool.length) {
    pool = randomBytes(POOL_BYTES);
    at = 0;
  }
  const id = pool.toString('hex', at, at + 16);
  at += 16;
  return id;
}

export const isId = (value: string) => ID_PATTERN.test(value);
