import type { IncomingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import type { AnswerStartupError } from '../app.ts';
import { clientAddressOf } from '../domain/client-address.ts';
import type { StartupErrorAnswer, StartupErrorRequest } from '../routes/startup-error-answer.ts';

/**
 * The GETs Hono routes to the startup-error answer, in the shapes this path takes as they are:
 * percent-encoded paths and anything else go through Hono, which decodes and routes them.
 */
const PLAIN_GET = /^\/startup-error(?:\.json|\/[^?#%]*)?(?:\?[^#]*)?$/;
/** A Host the absolute URL can be built from as it is (the capture parses that URL later). */
const PLAIN_HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

const joined = (raw: string | string[]) => (Array.isArray(raw) ? raw.join(', ') : raw);

/** Node's parsed request headers seen as the few `Headers` methods the answer uses. */
class NodeHeaders implements Pick<Headers, 'get' | 'forEach'> {
  readonly #parsed: IncomingHttpHeaders;

  constructor(parsed: IncomingHttpHeaders) {
    this.#parsed = parsed;
  }

  get(name: string): string | null {
    const raw = this.#parsed[name];
    return raw === undefined ? null : joined(raw);
  }

  /** Sorted by name, as Web `Headers` walks them, so a capture reads the same on either path. */
  forEach(visit: (value: string, name: string, parent: Headers) => void): void {
    for (const name of Object.keys(this.#parsed).sort()) {
      const raw = this.#parsed[name];
      if (raw !== undefined) visit(joined(raw), name, undefined as never);
    }
  }
}

const ignore = () => {};

/** Answer headers with the body's length, built once per answer (a new answer is a new object). */
const withLength = new WeakMap<Record<string, string>, Record<string, string>>();

function send(res: ServerResponse, answer: StartupErrorAnswer): void {
  if (answer.body === null) {
    res.writeHead(answer.status, answer.headers);
    res.end();
    return;
  }
  let headers = withLength.get(answer.headers);
  if (!headers) {
    headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) };
    withLength.set(answer.headers, headers);
  }
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

/**
 * 1C clients' GET /startup-error straight from node:http, ahead of Hono (whose Web `Request` and
 * routing were about a sixth of this path's CPU, bench:store). The answer itself is the route's
 * (`answerStartupError`); everything else — other methods, unusual shapes, a failure — goes to
 * `next`, the Hono listener, which answers it as before.
 */
export function startupErrorFastPath(
  answer: AnswerStartupError,
  trustProxy: boolean,
  next: RequestListener,
): RequestListener {
  return (req, res) => {
    const host = req.headers.host;
    const url = req.url ?? '';
    if (req.method !== 'GET' || !host || !PLAIN_GET.test(url) || !PLAIN_HOST.test(host)) {
      next(req, res);
      return;
    }
    const query = url.indexOf('?');
    const headers = new NodeHeaders(req.headers);
    const request: StartupErrorRequest = {
      method: 'GET',
      url: `http://${host}${url}`,
      path: query === -1 ? url : url.slice(0, query),
      headers,
      clientAddress: clientAddressOf(
        trustProxy,
        headers.get('x-forwarded-for') ?? undefined,
        () => req.socket.remoteAddress,
      ),
    };
    let answered: ReturnType<AnswerStartupError>;
    try {
      // On Node the capture runs by itself and never rejects: nothing to keep alive.
      answered = answer(request, ignore);
    } catch {
      next(req, res);
      return;
    }
    if (answered instanceof Promise)
      answered.then(
        (ready) => send(res, ready),
        () => next(req, res),
      );
    else send(res, answered);
  };
}
