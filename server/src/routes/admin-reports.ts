import { REPORT_HISTORY } from '../domain/report-log.ts';
import type { AdminEnv, ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';
import { queryLimit } from './query-limit.ts';

/** `GET /api/admin/reports?limit=`: POSTed login-error reports per base and hour, and the latest ones. */
export function adminReportsRoutes(deps: ServiceDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    await deps.activity.flush();
    const limit = queryLimit(c.req.query('limit'), REPORT_HISTORY, REPORT_HISTORY);
    return c.json(await deps.store.reportSummary(limit, deps.now()));
  });
  return app;
}
