import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { buildStatusView } from '../domain/status-view.ts';
import type { ServiceDeps } from './deps.ts';

/** `GET /api/status`: public and CORS-open; what every base shows now and in the next 7 days. */
export function statusRoutes(deps: ServiceDeps): Hono {
  const app = new Hono();
  app.use('/api/status', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }));
  app.get('/api/status', async (c) => {
    const view = await deps.cache.view();
    const language = view.language({
      query: c.req.query('lang'),
      acceptLanguage: c.req.header('accept-language'),
    });
    const { settings, messages } = view.snapshot;
    const monitors = await deps.automation?.overview();
    const status = buildStatusView(settings, messages, deps.now(), language, monitors);
    return c.json(status, 200, {
      'cache-control': 'no-cache',
      'content-language': language,
      vary: 'Accept-Language',
    });
  });
  return app;
}
