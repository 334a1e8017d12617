import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * A stand-in for the 1C web server (Apache + the 1C module) on loopback, with switchable modes:
 * `ok` serves a small publication under `/buh/`; `refuse` really closes the listener and destroys
 * every socket (connection refused); `hang` accepts and never answers; `503` answers every request
 * the way Apache does when the 1C cluster is down, `502` the way a gateway in between would.
 */
export type OriginMode = 'ok' | 'refuse' | 'hang' | '502' | '503';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  bodySha256: string;
  bodyLength: number;
}

export const PAGE_HTML =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>1С:Предприятие</title></head>' +
  '<body><div id="app">Бухгалтерия предприятия</div></body></html>';
/** JavaScript that happens to contain `</head>`: must never get the script. */
export const APP_JS = 'document.write("<head></head>"); window.e1c = "</head><body>";\n';
export const DATA_JSON = JSON.stringify({ html: '</head><body>', text: 'Привет' });
/** 1 MiB of deterministic bytes that include the `</head>` marker. */
export const BINARY = (() => {
  const bytes = new Uint8Array(1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  bytes.set(new TextEncoder().encode('</head><body>'), 4096);
  return bytes;
})();

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface FakeOrigin {
  readonly url: string;
  readonly port: number;
  /** The requests the origin received, oldest first. */
  readonly received: ReceivedRequest[];
  setMode(mode: OriginMode): Promise<void>;
  /** Call before a request to `/buh/stream-in`: resolves when it has seen its first body bytes. */
  expectFirstBodyBytes(): Promise<void>;
  /** Lets `/buh/stream-out` send the second half of its body. */
  releaseStreamOut(): void;
  close(): Promise<void>;
}

export async function startFakeOrigin(): Promise<FakeOrigin> {
  let mode: OriginMode = 'ok';
  const sockets = new Set<Socket>();
  /** Sockets of requests `hang` never answered. */
  const hung = new Set<Socket>();
  const received: ReceivedRequest[] = [];
  let sawFirstBytes: () => void = () => {};
  let release: () => void = () => {};
  let released = new Promise<void>((resolve) => {
    release = resolve;
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (mode === 'hang') {
      hung.add(req.socket); // accepted, never answered
      return;
    }
    const url = new URL(req.url ?? '/', 'http://origin');
    if (url.pathname === '/buh/stream-in') {
      // Answer as soon as the first bytes arrive: only a proxy that streams the request body gets here
      // before the client has sent the rest.
      req.once('data', () => sawFirstBytes());
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    received.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      bodySha256: sha256(body),
      bodyLength: body.length,
    });
    if (mode === '502' || mode === '503') {
      res.writeHead(Number(mode), { 'content-type': 'text/html; charset=utf-8', 'x-origin': '1c' });
      res.end('<html><body><h1>Service Unavailable</h1>1C cluster is down</body></html>');
      return;
    }
    route(url, req, res, body);
  };

  const route = (url: URL, req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const origin = `http://127.0.0.1:${port}`;
    switch (url.pathname) {
      case '/buh':
        res.writeHead(302, { location: `${origin}/buh/ru_RU/` });
        return res.end();
      case '/buh/ru_RU':
        res.writeHead(301, { location: '/buh/ru_RU/' });
        return res.end();
      case '/buh/ru_RU/':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-origin': '1c' });
        return res.end(PAGE_HTML);
      case '/buh/split.html': {
        // The page in two writes a moment apart, cut inside `</head>`, with its length announced:
        // the proxy sees the marker across two chunks and must still inject once and fix the length.
        const bytes = Buffer.from(PAGE_HTML);
        const cut = bytes.indexOf('</head>') + 3;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': bytes.length });
        res.write(bytes.subarray(0, cut));
        setTimeout(() => res.end(bytes.subarray(cut)), 20);
        return;
      }
      case '/buh/gz.html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
        return res.end(gzipSync(PAGE_HTML));
      case '/buh/e1cib/app.js':
        res.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8' });
        return res.end(APP_JS);
      case '/buh/e1cib/data.json':
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        return res.end(DATA_JSON);
      case '/buh/blob.bin':
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': BINARY.length });
        return res.end(BINARY);
      case '/buh/cookies':
        res.setHeader('set-cookie', ['ibsession=abc123; Path=/buh; HttpOnly', 'lang=ru; Path=/']);
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end(`cookie: ${req.headers.cookie ?? ''}`);
      case '/buh/echo':
      case '/buh/stream-in':
        res.writeHead(200, {
          'content-type': req.headers['content-type'] ?? 'application/octet-stream',
          'x-body-sha256': sha256(body),
          'x-query': url.search,
        });
        return res.end(body);
      case '/buh/headers':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(req.headers));
      case '/buh/stream-out':
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.write(BINARY.subarray(0, BINARY.length / 2));
        void released.then(() => res.end(BINARY.subarray(BINARY.length / 2)));
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
    }
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 1000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = (onPort: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    async setMode(next) {
      // Idle keep-alive sockets are left alone unless refusing: closing one under a client that is
      // about to reuse it would fail a request that should pass.
      for (const socket of hung) socket.destroy();
      hung.clear();
      if (next === 'refuse') await stop();
      else if (!server.listening) await listen(port);
      mode = next;
    },
    expectFirstBodyBytes() {
      return new Promise<void>((resolve) => {
        sawFirstBytes = resolve;
      });
    },
    releaseStreamOut() {
      release();
      released = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    close: stop,
  };
}
