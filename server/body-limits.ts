// A body limit on every route, fitting what the route takes, checked before anything reads the
// body: a declared Content-Length over the limit is refused at once, and a chunked body is cut
// off (413) as soon as it passes the limit while being read. Nothing ever parses more than this.
import { bodyLimit } from 'hono/body-limit';
import type { Context, MiddlewareHandler } from 'hono';
import { MAX_SEND_BYTES } from '../src/domain/contract';
import type { AppEnv } from './context';
import { errorBody, MESSAGES } from './errors';

/** Room for the multipart framing and the meta field around 10 MB of files. */
export const MAX_SEND_BODY_BYTES = MAX_SEND_BYTES + 1024 * 1024;
/** Logins, logout, a password change: a few short strings. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

const sendTooLarge = (c: Context) => c.json(errorBody('too-large', MESSAGES.tooLarge), 413);
const sendLimit = bodyLimit({ maxSize: MAX_SEND_BODY_BYTES, onError: sendTooLarge });
const jsonLimit = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: (c) => c.json(errorBody('too-large', MESSAGES.requestTooLarge), 413),
});

export function bodyLimits(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const isSend = c.req.method === 'POST' && c.req.path === '/api/messages';
    if (!isSend) return jsonLimit(c, next);
    // a declared length is judged from the headers alone, as bodyLimit does, but without touching
    // c.req.raw: on a socket that would build a web Request and stream around the Node request,
    // and the send route reads the Node request itself (server/routes/send.ts)
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > MAX_SEND_BODY_BYTES ? Promise.resolve(sendTooLarge(c)) : next();
    }
    return sendLimit(c, next);
  };
}
