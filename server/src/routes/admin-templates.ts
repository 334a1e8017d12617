import { Hono } from 'hono';
import { MESSAGE_TEMPLATES } from '../domain/templates/message-templates.ts';
import type { AdminEnv } from './deps.ts';

/** `GET /api/admin/templates`: the ready-made messages the console's editor starts from. */
export function adminTemplatesRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', (c) => c.json({ templates: MESSAGE_TEMPLATES }));
  return app;
}
