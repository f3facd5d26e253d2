// The Hono app: security headers, CSRF, session, API routes, then the PWA.
import { Hono } from 'hono';
import { loadSession } from './auth/sessions';
import type { AppDeps, AppEnv } from './context';
import { bodyLimits } from './body-limits';
import { compressJson } from './compress-json';
import { errorBody, errorResponse, HttpError, isStorageFull, MESSAGES, storageFull } from './errors';
import { authRoutes } from './routes/auth';
import { fileRoutes } from './routes/files';
import { messageRoutes } from './routes/messages';
import { officeRoutes } from './routes/offices';
import { passwordRoutes } from './routes/password';
import { recordRoutes } from './routes/records';
import { sendRoutes } from './routes/send';
import { requireClientHeader, securityHeaders, setAnswerHeaders } from './security';
import { serveApp } from './static';

const NO_STORE = [['Cache-Control', 'no-store']] as const;

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders());
  app.use('*', bodyLimits());

  const api = new Hono<AppEnv>();
  api.use('*', compressJson());
  api.use('*', async (c, next) => {
    await next();
    // API answers are per user and change all the time
    if (!c.res.headers.has('Cache-Control')) setAnswerHeaders(c, NO_STORE);
  });
  api.use('*', requireClientHeader());
  api.use('*', loadSession(deps));
  // liveness: the process answers. Readiness: it can also reach its database (a load balancer's check)
  api.get('/health', (c) => c.json({ ok: true }));
  api.get('/ready', async (c) => {
    try {
      await deps.store.ping();
      return c.json({ ok: true });
    } catch (err) {
      console.error('[renkei] readiness: the database does not answer:', err instanceof Error ? err.message : err);
      return c.json({ ok: false }, 503);
    }
  });
  api.route('/', authRoutes(deps));
  api.route('/', passwordRoutes(deps));
  api.route('/', officeRoutes(deps));
  api.route('/', sendRoutes(deps));
  api.route('/', messageRoutes(deps));
  api.route('/', fileRoutes(deps));
  api.route('/', recordRoutes(deps));
  app.route('/api', api);

  app.use('*', serveApp(deps.config.staticDir));
  app.notFound((c) => c.json(errorBody('not-found', MESSAGES.notFound), 404));

  app.onError((err, c) => {
    if (err instanceof HttpError) return errorResponse(c, err);
    if (isStorageFull(err)) {
      console.error('[renkei] storage full', c.req.method, new URL(c.req.url).pathname, err instanceof Error ? err.message : err);
      return errorResponse(c, storageFull());
    }
    console.error('[renkei] unexpected error', c.req.method, new URL(c.req.url).pathname, err);
    return c.json(errorBody('internal', MESSAGES.internal), 500);
  });
  return app;
}
