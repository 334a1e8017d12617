import { Hono } from 'hono';
import { captureRequest } from '../domain/request-capture.ts';
import type { AdminEnv, ServiceDeps } from './deps.ts';
import { queryLimit } from './query-limit.ts';

/** `GET /api/admin/requests?limit=`: the last 200 startup-error requests as received, newest first. */
export function adminRequestsRoutes(deps: ServiceDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', (c) =>
    c.json({
      requests: deps.capturedRequests.newest(queryLimit(c.req.query('limit'), 200, 200)).map(captureRequest),
    }),
  );
  return app;
}
