import type { MiddlewareHandler } from 'hono';
import { apiError } from './api-error.ts';
import type { AdminEnv, ServiceDeps } from './deps.ts';

const CHALLENGE = 'Bearer realm="startup-help"';

/**
 * Admin routes: `Authorization: Bearer <token>`. Missing or wrong → 401 with a Bearer challenge
 * (never a hint which part was wrong). A valid token is always let in: the throttle only slows wrong
 * tokens, so nobody — not another user behind the same proxy address — can lock an administrator
 * out. After 10 wrong tokens from one address in a minute, its wrong tokens get 429 for a while.
 * Sets `actor` (the token's label) for the audit log. Admin answers are never cached.
 */
export function adminAuth(deps: ServiceDeps): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (deps.adminUnavailable) {
      throw apiError(503, { error: 'unavailable', message: deps.adminUnavailable });
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const token = match?.[1];
    const actor = token ? await deps.verifyAdminToken(token) : undefined;
    if (actor) {
      c.set('actor', actor);
      await next();
      c.header('cache-control', 'no-store');
      return;
    }
    if (token) {
      const address = deps.clientAddress(c) ?? 'unknown';
      const now = deps.now();
      const wait = deps.authThrottle.retryAfter(address, now);
      deps.authThrottle.recordFailure(address, now);
      const warning = deps.wrongTokenWarnings.allow(address, now);
      if (warning.log) {
        deps.logger.warn('admin request with a wrong token', {
          address,
          path: c.req.path,
          ...(warning.suppressed > 0 && { similarWarningsNotLogged: warning.suppressed }),
        });
      }
      if (wait > 0) {
        throw apiError(
          429,
          {
            error: 'too-many-requests',
            message:
              'Too many wrong admin tokens from this address. Wait a minute, then try again with the right token.',
          },
          { 'retry-after': String(Math.ceil(wait / 1000)) },
        );
      }
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
  };
}
