// The client's isSendId accepts exactly what the relay's z.uuid() accepts for the idempotency key
// (server/routes/send.ts): an id the client lets through and the relay refuses would fail for good
// after going out, and one the client refuses that the relay takes would never be sent.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newId } from '../../src/db/ids';
import { isSendId } from '../../src/domain/api';

const relay = z.uuid();
const relayTakes = (id: string) => relay.safeParse(id).success;

const ACCEPTED = [
  '0190a3b2-7c4d-4e5f-8a6b-1c2d3e4f5a6b', // v4, variant 8
  '0190a3b2-7c4d-1e5f-9a6b-1c2d3e4f5a6b', // v1, variant 9
  '0190a3b2-7c4d-7e5f-aa6b-1c2d3e4f5a6b', // v7, variant a
  '0190a3b2-7c4d-8e5f-ba6b-1c2d3e4f5a6b', // v8, variant b
  '0190A3B2-7C4D-4E5F-BA6B-1C2D3E4F5A6B', // upper case
  '0190a3b2-7c4d-4e5f-Ba6b-1c2d3e4f5a6b', // upper-case variant digit
  '00000000-0000-0000-0000-000000000000', // nil
  'ffffffff-ffff-ffff-ffff-ffffffffffff', // max
];

const REFUSED = [
  '0190a3b2-7c4d-0e5f-8a6b-1c2d3e4f5a6b', // version 0
  '0190a3b2-7c4d-9e5f-8a6b-1c2d3e4f5a6b', // version 9
  '0190a3b2-7c4d-fe5f-8a6b-1c2d3e4f5a6b', // version f
  '0190a3b2-7c4d-4e5f-7a6b-1c2d3e4f5a6b', // variant 0xxx (NCS)
  '0190a3b2-7c4d-4e5f-ca6b-1c2d3e4f5a6b', // variant 110x (Microsoft)
  '0190a3b2-7c4d-4e5f-fa6b-1c2d3e4f5a6b', // variant 111x
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', // max, upper case: zod spells it in lower case only
  '00000000-0000-0000-0000-000000000001', // next to nil
  '0190a3b27c4d4e5f8a6b1c2d3e4f5a6b', // no hyphens
  '{0190a3b2-7c4d-4e5f-8a6b-1c2d3e4f5a6b}', // braces
  'urn:uuid:0190a3b2-7c4d-4e5f-8a6b-1c2d3e4f5a6b',
  ' 0190a3b2-7c4d-4e5f-8a6b-1c2d3e4f5a6b', // leading space
  '0190a3b2-7c4d-4e5f-8a6b-1c2d3e4f5a6b ', // trailing space
  '0190a3b2-7c4d-4e5f-8a6b-1c2d3e4f5a6b\n', // trailing newline ($ must not let it through)
  '0190a3b2-7c4d-4e5f-8a6b-1c2d3e4f5a6', // one digit short
  '0190a3b2-7c4d-4e5f-8a6b-1c2d3e4f5a6b0', // one digit long
  '0190a3b2-7c4d-4e5f-8a6b-1c2d3e4f5a6g', // not hex
  '0190a3b2-7c4d-4e5f-8a6b-1c2d3e4f5a６b', // full-width digit
  '',
];

describe('isSendId', () => {
  it.each(ACCEPTED)('takes %s, as the relay does', (id) => {
    expect(relayTakes(id)).toBe(true);
    expect(isSendId(id)).toBe(true);
  });

  it.each(REFUSED)('refuses %j, as the relay does', (id) => {
    expect(relayTakes(id)).toBe(false);
    expect(isSendId(id)).toBe(false);
  });

  it('takes every id this device makes', () => {
    for (let i = 0; i < 200; i += 1) {
      const id = newId();
      expect(isSendId(id)).toBe(true);
      expect(relayTakes(id)).toBe(true);
    }
  });

  it('agrees with the relay on every version and variant digit', () => {
    const hex = '0123456789abcdefABCDEF';
    for (const version of hex) {
      for (const variant of hex) {
        const id = `0190a3b2-7c4d-${version}e5f-${variant}a6b-1c2d3e4f5a6b`;
        expect(isSendId(id), id).toBe(relayTakes(id));
      }
    }
  });
});
