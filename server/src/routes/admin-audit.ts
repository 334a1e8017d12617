import { Hono } from 'hono';
import type { AdminEnv, ServiceDeps } from './deps.ts';
import { queryLimit } from './query-limit.ts';

/** `GET /api/admin/audit?limit=`: who (token label) changed what and when, before/after, newest first. */
export function adminAuditRoutes(deps: ServiceDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) =>
    c.json({ entries: await deps.store.listAudit(queryLimit(c.req.query('limit'), 100, 1000)) }),
  );
  return app;
}
