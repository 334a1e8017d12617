import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import {
  type AddressInfo,
  createServer as createTcpServer,
  type Socket,
  type Server as TcpServer,
} from 'node:net';

/**
 * A 1C web publication on loopback: `up` answers like 1C (a 302 to the login page), `down` answers
 * 503, `flapping` alternates 503 and 302 on every request.
 */
export class FakeWebPublication {
  mode: 'up' | 'down' | 'flapping' = 'up';
  requests = 0;
  /** When each request came (ms since 1970): how often it was probed. */
  readonly times: number[] = [];
  readonly #server: Server;
  port = 0;

  constructor() {
    this.#server = createServer((req, res) => {
      this.requests++;
      this.times.push(Date.now());
      const down = this.mode === 'down' || (this.mode === 'flapping' && this.requests % 2 === 1);
      if (down) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
      res.writeHead(302, { location: `${req.url ?? '/'}e1cib/login` }).end();
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}

/** A TCP listener on loopback standing in for the 1C server agent: `stop()` refuses connections, `start()` takes them again on the same port. */
export class FakeTcpService {
  port = 0;
  #server: TcpServer | undefined;
  readonly #sockets = new Set<Socket>();

  async start(): Promise<this> {
    const server = createTcpServer((socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
    return this;
  }

  get running(): boolean {
    return this.#server !== undefined;
  }

  get target(): string {
    return `127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const socket of this.#sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP listener that records what it gets: a webhook receiver or a Telegram Bot API stand-in. */
export class FakeReceiver {
  status = 200;
  readonly received: ReceivedRequest[] = [];
  readonly #server: Server;
  port = 0;

  constructor() {
    this.#server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        this.received.push({ path: req.url ?? '', headers: req.headers, body });
        res
          .writeHead(this.status, { 'content-type': 'application/json' })
          .end(this.status < 300 ? '{"ok":true}' : '{"ok":false}');
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** JSON bodies received on `path`. */
  bodies(path: string): Record<string, unknown>[] {
    return this.received
      .filter((r) => r.path === path)
      .map((r) => JSON.parse(r.body) as Record<string, unknown>);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
}

export function hmacSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
