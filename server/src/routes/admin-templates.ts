import { apiError } from './api-error.ts';
import type { AdminEnv } from './deps.ts';
import { Hono } from './hono.ts';
import { filesOnDemand, type StaticFiles } from './static-files.ts';

/** The one file of the templates answer. */
export type TemplatesFile = 'templates.json';

/**
 * The answer built in this process on first request (Node, tests). The Worker serves the same text
 * from its static assets instead, written by its build.
 */
export function builtTemplates(build: () => string): StaticFiles<TemplatesFile> {
  return filesOnDemand(
    async () => build(),
    (name) => `${name} is not among this service's built files.`,
  );
}

/** `GET /api/admin/templates`: the ready-made messages the console's editor starts from. */
export function adminTemplatesRoutes(files: StaticFiles<TemplatesFile>): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const file = await files('templates.json');
    if ('problem' in file) throw apiError(503, { error: 'unavailable', message: file.problem });
    // The bytes and the header `c.json` would send.
    return c.body(file.body, 200, { 'Content-Type': 'application/json' });
  });
  return app;
}
