import type { AdminEnv, ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';
import { queryLimit } from './query-limit.ts';

/**
 * `GET /api/admin/audit?limit=&before=`: who (token label) changed what and when, newest first, a
 * page at a time. An update shows only the fields it changed. `next` (also in the `Link` header) is
 * the `before` of the following page; it is absent on the last page.
 */
export function adminAuditRoutes(deps: ServiceDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const limit = queryLimit(c.req.query('limit'), 100, 1000);
    const page = await deps.store.listAudit({ limit, before: c.req.query('before') });
    if (page.next) {
      c.header(
        'link',
        `</api/admin/audit?limit=${limit}&before=${encodeURIComponent(page.next)}>; rel="next"`,
      );
    }
    return c.json(page);
  });
  return app;
}
