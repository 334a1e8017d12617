import { Hono } from 'hono';
import type { ServiceDeps } from './deps.ts';

/** `GET /healthz`: 200 while the service can answer from its data, 503 when it cannot. */
export function healthRoutes(deps: ServiceDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const view = await deps.cache.view();
    return c.json(
      { status: 'ok', time: new Date(deps.now()).toISOString(), messages: view.snapshot.messages.length },
      200,
      { 'cache-control': 'no-store' },
    );
  });
  return app;
}
