import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';

export interface RawRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
}

const NULL_BODY = new Set([204, 205, 304]);

/**
 * A plain HTTP/1.1 client for the proxy tests. Node's fetch rewrites `Sec-Fetch-Mode` to `cors`
 * and adds headers of its own, which would hide exactly what these tests look at (navigations);
 * this one sends only the headers given and returns the bytes received, streamed both ways. A gzip
 * body is decoded as a browser would.
 */
export function rawRequest(url: string, init: RawRequestInit = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    // A fresh connection per request: workerd drops a keep-alive connection whose request body was
    // not read (a 404, a 504), and the next request reusing it would fail for reasons not under test.
    const options = { method: init.method ?? 'GET', headers: init.headers ?? {}, agent: false };
    const req = httpRequest(url, options, (res) => {
      const headers = new Headers();
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
        headers.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string);
      }
      const status = res.statusCode ?? 0;
      let body = NULL_BODY.has(status) ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
      if (!body) res.resume();
      // workerd (like Cloudflare's edge) gzips text for a client that accepts it: a browser decodes it.
      if (body && /^(x-)?gzip$/i.test(headers.get('content-encoding') ?? '')) {
        body = body.pipeThrough(
          new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
        );
        headers.delete('content-encoding');
        headers.delete('content-length');
      }
      resolve(new Response(body, { status, statusText: res.statusMessage ?? '', headers }));
    });
    req.on('error', reject);
    const { body } = init;
    if (body === undefined) {
      req.end();
    } else if (body instanceof ReadableStream) {
      Readable.fromWeb(body as import('node:stream/web').ReadableStream).pipe(req);
    } else {
      req.end(body);
    }
  });
}
