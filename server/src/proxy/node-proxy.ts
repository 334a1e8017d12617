import {
  Agent,
  type IncomingMessage,
  type RequestListener,
  request as requestHttp,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, request as requestHttps } from 'node:https';
import type { Duplex } from 'node:stream';
import { downstreamResponseHeaders, headerValue, upstreamRequestHeaders } from './forwarded-headers.ts';
import { friendlyPagePath } from './friendly-page-query.ts';
import { DECODABLE, decodeAndInject } from './node-body.ts';
import { passWebSocket } from './node-websocket.ts';
import { OWN_ROUTES } from './own-routes.ts';
import { planUpstreamAnswer, planUpstreamFailure, type UpstreamFailure } from './plan-upstream-answer.ts';
import { type ProxyRoute, routeProxyRequest } from './route-proxy-request.ts';
import type { UpstreamFailureLog } from './upstream-failure-log.ts';
import { parseUpstreamURL } from './upstream-url.ts';

export interface NodeProxyOptions {
  /** The 1C web server's origin, e.g. `http://1c-web.local:8080`. */
  upstreamURL: string;
  /** How long to wait for the origin's response headers (default 10 s). */
  timeoutMs?: number | undefined;
  /** Paths the service answers itself (default: OWN_ROUTES). */
  ownRoutes?: readonly string[];
  /** The service serves the client-sw kit in each base's folder, and pages get its tag. */
  kit: boolean;
  /** A reverse proxy in front sets X-Forwarded-Proto/-Host (`TRUST_PROXY`): they pass to the origin. */
  trustForwardedHeaders?: boolean | undefined;
  /** `PUBLIC_URL`'s origin: redirects to the origin name it; without it they become paths. */
  publicOrigin?: string | undefined;
  /** The service itself (Hono's `app.fetch`): asked for the friendly page at `/friendly/<base>`. */
  serviceFetch(request: Request): Response | Promise<Response>;
  /** Told of every request the origin did not serve (the entry logs it). */
  onFailure?: UpstreamFailureLog | undefined;
}

export interface NodeProxy {
  /** Wraps the service's own listener: proxied requests are answered here, the rest go to `service`. */
  listener(service: RequestListener): RequestListener;
  /** For `createServer({ shouldUpgradeCallback })`: only WebSocket handshakes bound for the origin. */
  shouldUpgrade(req: IncomingMessage): boolean;
  /** The server's `upgrade` event: the handshake goes to the origin, then bytes flow both ways. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes the kept-alive connections to the origin (at shutdown). */
  close(): void;
}

