import { Hono } from 'hono';
import type { AdminEnv, ServiceDeps } from './deps.ts';
import { queryLimit } from './query-limit.ts';

/** `GET /api/admin/reports?limit=`: POSTed login-error reports per base and hour, and the latest ones. */
export function adminReportsRoutes(deps: ServiceDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', (c) => c.json(deps.reports.summary(queryLimit(c.req.query('limit'), 1000, 1000))));
  return app;
}
