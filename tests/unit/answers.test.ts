// The hand-written checks of the relay's answers (src/domain/answers.ts: what the first screens and
// the service worker read without zod) accept exactly what the contract's zod schemas accept, and
// return the same values. The samples come from the schemas themselves (tests/support/schema-samples.ts),
// so a field added to the contract is sampled, and refused by a check that does not know it.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import '../../src/domain/zod-config';
import {
  apiErrorAnswer,
  countsAnswer,
  logoutEverywhereAnswer,
  okAnswer,
  sendAnswer,
  sessionInfoAnswer,
  type AnswerCheck,
} from '../../src/domain/answers';
import {
  apiErrorSchema,
  countsResponseSchema,
  healthResponseSchema,
  loginResponseSchema,
  logoutEverywhereResponseSchema,
  logoutResponseSchema,
  officeLoginResponseSchema,
  passwordChangeResponseSchema,
  sendResponseSchema,
  sessionInfoSchema,
  sessionResponseSchema,
} from '../../src/domain/contract';
import { samplesOf } from '../support/schema-samples';
import { summary } from '../support/db';

/** Each endpoint's contract schema, and the check the client reads its answer with. */
const PAIRS: [string, z.ZodMiniType, AnswerCheck<unknown>][] = [
  ['the session kept on the device', sessionInfoSchema, sessionInfoAnswer],
  ['POST /api/auth/login', loginResponseSchema, sessionInfoAnswer],
  ['POST /api/auth/office-login', officeLoginResponseSchema, sessionInfoAnswer],
  ['GET /api/session', sessionResponseSchema, sessionInfoAnswer],
  ['POST /api/auth/password', passwordChangeResponseSchema, sessionInfoAnswer],
  ['POST /api/auth/logout', logoutResponseSchema, okAnswer],
  ['GET /api/health', healthResponseSchema, okAnswer],
  ['POST /api/auth/logout-everywhere', logoutEverywhereResponseSchema, logoutEverywhereAnswer],
  ['GET /api/messages/counts', countsResponseSchema, countsAnswer],
  ['POST /api/messages', sendResponseSchema, sendAnswer],
  ['a refusal', apiErrorSchema, apiErrorAnswer],
];

describe.each(PAIRS)('%s', (_name, schema, check) => {
  const samples = samplesOf(schema);

  it('accepts and refuses what zod does, and returns what zod returns', () => {
    const disagreements: string[] = [];
    for (const { label, value } of samples) {
      const expected = schema.safeParse(value);
      const actual = check.safeParse(value);
      if (expected.success !== actual.success) {
        disagreements.push(`${label}: zod ${expected.success ? 'accepts' : 'refuses'}, the check ${actual.success ? 'accepts' : 'refuses'}`);
      } else if (expected.success && actual.success) {
        try {
          expect(actual.data).toStrictEqual(expected.data);
        } catch {
          disagreements.push(`${label}: zod returns ${JSON.stringify(expected.data)}, the check ${JSON.stringify(actual.data)}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('is tried on samples of both kinds', () => {
    const accepted = samples.filter((s) => schema.safeParse(s.value).success).length;
    expect(accepted).toBeGreaterThan(2);
    expect(samples.length - accepted).toBeGreaterThan(10);
  });
});

describe('the checks', () => {
  it('drop keys the contract does not name, as zod does', () => {
    const read = sendAnswer.safeParse({ message: { ...summary('m1'), internal: 'x' }, duplicate: false, extra: 1 });
    expect(read).toEqual({ success: true, data: { message: summary('m1'), duplicate: false } });
  });

  it('refuse a send answer whose message is not whole (what the outbox would record as sent)', () => {
    const { files: _files, ...withoutFiles } = summary('m1');
    expect(sendAnswer.safeParse({ message: withoutFiles, duplicate: false }).success).toBe(false);
    const badFile = { ...summary('m1'), files: [{ id: 'f', name: 'a.csv', size: -1, category: '登録', sha256: '', downloadedAt: null }] };
    expect(sendAnswer.safeParse({ message: badFile, duplicate: false }).success).toBe(false);
  });

  it('refuse an error code the contract does not list', () => {
    expect(apiErrorAnswer.safeParse({ error: { code: 'teapot', message: 'x' } }).success).toBe(false);
    expect(apiErrorAnswer.safeParse({ error: { code: 'throttled', message: '少し待って' } })).toEqual({
      success: true,
      data: { error: { code: 'throttled', message: '少し待って' } },
    });
  });

  it('let a mistake in their own code through rather than call it a wrong answer', () => {
    const broken = { get user(): unknown { throw new TypeError('bug'); } };
    expect(() => sessionInfoAnswer.safeParse(broken)).toThrow('bug');
  });
});
