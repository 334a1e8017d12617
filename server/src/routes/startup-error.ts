import { bodyLimit } from 'hono/body-limit';
import { apiError } from './api-error.ts';
import type { ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';
import { answerStartupError, CORS_HEADERS } from './startup-error-answer.ts';

export const STARTUP_ERROR_BODY_LIMIT = 16 * 1024;
const PATHS = ['/startup-error', '/startup-error.json', '/startup-error/*'];

/**
 * The hot path 1C clients call on a failed login. The answer comes precomputed from the snapshot
 * cache; a POST body (the platform's report, whatever its shape) is only captured, never parsed.
 */
export function startupErrorRoutes(deps: ServiceDeps): Hono {
  const app = new Hono();

  app.on(
    'POST',
    PATHS,
    bodyLimit({
      maxSize: STARTUP_ERROR_BODY_LIMIT,
      onError: () => {
        throw apiError(
          413,
          {
            error: 'too-large',
            message: `The request body is larger than ${STARTUP_ERROR_BODY_LIMIT / 1024} KB.`,
          },
          CORS_HEADERS,
        );
      },
    }),
  );

  app.on(['GET', 'POST', 'OPTIONS'], PATHS, async (c) => {
    const method = c.req.method;
    let body: Uint8Array | undefined;
    if (method === 'POST') {
      body = new Uint8Array(await c.req.arrayBuffer().catch(() => new ArrayBuffer(0)));
    }
    const answer = await answerStartupError(
      deps,
      {
        method,
        url: c.req.url,
        path: c.req.path,
        headers: c.req.raw.headers,
        clientAddress: deps.clientAddress(c),
        body,
      },
      (work) => deps.waitUntil(c, work),
    );
    // A plain Response with a plain headers object, not c.body(): Hono would copy the headers into a
    // Headers object and @hono/node-server would copy them back out, ~12% of this route's CPU under
    // load. @hono/node-server writes a plain object straight to the socket (bench/status-vs-nginx.mjs).
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });

  return app;
}
