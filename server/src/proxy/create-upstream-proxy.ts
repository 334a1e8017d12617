import type { Context } from 'hono';
import { baseKeyFromPath } from '../../../contract/base-key.ts';
import { Hono } from '../routes/hono.ts';
import { type ClientKit, type KitConfigFor, matchKitFile, serveKitFile } from './client-kit.ts';
import { fetchUpstream } from './fetch-upstream.ts';
import {
  downstreamResponseHeaders,
  type HeaderList,
  headerValue,
  upstreamRequestHeaders,
} from './forwarded-headers.ts';
import {
  DEFAULT_RETRY_AFTER_SECONDS,
  type FriendlyPage,
  type FriendlyPageInput,
  friendlyPageResponse,
} from './friendly-page.ts';
import { createScriptInjector } from './inject-script.ts';
import { OWN_ROUTES } from './own-routes.ts';
import { planUpstreamAnswer, planUpstreamFailure, type UpstreamFailure } from './plan-upstream-answer.ts';
import { type ProxyRoute, routeProxyRequest } from './route-proxy-request.ts';
import type { UpstreamFailureLog } from './upstream-failure-log.ts';
import { parseUpstreamURL } from './upstream-url.ts';

export interface UpstreamProxyOptions {
  /** The 1C web server's origin, e.g. `http://1c-web.local:8080`. */
  upstreamURL: string | URL;
  /** How long to wait for the origin's response headers (default 10 s). */
  timeoutMs?: number | undefined;
  /** `Retry-After` on the friendly 503 (default 30 s). */
  retryAfterSeconds?: number;
  /** Paths the service answers itself; never proxied (default: OWN_ROUTES). */
  ownRoutes?: readonly string[];
  renderFriendlyPage(input: FriendlyPageInput): Promise<FriendlyPage> | FriendlyPage;
  /** The client-sw kit; without it nothing is injected or served under `/<base>/`. */
  kit?: ClientKit | undefined;
  /** Per-base fields for `startup-help.config.json` (base name, help text…). */
  kitConfigFor?: KitConfigFor;
  /** A reverse proxy in front sets X-Forwarded-Proto/-Host (`TRUST_PROXY`): they pass to the origin. */
  trustForwardedHeaders?: boolean | undefined;
  /** The browser's address (for `X-Forwarded-For`); default: `CF-Connecting-IP` on Workers. */
  clientAddress?(c: Context): string | undefined;
  /** `PUBLIC_URL`'s origin: redirects to the origin name it; without it they become paths. */
  publicOrigin?: string | undefined;
  /**
   * The origin for links that must be absolute (the kit's `statusURL`, the friendly page's status
   * fetch). Default: `publicOrigin`, else the request URL's (on Workers, one of the Worker's own routes).
   */
  absoluteOrigin?(c: Context): string;
  /** Told of every request the origin did not serve (for the log). */
  onFailure?: UpstreamFailureLog | undefined;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Encodings `fetch` decodes by itself on Node and on Workers (see `gzipOnly` in forwarded-headers). */
const DECODED_BY_FETCH = new Set(['gzip', 'x-gzip']);
const NOTHING_TO_DECODE: ReadonlySet<string> = new Set();
/** Workers' `fetch` hands back a live socket for an upgrade (`response.webSocket`); Node's refuses one. */
const FETCH_UPGRADES = typeof (globalThis as { WebSocketPair?: unknown }).WebSocketPair === 'function';

/**
 * Proxy mode on Web-standard Request/Response/`fetch`: what Workers run (Node takes the node:http
 * path in node-proxy.ts, ahead of Hono, with the same decisions). Forwards every request outside
 * the service's own routes to the 1C web server, streaming both ways, and answers navigations
 * itself with the friendly page when the origin refuses, hangs or reports 502/503/504.
 * Mount it last: `app.route('/', createUpstreamProxy(…))`.
 */
export function createUpstreamProxy(options: UpstreamProxyOptions): Hono {
  const upstream = parseUpstreamURL(options.upstreamURL);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryAfter = options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  const ownRoutes = options.ownRoutes ?? OWN_ROUTES;
  const clientAddress = options.clientAddress ?? ((c: Context) => c.req.header('cf-connecting-ip'));
  const absoluteOrigin =
    options.absoluteOrigin ?? ((c: Context) => options.publicOrigin ?? new URL(c.req.url).origin);
  const { kit } = options;

  const friendly = async (c: Context, url: URL, baseKey: string | undefined, failure: UpstreamFailure) => {
    const page = await options.renderFriendlyPage({
      acceptLanguage: c.req.header('accept-language'),
      lang: url.searchParams.get('lang') ?? undefined,
      url: `${url.pathname}${url.search}`,
      serviceOrigin: absoluteOrigin(c),
      baseKey,
      failure,
    });
    return friendlyPageResponse(page, c.req.method, retryAfter);
  };

  const app = new Hono();
  app.all('*', async (c) => {
    const request = c.req.raw;
    const url = new URL(request.url);
    const header = (name: string) => request.headers.get(name);
    const route = routeProxyRequest(
      { method: request.method, pathname: url.pathname, header },
      { ownRoutes, kit: kit !== undefined },
    );
    if (route.kind === 'service') {
      const baseKey = baseKeyFromPath(url.pathname);
      const file = matchKitFile(url.pathname);
      if (!kit || baseKey === undefined || file === undefined) return c.notFound();
      return serveKitFile(kit, baseKey, file, absoluteOrigin(c), options.kitConfigFor);
    }

    const upgrade = header('upgrade')?.toLowerCase() === 'websocket';
    if (upgrade && !FETCH_UPGRADES) {
      return plain(
        501,
        'WebSocket connections are not passed through on this runtime; use the Node service.\n',
      );
    }
    const list = upstreamRequestHeaders(headerList(request.headers), {
      upstreamHost: upstream.host,
      clientAddress: clientAddress(c),
      scheme: url.protocol.slice(0, -1),
      requestHost: url.host,
      trustForwarded: options.trustForwardedHeaders ?? false,
      gzipOnly: !upgrade,
      upgrade,
    });
    const result = await fetchUpstream(
      `${upstream.origin}${url.pathname}${url.search}`,
      {
        method: request.method,
        // fetch names the origin's host itself.
        headers: toHeaders(list, 'host'),
        body: carriesBody(request) ? request.body : null,
        redirect: 'manual',
      },
      timeoutMs,
      request.signal,
    );
    if ('failed' in result) {
      const answer = planUpstreamFailure(result.failed, route.navigation, timeoutMs);
      options.onFailure?.({
        method: request.method,
        path: url.pathname,
        failure: answer.failure,
        detail: result.detail,
        answered: answer.kind === 'friendly' ? 'friendly page' : answer.status,
      });
      return answer.kind === 'friendly'
        ? friendly(c, url, route.baseKey, answer.failure)
        : plain(answer.status, answer.text);
    }
    const { response } = result;
    // A WebSocket the runtime opened: handed over as it is (it is not an HTTP body to relay).
    if (upgrade && response.status === 101) return response;
    return relay(c, route, response, {
      upstreamOrigin: upstream.origin,
      publicOrigin: options.publicOrigin,
      friendly: (failure) => {
        options.onFailure?.({
          method: request.method,
          path: url.pathname,
          failure,
          answered: 'friendly page',
        });
        return friendly(c, url, route.baseKey, failure);
      },
    });
  });
  return app;
}

interface RelayOptions {
  upstreamOrigin: string;
  publicOrigin: string | undefined;
  friendly(failure: UpstreamFailure): Promise<Response>;
}

/** The origin's response as the browser gets it: same status, headers and (streamed) body. */
async function relay(
  c: Context,
  route: Extract<ProxyRoute, { kind: 'upstream' }>,
  response: Response,
  options: RelayOptions,
): Promise<Response> {
  const raw = headerList(response.headers);
  const encoding = (headerValue(raw, 'content-encoding') ?? '').trim().toLowerCase();
  // fetch handed us decoded bytes: the encoding and the length described the bytes on the wire.
  const decoded = DECODED_BY_FETCH.has(encoding);
  const plan = planUpstreamAnswer(
    route,
    {
      status: response.status,
      method: c.req.method,
      contentType: headerValue(raw, 'content-type'),
      contentEncoding: decoded ? '' : encoding,
    },
    NOTHING_TO_DECODE,
  );
  if (plan.kind === 'friendly') {
    await response.body?.cancel().catch(() => {});
    return options.friendly(plan.failure);
  }
  const headers = downstreamResponseHeaders(raw, {
    upstreamOrigin: options.upstreamOrigin,
    publicOrigin: options.publicOrigin,
    lengthChange: decoded || plan.inject !== undefined ? 'drop' : undefined,
    dropEncoding: decoded,
  });
  let body: ReadableStream<Uint8Array> | null = c.req.method === 'HEAD' ? null : response.body;
  if (body && plan.inject) body = body.pipeThrough(createScriptInjector(plan.inject));
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: toHeaders(headers),
  });
}

/** Web Headers as a header list (one entry per Set-Cookie; other repeats come joined, as Headers keeps them). */
function headerList(headers: Headers): string[] {
  const list: string[] = [];
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') list.push(name, value);
  });
  for (const cookie of headers.getSetCookie()) list.push('set-cookie', cookie);
  return list;
}

function toHeaders(list: HeaderList, skip?: string): Headers {
  const headers = new Headers();
  for (let i = 0; i < list.length; i += 2) {
    const name = list[i] as string;
    if (name.toLowerCase() !== skip) headers.append(name, list[i + 1] as string);
  }
  return headers;
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
