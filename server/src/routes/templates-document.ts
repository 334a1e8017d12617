// The body of `GET /api/admin/templates`. The Worker bundle replaces this module: its build writes
// the same text into the static assets (scripts/build-worker.mjs), so the templates' texts stay out
// of dist/worker/worker.mjs; Node builds it here on first request.
import { MESSAGE_TEMPLATES } from '../domain/templates/message-templates.ts';

/** What `c.json({ templates })` would send. */
export function buildTemplatesDocument(): string {
  return JSON.stringify({ templates: MESSAGE_TEMPLATES });
}
