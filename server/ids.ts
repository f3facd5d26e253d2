// Identifiers: 32 hex digits, not guessable, and safe as folder and file names.
import { randomBytes } from 'node:crypto';

const ID_PATTERN = /^[0-9a-f]{32}$/;

/** 80 random bits per id: 2^80 values a millisecond, beyond any guessing. */
const RANDOM_BYTES = 10;

/**
 * The random part is cut from a pool of random bytes filled 256 ids at a time, as randomUUID()
 * does: each id still has bytes of the CSPRNG that no other id shares, and a send's five ids do
 * not cost a call into OpenSSL each.
 */
const POOL_BYTES = 256 * RANDOM_BYTES;
let pool = Buffer.alloc(0);
let at = 0;

/**
 * 48 bits of the clock (milliseconds, hex) then 80 random bits, as UUIDv7 lays them out. A send
 * adds rows under ids to seven B-tree indexes (messages, files, transfer log, chunks): with fully
 * random ids each landed on a leaf page of its own, anywhere in the index, and every commit wrote
 * (and the next checkpoint copied) each such page whole; ids that grow with time share the last
 * leaves, so a commit of many sends writes a few pages instead of a hundred. The time in an id
 * tells nothing its message's sent_at does not already show to the offices that can see it.
 */
export function newId(now = Date.now()): string {
  if (at >= pool.length) {
    pool = randomBytes(POOL_BYTES);
    at = 0;
  }
  const id = now.toString(16).padStart(12, '0').slice(-12) + pool.toString('hex', at, at + RANDOM_BYTES);
  at += RANDOM_BYTES;
  return id;
}

export const isId = (value: string) => ID_PATTERN.test(value);
