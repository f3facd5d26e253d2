// The checks ログイン and 事業所ユーザログイン make before asking the relay, by hand: the same rules
// and messages as the relay's loginRequestSchema and officeLoginRequestSchema (./contract, which
// the relay parses with), without zod in the first download. tests/unit/login-forms.test.ts runs
// both over the same inputs.
import { LOGIN_MESSAGES as M, LOGIN_RULES as R } from './api';
import type { LoginRequest, OfficeLoginRequest } from './contract';

/** The request to send, or the first problem of each field, by the request's field name. */
export type FormCheck<T> = { ok: true; value: T } | { ok: false; errors: Partial<Record<keyof T, string>> };

function passwordProblem(password: string): string | undefined {
  if (password.length < 1) return M.passwordMissing;
  if (password.length > R.passwordMaxChars) return M.passwordTooLong;
  return undefined;
}

function result<T extends object>(value: T, errors: Partial<Record<keyof T, string | undefined>>): FormCheck<T> {
  const found = Object.entries(errors).filter(([, message]) => message !== undefined);
  return found.length === 0 ? { ok: true, value } : { ok: false, errors: Object.fromEntries(found) as Partial<Record<keyof T, string>> };
}

export function checkLoginForm(form: { userId: string; password: string }): FormCheck<LoginRequest> {
  const userId = form.userId.trim();
  const userIdProblem = userId.length < 1 ? M.userIdMissing : userId.length > R.userIdMaxChars ? M.userIdTooLong : undefined;
  return result({ userId, password: form.password }, { userId: userIdProblem, password: passwordProblem(form.password) });
}

export function checkOfficeLoginForm(form: { officeUserId: string; password: string }): FormCheck<OfficeLoginRequest> {
  return result(
    { officeUserId: form.officeUserId, password: form.password },
    { officeUserId: R.officeUserId.test(form.officeUserId) ? undefined : M.officeUserId, password: passwordProblem(form.password) },
  );
}
