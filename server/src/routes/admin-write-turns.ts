import type { MiddlewareHandler } from 'hono';
import { apiError } from './api-error.ts';
import type { AdminEnv, ServiceDeps } from './deps.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Admin changes run one at a time, each starting on its own turn of the event loop. A change spends
 * most of its time waiting for the disk; several at once would have their bursts of work (parsing,
 * checking, the new snapshot) land together between two 1C requests. Administrators never notice a
 * line of a few milliseconds; a full line (a script gone wild) gets 503 with `Retry-After`.
 */
export function adminWriteTurns(deps: ServiceDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (READS.has(c.req.method)) return next();
    if (!(await deps.adminWrites.enter())) {
      throw apiError(
        503,
        { error: 'unavailable', message: 'Too many changes are waiting to be saved. Try again in a moment.' },
        { 'retry-after': '1' },
      );
    }
    try {
      await next();
    } finally {
      deps.adminWrites.leave();
    }
  };
}
