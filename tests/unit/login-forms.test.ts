// ログイン and 事業所ユーザログイン check their fields by hand (src/domain/login-forms.ts, no zod in
// the first download); the relay parses the same requests with the contract's schemas. Over every
// combination of awkward inputs, both accept the same forms, send the same values, and name the
// same first problem of each field.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import '../../src/domain/zod-config';
import { loginRequestSchema, officeLoginRequestSchema } from '../../src/domain/contract';
import { checkLoginForm, checkOfficeLoginForm, type FormCheck } from '../../src/domain/login-forms';

const PASSWORDS = ['', ' ', 'x', 'パスワード', 'x'.repeat(200), 'x'.repeat(201), ' '.repeat(201)];
const USER_IDS = ['', '   ', 'cm01', '  cm01  ', '\tcm01\n', 'a'.repeat(64), 'a'.repeat(65), ` ${'a'.repeat(64)} `, '　全角　', 'ケアマネ'];
const OFFICE_USER_IDS = [
  '',
  'KJ000000000000',
  'KJ123456789012',
  'kj123456789012',
  'KJ12345678901',
  'KJ1234567890123',
  'KJ12345678901A',
  'KJ１２３４５６７８９０１２',
  ' KJ123456789012',
  'XJ123456789012',
];

/** What zod says of a form, in the hand-written check's terms: the first problem of each field. */
function zodVerdict<T>(schema: z.ZodMiniType<T>, form: unknown): FormCheck<T> {
  const parsed = schema.safeParse(form);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return { ok: false, errors } as FormCheck<T>;
}

/** Every form of the cross product, checked by both: the same verdict each time; how many were refused. */
function compareOn<T, F extends Record<string, string>>(schema: z.ZodMiniType<T>, check: (form: F) => FormCheck<T>, forms: F[]): number {
  let refused = 0;
  for (const form of forms) {
    const expected = zodVerdict(schema, form);
    expect(check(form), JSON.stringify(form)).toEqual(expected);
    if (!expected.ok) refused++;
  }
  return refused;
}

const LOGIN_FORMS = USER_IDS.flatMap((userId) => PASSWORDS.map((password) => ({ userId, password })));
const OFFICE_LOGIN_FORMS = OFFICE_USER_IDS.flatMap((officeUserId) => PASSWORDS.map((password) => ({ officeUserId, password })));

describe('the login forms’ own checks', () => {
  it('ログイン: the relay’s loginRequestSchema says the same of every form', () => {
    expect(compareOn(loginRequestSchema, checkLoginForm, LOGIN_FORMS)).toBeGreaterThan(20);
  });

  it('事業所ユーザログイン: the relay’s officeLoginRequestSchema says the same of every form', () => {
    expect(compareOn(officeLoginRequestSchema, checkOfficeLoginForm, OFFICE_LOGIN_FORMS)).toBeGreaterThan(20);
  });

  it('sends the ユーザID trimmed and says which field is wrong, in Japanese', () => {
    expect(checkLoginForm({ userId: '  cm01 ', password: 'pw' })).toEqual({ ok: true, value: { userId: 'cm01', password: 'pw' } });
    expect(checkLoginForm({ userId: ' ', password: '' })).toEqual({
      ok: false,
      errors: { userId: 'ユーザIDを入力してください', password: 'パスワードを入力してください' },
    });
    expect(checkOfficeLoginForm({ officeUserId: 'KJ12345', password: 'pw' })).toEqual({
      ok: false,
      errors: { officeUserId: '事業所ユーザIDは「KJ」に続く12桁の数字(14文字)で入力してください' },
    });
  });
});
