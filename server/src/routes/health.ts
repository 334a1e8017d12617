import { isoInZone } from '../../../contract/local-time.ts';
import type { ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';

/** `GET /healthz`: 200 while the service can answer from its data, 503 when it cannot. */
export function healthRoutes(deps: ServiceDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const view = await deps.cache.view();
    return c.json(
      {
        status: 'ok',
        // Like every time the service answers with: in its zone's offset.
        time: isoInZone(deps.now(), view.head.settings.timeZone),
        messages: view.messages.length,
      },
      200,
      { 'cache-control': 'no-store' },
    );
  });
  return app;
}
