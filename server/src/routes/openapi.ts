import { matchesIfNoneMatch } from '../domain/etag.ts';
import { apiError } from './api-error.ts';
import { Hono } from './hono.ts';
import { filesOnDemand, type StaticFiles } from './static-files.ts';

/** The one file of the OpenAPI document. */
export type OpenApiFile = 'openapi.json';

/**
 * The document built in this process from the zod schemas, on first request (Node, tests). The
 * Worker serves the same text from its static assets instead, written by its build, so its bundle
 * carries neither the document nor zod's JSON Schema code.
 */
export function builtOpenApi(build: () => unknown): StaticFiles<OpenApiFile> {
  return filesOnDemand(
    async () => JSON.stringify(build()),
    (name) => `${name} is not among this service's built files.`,
  );
}

/** `GET /openapi.json`. */
export function openApiRoutes(files: StaticFiles<OpenApiFile>): Hono {
  const app = new Hono();
  app.get('/openapi.json', async (c) => {
    const file = await files('openapi.json');
    if ('problem' in file) throw apiError(503, { error: 'unavailable', message: file.problem });
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
      etag: file.etag,
    };
    if (matchesIfNoneMatch(c.req.header('if-none-match'), file.etag)) return c.body(null, 304, headers);
    return c.body(file.body, 200, headers);
  });
  return app;
}
