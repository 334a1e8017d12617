import { Hono } from 'hono';
import { buildOpenApi } from './openapi-document.ts';

/** `GET /openapi.json`: built once, on first request. */
export function openApiRoutes(): Hono {
  const app = new Hono();
  let document: string | undefined;
  app.get('/openapi.json', (c) => {
    document ??= JSON.stringify(buildOpenApi());
    return c.body(document, 200, {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
    });
  });
  return app;
}
