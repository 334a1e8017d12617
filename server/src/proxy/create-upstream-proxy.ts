import { type Context, Hono } from 'hono';
import { baseKeyFromPath } from '../../../contract/base-key.ts';
import {
  type ClientKit,
  type KitConfigFor,
  matchKitFile,
  registerScriptTag,
  serveKitFile,
} from './client-kit.ts';
import { fetchUpstream } from './fetch-upstream.ts';
import { dropHopByHop, forwardedHeaders } from './forwarded-headers.ts';
import { canInjectInto, createScriptInjector } from './inject-script.ts';
import { isNavigation } from './navigation.ts';
import { isOwnRoute, OWN_ROUTES } from './own-routes.ts';
import { publicURLOf } from './public-url.ts';
import { rewriteLocation } from './rewrite-location.ts';
import { parseUpstreamURL } from './upstream-url.ts';

/** Why the origin could not serve a page; the friendly page says which, in plain words. */
export type UpstreamFailure =
  | { kind: 'refused' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'server-error'; status: number };

export interface FriendlyPageInput {
  request: Request;
  /** The address the browser used (see publicURLOf). */
  publicURL: URL;
  /** From the first path segment; `undefined` → the defaults every base gets. */
  baseKey: string | undefined;
  failure: UpstreamFailure;
}

export interface FriendlyPage {
  html: string;
  /** The language the page is written in (`Content-Language`). */
  language: string;
  /** E.g. a Content-Security-Policy with the page's inline hashes. */
  headers?: Record<string, string>;
}

