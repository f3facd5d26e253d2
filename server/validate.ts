// zod at the edge: a failed parse becomes a 400 with the schema's Japanese message.
import type { Context } from 'hono';
import type { z } from 'zod';
import { badRequest } from './errors';

export function parseOr400<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const messages = result.error.issues.map((i) => i.message);
  throw badRequest(messages[0], messages.length > 1 ? messages : undefined);
}

export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest();
  }
  return parseOr400(schema, body);
}
