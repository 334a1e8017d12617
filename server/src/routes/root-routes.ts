import { FAVICON_SVG } from '../../../contract/favicon.ts';
import { Hono } from './hono.ts';

/**
 * Paths this service answers only when it is not in proxy mode: there, `/` and `/favicon.ico` are
 * the 1C web server's (the proxy passes them through).
 */
export const ROOT_PATHS_WITHOUT_PROXY: readonly string[] = ['/', '/favicon.ico'];

/**
 * The addresses people type: `/` leads to the status page, `/admin/` to the console, and the icon
 * browsers fetch on their own. Mount with `app.route('/', rootRoutes({ proxy }))`.
 */
export function rootRoutes(options: { proxy: boolean }): Hono {
  const app = new Hono();
  app.get('/admin/', (c) => c.redirect('/admin', 301));
  if (options.proxy) return app;
  app.get('/', (c) => c.redirect('/status', 302));
  app.get('/favicon.ico', (c) =>
    c.body(FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }),
  );
  return app;
}