export interface UpstreamProxyOptions {
  /** The 1C web server's origin, e.g. `http://1c-web.local:8080`. */
  upstreamURL: string | URL;
  /** How long to wait for the origin's response headers (default 10 s). */
  timeoutMs?: number;
  /** `Retry-After` on the friendly 503 (default 30 s). */
  retryAfterSeconds?: number;
  /** Paths the service answers itself; never proxied (default: OWN_ROUTES). */
  ownRoutes?: readonly string[];
  renderFriendlyPage(input: FriendlyPageInput): Promise<FriendlyPage> | FriendlyPage;
  /** The client-sw kit; without it nothing is injected or served under `/<base>/`. */
  kit?: ClientKit | undefined;
  /** Per-base fields for `startup-help.config.json` (base name, help text…). */
  kitConfigFor?: KitConfigFor;
  /**
   * Take the browser's scheme and host from `X-Forwarded-Proto`/`-Host` (a TLS-terminating proxy in
   * front, `TRUST_PROXY`); default false: the request URL is what the browser used.
   */
  trustForwardedHeaders?: boolean | undefined;
  /** The browser's address (for `X-Forwarded-For`); default: `CF-Connecting-IP` on Workers. */
  clientAddress?(c: Context): string | undefined;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY_AFTER_SECONDS = 30;
/** Statuses that turn a navigation into the friendly page: the 1C cluster or its web server is down. */
const FAILING_STATUSES = new Set([502, 503, 504]);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
/** Encodings `fetch` decodes by itself on Node and on Workers (see forwardedHeaders). */
const DECODED_BY_FETCH = new Set(['gzip', 'x-gzip']);

/**
 * Proxy mode: a Hono sub-app that forwards every request outside the service's own routes to the
 * 1C web server, streaming both ways, and answers navigations itself with the friendly page when
 * the origin refuses, hangs or reports 502/503/504. Built on Request/Response/fetch only, so Node
 * and Workers run the same code. Mount it last: `app.route('/', createUpstreamProxy(…))`.
 */
export function createUpstreamProxy(options: UpstreamProxyOptions): Hono {
  const upstream = parseUpstreamURL(options.upstreamURL);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryAfter = String(options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
  const ownRoutes = options.ownRoutes ?? OWN_ROUTES;
  const clientAddress = options.clientAddress ?? ((c: Context) => c.req.header('cf-connecting-ip'));

  const trustForwarded = options.trustForwardedHeaders ?? false;

  const friendly = async (
    request: Request,
    publicURL: URL,
    baseKey: string | undefined,
    failure: UpstreamFailure,
  ) => {
    const page = await options.renderFriendlyPage({ request, publicURL, baseKey, failure });
    const headers = new Headers(page.headers);
    headers.set('content-type', 'text/html; charset=utf-8');
    headers.set('content-language', page.language);
    headers.set('retry-after', retryAfter);
    headers.set('cache-control', 'no-store');
    return new Response(request.method === 'HEAD' ? null : page.html, { status: 503, headers });
  };

  const app = new Hono();
  app.all('*', async (c) => {
    const request = c.req.raw;
    const publicURL = publicURLOf(request, trustForwarded);
    if (isOwnRoute(publicURL.pathname, ownRoutes)) return c.notFound();
    const baseKey = baseKeyFromPath(publicURL.pathname);

    const kitFile = baseKey === undefined ? undefined : matchKitFile(publicURL.pathname);
    if (
      options.kit &&
      baseKey !== undefined &&
      kitFile &&
      (request.method === 'GET' || request.method === 'HEAD')
    ) {
      return serveKitFile(options.kit, baseKey, kitFile, publicURL.origin, options.kitConfigFor);
    }

    const navigation = isNavigation(request);
    const result = await fetchUpstream(
      `${upstream.origin}${publicURL.pathname}${publicURL.search}`,
      {
        method: request.method,
        headers: forwardedHeaders(request.headers, { clientAddress: clientAddress(c), publicURL }),
        body: carriesBody(request) ? request.body : null,
        redirect: 'manual',
      },
      timeoutMs,
      request.signal,
    );
    if ('failed' in result) {
      const timedOut = result.failed === 'timeout';
      if (navigation) {
        const seconds = Math.round(timeoutMs / 100) / 10;
        return friendly(
          request,
          publicURL,
          baseKey,
          timedOut ? { kind: 'timeout', seconds } : { kind: 'refused' },
        );
      }
      return timedOut
        ? plain(504, `The 1C web server did not answer within ${timeoutMs / 1000} s.\n`)
        : plain(502, 'The 1C web server cannot be reached.\n');
    }

    const { response } = result;
    if (navigation && FAILING_STATUSES.has(response.status)) {
      await response.body?.cancel().catch(() => {});
      return friendly(request, publicURL, baseKey, { kind: 'server-error', status: response.status });
    }
    return relay(response, {
      upstreamOrigin: upstream.origin,
      publicOrigin: publicURL.origin,
      inject: navigation && options.kit && baseKey !== undefined ? registerScriptTag(baseKey) : undefined,
      method: request.method,
    });
  });
  return app;
}

interface RelayOptions {
  upstreamOrigin: string;
  publicOrigin: string;
  /** The tag to inject when the response is an HTML page. */
  inject: string | undefined;
  method: string;
}

/** The origin's response as the browser gets it: same status, headers and (streamed) body. */
function relay(response: Response, { upstreamOrigin, publicOrigin, inject, method }: RelayOptions): Response {
  const headers = dropHopByHop(new Headers(response.headers));
  const encoding = (headers.get('content-encoding') ?? '').trim().toLowerCase();
  if (DECODED_BY_FETCH.has(encoding)) {
    // fetch handed us decoded bytes: the encoding and the length described the bytes on the wire.
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  const location = headers.get('location');
  if (location) headers.set('location', rewriteLocation(location, upstreamOrigin, publicOrigin));

  let body: ReadableStream<Uint8Array> | null =
    NULL_BODY_STATUSES.has(response.status) || method === 'HEAD' ? null : response.body;
  const plainBody = encoding === '' || encoding === 'identity' || DECODED_BY_FETCH.has(encoding);
  if (body && inject && plainBody && canInjectInto(headers.get('content-type'))) {
    body = body.pipeThrough(createScriptInjector(inject));
    headers.delete('content-length');
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * A request has a body only when it says so (RFC 9112 §6.3). Node's adapter gives every non-GET
 * request a body stream, even an empty one; a bodiless DELETE or OPTIONS is forwarded without one
 * rather than trusting each runtime's fetch to notice the stream is empty.
 */
function carriesBody(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.body === null) return false;
  const length = request.headers.get('content-length');
  if (length !== null) return length.trim() !== '0';
  return request.headers.has('transfer-encoding');
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
