import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { LoginErrorReport } from '../contract/captured-request.ts';
import { ALL_BASES } from '../domain/active-message.ts';
import { matchesIfNoneMatch } from '../domain/etag.ts';
import { captureRequest } from '../domain/request-capture.ts';
import type { PreparedStartupError } from '../store/snapshot-cache.ts';
import { apiError } from './api-error.ts';
import type { ServiceDeps } from './deps.ts';

export const STARTUP_ERROR_BODY_LIMIT = 16 * 1024;
const PATHS = ['/startup-error', '/startup-error.json', '/startup-error/*'];
const BASE_KEY_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * `/startup-error/<baseKey>[.json][/anything]` → the base key; `/startup-error[.json]` and shapes
 * that cannot be a key → `*`. Unknown keys are not refused: the cache answers them like `*`.
 */
export function baseKeyFromPath(path: string): string {
  const rest = path.slice('/startup-error'.length).replace(/^\.json$/i, '');
  const segment = rest.split('/')[1] ?? '';
  const key = segment.replace(/\.json$/i, '');
  return BASE_KEY_SHAPE.test(key) ? key : ALL_BASES;
}

// Written out once: the same headers go with every answer (no per-request CORS middleware work).
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, HEAD, OPTIONS',
  'access-control-expose-headers': 'ETag, Content-Language',
  'access-control-max-age': '86400',
};

function answerHeaders(prepared: PreparedStartupError, requestedHeaders: string | undefined) {
  return {
    ...CORS_HEADERS,
    'access-control-allow-headers': requestedHeaders ?? 'Content-Type, Accept-Language',
    'content-type': 'application/json; charset=utf-8',
    'content-language': prepared.language,
    'cache-control': 'no-cache',
    vary: 'Accept-Language',
    etag: prepared.etag,
  };
}

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
    const baseKey = baseKeyFromPath(c.req.path);
    const view = await deps.cache.view();
    const prepared = view.startupError(baseKey, {
      query: c.req.query('lang'),
      acceptLanguage: c.req.header('accept-language'),
    });

    const captured = captureRequest({
      at: deps.now(),
      method,
      url: c.req.url,
      headers: c.req.raw.headers,
      body,
      clientAddress: deps.clientAddress(c),
    });
    deps.capturedRequests.push(captured);
    if (method === 'POST') {
      const report: LoginErrorReport = { ...captured, baseKey };
      deps.reports.add(report);
      if (deps.reportWebhook) deps.waitUntil(c, deps.reportWebhook.deliver(report));
    }

    const headers = answerHeaders(prepared, c.req.header('access-control-request-headers'));
    if (method !== 'POST' && matchesIfNoneMatch(c.req.header('if-none-match'), prepared.etag)) {
      return c.body(null, 304, headers);
    }
    return c.body(prepared.json, 200, headers);
  });

  return app;
}
