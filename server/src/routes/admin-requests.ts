import { CAPTURED_REQUESTS } from '../domain/request-capture.ts';
import type { AdminEnv, ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';
import { queryLimit } from './query-limit.ts';

/** `GET /api/admin/requests?limit=`: the last 200 startup-error requests as received, newest first. */
export function adminRequestsRoutes(deps: ServiceDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    // What this process holds but has not written yet belongs in the answer too.
    await deps.activity.flush();
    const limit = queryLimit(c.req.query('limit'), CAPTURED_REQUESTS, CAPTURED_REQUESTS);
    return c.json({ requests: await deps.store.listCapturedRequests(limit) });
  });
  return app;
}
