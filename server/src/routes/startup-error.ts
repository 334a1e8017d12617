import { bodyLimit } from 'hono/body-limit';
import { baseKeyFromPath } from '../../../contract/base-key.ts';
import type { LoginErrorReport } from '../../../contract/captured-request.ts';
import { ALL_BASES } from '../domain/active-message.ts';
import { matchesIfNoneMatch } from '../domain/etag.ts';
import { bodyHead, captureRequest, type RequestToCapture } from '../domain/request-capture.ts';
import type { PreparedStartupError } from '../store/snapshot-cache.ts';
import { apiError } from './api-error.ts';
import type { ServiceDeps } from './deps.ts';
import { Hono } from './hono.ts';

export const STARTUP_ERROR_BODY_LIMIT = 16 * 1024;
const PATHS = ['/startup-error', '/startup-error.json', '/startup-error/*'];

/**
 * `/startup-error/<baseKey>[.json][/anything]` → the base key; `/startup-error[.json]` and shapes
 * that cannot be a key → `*`. Unknown keys are not refused: the cache answers them like `*`.
 */
export function startupErrorBaseKey(path: string): string {
  const rest = path.slice('/startup-error'.length).replace(/^(\/[^/]*?)\.json(?=\/|$)/i, '$1');
  return baseKeyFromPath(rest) ?? ALL_BASES;
}

// Written out once: the same headers go with every answer (no per-request CORS middleware work).
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, HEAD, OPTIONS',
  'access-control-expose-headers': 'ETag, Content-Language',
  'access-control-max-age': '86400',
};

/** Response headers per precomputed answer, built once: a new answer is a new object. */
const headersOf = new WeakMap<PreparedStartupError, Record<string, string>>();

function answerHeaders(prepared: PreparedStartupError): Record<string, string> {
  let headers = headersOf.get(prepared);
  if (!headers) {
    headers = {
      ...CORS_HEADERS,
      'access-control-allow-headers': 'Content-Type, Accept-Language',
      'content-type': 'application/json; charset=utf-8',
      'content-language': prepared.language,
      'cache-control': 'no-cache',
      vary: 'Accept-Language',
      etag: prepared.etag,
    };
    headersOf.set(prepared, headers);
  }
  return headers;
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
    const url = c.req.url;
    const baseKey = startupErrorBaseKey(c.req.path);
    const view = await deps.cache.view();
    const prepared = view.startupError(baseKey, {
      query: url.includes('?') ? c.req.query('lang') : undefined,
      acceptLanguage: c.req.header('accept-language'),
    });

    const raw: RequestToCapture = {
      at: deps.now(),
      method,
      url,
      headers: c.req.raw.headers,
      clientAddress: deps.clientAddress(c),
      ...(body && { body: bodyHead(body), bodyBytes: body.length }),
    };
    // Kept in memory now, written to the store after the answer (see ActivityRecorder).
    const report: LoginErrorReport | undefined =
      method === 'POST' ? { ...captureRequest(raw), baseKey } : undefined;
    deps.waitUntil(c, deps.activity.record(raw, report));
    if (report && deps.reportWebhook) deps.waitUntil(c, deps.reportWebhook.deliver(report));

    let headers = answerHeaders(prepared);
    const requested = c.req.header('access-control-request-headers');
    if (requested) headers = { ...headers, 'access-control-allow-headers': requested };
    if (method !== 'POST' && matchesIfNoneMatch(c.req.header('if-none-match'), prepared.etag)) {
      return new Response(null, { status: 304, headers });
    }
    // A plain Response with a plain headers object, not c.body(): Hono would copy the headers into a
    // Headers object and @hono/node-server would copy them back out, ~12% of this route's CPU under
    // load. @hono/node-server writes a plain object straight to the socket (bench/status-vs-nginx.mjs).
    return new Response(prepared.json, { status: 200, headers });
  });

  return app;
}
