// A body limit on every route, fitting what the route takes, checked before anything reads the
// body: a declared Content-Length over the limit is refused at once, and a chunked body is cut
// off (413) as soon as it passes the limit while being read. Nothing ever parses more than this.
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { MAX_SEND_BYTES } from '../src/domain/contract';
import type { AppEnv } from './context';
import { errorBody, MESSAGES } from './errors';

/** Room for the multipart framing and the meta field around 10 MB of files. */
export const MAX_SEND_BODY_BYTES = MAX_SEND_BYTES + 1024 * 1024;
/** Logins, logout, a password change: a few short strings. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

const sendLimit = bodyLimit({ maxSize: MAX_SEND_BODY_BYTES, onError: (c) => c.json(errorBody('too-large', MESSAGES.tooLarge), 413) });
const jsonLimit = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: (c) => c.json(errorBody('too-large', MESSAGES.requestTooLarge), 413),
});

export function bodyLimits(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const isSend = c.req.method === 'POST' && c.req.path === '/api/messages';
    return (isSend ? sendLimit : jsonLimit)(c, next);
  };
}
