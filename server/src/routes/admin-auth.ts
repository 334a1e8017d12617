import type { MiddlewareHandler } from 'hono';
import { apiError } from './api-error.ts';
import type { AdminEnv, ServiceDeps } from './deps.ts';

const CHALLENGE = 'Bearer realm="startup-help"';

/**
 * Admin routes: `Authorization: Bearer <token>`. Missing or wrong → 401 with a Bearer challenge
 * (never a hint which part was wrong); too many wrong tokens from one address → 429 for a while.
 * Sets `actor` (the token's label) for the audit log. Admin answers are never cached.
 */
export function adminAuth(deps: ServiceDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (deps.adminUnavailable) {
      throw apiError(503, { error: 'unavailable', message: deps.adminUnavailable });
    }
    const address = deps.clientAddress(c) ?? 'unknown';
    const wait = deps.authThrottle.retryAfter(address, deps.now());
    if (wait > 0) {
      throw apiError(
        429,
        {
          error: 'too-many-requests',
          message: 'Too many wrong admin tokens from this address. Wait a minute, then try again.',
        },
        { 'retry-after': String(Math.ceil(wait / 1000)) },
      );
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const token = match?.[1];
    const actor = token ? await deps.verifyAdminToken(token) : undefined;
    if (!actor) {
      if (token) {
        deps.authThrottle.recordFailure(address, deps.now());
        deps.logger.warn('admin request with a wrong token', { address, path: c.req.path });
      }
      throw apiError(
        401,
        {
          error: 'unauthorized',
          message: token
            ? 'The admin token is not valid. Check it, or set a new one (see README: Configuration, ADMIN_TOKEN).'
            : 'This needs the admin token: send the header "Authorization: Bearer <token>".',
        },
        { 'www-authenticate': token ? `${CHALLENGE}, error="invalid_token"` : CHALLENGE },
      );
    }
    c.set('actor', actor);
    await next();
    c.header('cache-control', 'no-store');
  };
}
