// zod at the edge: a failed parse becomes a 400 with the schema's Japanese message. Where a
// schema has none (wrong JSON types, a missing object) zod's English default is replaced, so
// every refusal reads in Japanese.
import type { Context } from 'hono';
import { z } from 'zod';
import { badRequest, MESSAGES } from './errors';

/** The request fields by their names on screen. */
const FIELD_LABELS: Record<string, string> = {
  userId: 'ユーザID',
  password: 'パスワード',
  officeUserId: '事業所ユーザID',
  destination: '送信先事業所番号',
  message: 'メッセージ',
};

function japaneseDefault(issue: { code?: string; path?: PropertyKey[]; input?: unknown }): string {
  const field = issue.path?.[0];
  const label = typeof field === 'string' ? (FIELD_LABELS[field] ?? `「${field.slice(0, 40)}」`) : null;
  if (!label) return MESSAGES.badRequest;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${label}を入力してください`;
  return `${label}の形式が正しくありません`;
}

/** Any zod schema: the contract's are zod/mini ones (src/domain/contract.ts), the server's own full zod. */
type AnySchema = z.core.$ZodType;

export function parseOr400<T extends AnySchema>(schema: T, value: unknown): z.core.output<T> {
  // a schema's own message wins over this one
  const result = z.safeParse(schema, value, { error: japaneseDefault });
  if (result.success) return result.data;
  const messages = result.error.issues.map((i) => i.message);
  throw badRequest(messages[0], messages.length > 1 ? messages : undefined);
}

export async function jsonBody<T extends AnySchema>(c: Context, schema: T): Promise<z.core.output<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest();
  }
  return parseOr400(schema, body);
}
