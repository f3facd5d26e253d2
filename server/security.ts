// Headers on every response, and the CSRF rule for every mutating API request.
import type { Context, MiddlewareHandler } from 'hono';
import { CSRF_HEADER, CSRF_VALUE } from '../src/domain/contract';
import type { AppEnv } from './context';
import { errorBody, MESSAGES } from './errors';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS: readonly [string, string][] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
];

/**
 * Sets headers on the answer already made, in place. Hono's c.header() at that point copies the
 * whole answer once per header (and on @hono/node-server turns its light answer into a full web
 * Response, sent the slow way): on a send that cost more than the route's own reads. Only an
 * answer with immutable headers (a fetched one) takes c.header()'s copy.
 */
export function setAnswerHeaders(c: Context, headers: readonly (readonly [string, string])[]): void {
  const target = c.res.headers;
  try {
    for (const [name, value] of headers) target.set(name, value);
  } catch {
    for (const [name, value] of headers) c.header(name, value);
  }
}

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    setAnswerHeaders(c, SECURITY_HEADERS);
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A cross-site form cannot set a custom header, and a cross-site fetch would need a preflight we never grant. */
export function requireClientHeader(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== CSRF_VALUE) {
      return c.json(errorBody('csrf', MESSAGES.csrf), 403);
    }
    return next();
  };
}