/** What a request names: `path` as sent (the origin gets it byte for byte), `pathname` for decisions. */
interface Target {
  path: string;
  pathname: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Proxy mode on Node at the speed of a Node proxy: node:http both ways, a keep-alive agent to the
 * origin, bodies piped, headers passed as raw lists (case, order, repeats and bytes kept). The
 * decisions are the shared ones (routeProxyRequest, planUpstreamAnswer, upstreamRequestHeaders…)
 * that the Workers path (createUpstreamProxy) takes too; only the I/O differs.
 */
export function createNodeProxy(options: NodeProxyOptions): NodeProxy {
  const upstream = parseUpstreamURL(options.upstreamURL);
  const secure = upstream.protocol === 'https:';
  const send = secure ? requestHttps : requestHttp;
  // LIFO reuses the most recently used connection: fewer, warmer sockets to the 1C web server.
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, scheduling: 'lifo' })
    : new Agent({ keepAlive: true, scheduling: 'lifo' });
  const connectTo = {
    host: upstream.hostname.replace(/^\[|\]$/g, ''),
    port: upstream.port || (secure ? 443 : 80),
    setHost: false,
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const routeOptions = { ownRoutes: options.ownRoutes ?? OWN_ROUTES, kit: options.kit };
  const routeOf = (req: IncomingMessage, target: Target) =>
    routeProxyRequest(
      {
        method: req.method ?? 'GET',
        pathname: target.pathname,
        header(name) {
          return headerValue(req.rawHeaders, name);
        },
      },
      routeOptions,
    );
  const headersFor = (req: IncomingMessage, upgrade: boolean) =>
    upstreamRequestHeaders(req.rawHeaders, {
      upstreamHost: upstream.host,
      clientAddress: req.socket.remoteAddress,
      scheme: (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http',
      trustForwarded: options.trustForwardedHeaders ?? false,
      upgrade,
    });

  function forward(
    req: IncomingMessage,
    res: ServerResponse,
    target: Target,
    route: Upstream,
    retried: boolean,
  ) {
    const body = carriesBody(req);
    const headers = headersFor(req, false);
    // A chunked upload's framing is per hop: this hop frames it again (Node does, once told), whatever the method.
    if (body && headerValue(req.rawHeaders, 'content-length') === undefined)
      headers.push('Transfer-Encoding', 'chunked');
    const outgoing = send({ ...connectTo, agent, method: req.method, path: target.path, headers });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      outgoing.destroy();
    }, timeoutMs);
    // The browser went away: the 1C server need not keep working for nobody.
    // `on`, not `once`: both events come once per request, and `once` costs a wrapper each time.
    res.on('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    outgoing.on('response', (incoming) => {
      clearTimeout(timer);
      answer(req, res, target, route, incoming);
    });
    outgoing.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (res.headersSent || res.destroyed) return void res.destroy();
      // A kept-alive connection the origin had just closed: a request without a body is safe to send again.
      if (!retried && !body && !timedOut && outgoing.reusedSocket && error.code === 'ECONNRESET') {
        return forward(req, res, target, route, true);
      }
      fail(req, res, target, route, timedOut ? 'timeout' : 'refused', error.code);
    });
    if (body) req.pipe(outgoing);
    else outgoing.end();
  }

  function answer(
    req: IncomingMessage,
    res: ServerResponse,
    target: Target,
    route: Upstream,
    incoming: IncomingMessage,
  ) {
    const raw = incoming.rawHeaders;
    const status = incoming.statusCode ?? 502;
    const plan = planUpstreamAnswer(
      route,
      {
        status,
        method: req.method ?? 'GET',
        contentType: headerValue(raw, 'content-type'),
        contentEncoding: headerValue(raw, 'content-encoding'),
      },
      DECODABLE,
    );
    if (plan.kind === 'friendly') {
      options.onFailure?.({
        method: req.method ?? 'GET',
        path: target.path,
        failure: plan.failure,
        answered: 'friendly page',
      });
      incoming.resume(); // read to the end, so the connection can be reused
      return friendly(req, res, target, route, plan.failure);
    }
    const headers = downstreamResponseHeaders(raw, {
      upstreamOrigin: upstream.origin,
      publicOrigin: options.publicOrigin,
      // A plain page gets exactly one tag: its length stays known (no chunked framing needed).
      lengthChange:
        plan.inject === undefined
          ? undefined
          : plan.decode === undefined
            ? Buffer.byteLength(plan.inject)
            : 'drop',
      dropEncoding: plan.decode !== undefined,
    });
    res.sendDate = false; // the origin's own Date, or none if it sent none
    res.writeHead(status, incoming.statusMessage, headers);
    if (plan.inject !== undefined) return decodeAndInject(incoming, plan.decode, plan.inject, res);
    incoming.once('error', () => res.destroy());
    incoming.pipe(res);
  }

  function fail(
    req: IncomingMessage,
    res: ServerResponse,
    target: Target,
    route: Upstream,
    failed: 'refused' | 'timeout',
    detail: string | undefined,
  ) {
    const plan = planUpstreamFailure(failed, route.navigation, timeoutMs);
    options.onFailure?.({
      method: req.method ?? 'GET',
      path: target.path,
      failure: plan.failure,
      detail,
      answered: plan.kind === 'friendly' ? 'friendly page' : plan.status,
    });
    if (plan.kind === 'friendly') return friendly(req, res, target, route, plan.failure);
    res.writeHead(plan.status, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(plan.text),
    });
    res.end(plan.text);
  }

  /** The page from the service's own `/friendly/<base>`: one renderer for every way it is reached. */
  function friendly(
    req: IncomingMessage,
    res: ServerResponse,
    target: Target,
    route: Upstream,
    failure: UpstreamFailure,
  ) {
    const lang = new URLSearchParams(target.path.split('?')[1] ?? '').get('lang');
    const forwarded: Record<string, string> = { 'sec-fetch-mode': 'navigate', accept: 'text/html' };
    const acceptLanguage = headerValue(req.rawHeaders, 'accept-language');
    if (acceptLanguage !== undefined) forwarded['accept-language'] = acceptLanguage;
    const path = friendlyPagePath(route.baseKey, failure, target.path, lang ?? undefined);
    const method = req.method === 'HEAD' ? 'HEAD' : 'GET';
    Promise.resolve(
      options.serviceFetch(new Request(`http://service${path}`, { method, headers: forwarded })),
    )
      .then(async (page) => {
        const body = Buffer.from(await page.arrayBuffer());
        if (res.destroyed) return;
        const headers: string[] = [];
        for (const [name, value] of page.headers) headers.push(name, value);
        res.writeHead(page.status, headers);
        res.end(body);
      })
      .catch(() => {
        if (res.headersSent) return void res.destroy();
        res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The 1C web server cannot be reached.\n');
      });
  }

  return {
    listener(service) {
      return (req, res) => {
        const target = parseTarget(req.url ?? '/');
        const route = target && routeOf(req, target);
        if (!target || !route || route.kind === 'service') return void service(req, res);
        forward(req, res, target, route, false);
      };
    },
    shouldUpgrade(req) {
      if (headerValue(req.rawHeaders, 'upgrade')?.toLowerCase() !== 'websocket') return false;
      const target = parseTarget(req.url ?? '/');
      return target !== undefined && routeOf(req, target).kind === 'upstream';
    },
    upgrade(req, socket, head) {
      const target = parseTarget(req.url ?? '/') as Target;
      const outgoing = send({
        ...connectTo,
        agent: false,
        method: req.method,
        path: target.path,
        headers: headersFor(req, true),
      });
      passWebSocket(outgoing, socket, head, {
        upstreamOrigin: upstream.origin,
        publicOrigin: options.publicOrigin,
        timeoutMs,
      });
    },
    close() {
      agent.destroy();
    },
  };
}

type Upstream = Extract<ProxyRoute, { kind: 'upstream' }>;

/**
 * The request target: origin-form as sent; its path normalised like a WHATWG URL would (dot segments,
 * backslashes) only when it has something to normalise, so the decisions match the Workers path.
 */
function parseTarget(raw: string): Target | undefined {
  if (raw.startsWith('/')) {
    const query = raw.indexOf('?');
    const pathname = query < 0 ? raw : raw.slice(0, query);
    if (!/\/\.|\\|%2e/i.test(pathname)) return { path: raw, pathname };
    return { path: raw, pathname: new URL(raw, 'http://service').pathname };
  }
  try {
    // Absolute form (`GET http://host/path`), as sent to a forward proxy.
    const url = new URL(raw);
    return { path: `${url.pathname}${url.search}`, pathname: url.pathname };
  } catch {
    return undefined;
  }
}

/** A request has a body only when it says so (RFC 9112 §6.3). */
function carriesBody(req: IncomingMessage): boolean {
  const length = headerValue(req.rawHeaders, 'content-length');
  if (length !== undefined) return length.trim() !== '0';
  return headerValue(req.rawHeaders, 'transfer-encoding') !== undefined;
}
