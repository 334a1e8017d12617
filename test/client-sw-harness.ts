// A loopback "1C web publication" with switchable failure modes and the real startup-error service,
// for the client-sw browser tests. Not a test file itself.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { SwConfigInput } from '../contract/kit-config.ts';
import { createApp } from '../server/src/app.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { silentLogger } from '../server/src/domain/logger.ts';
import { openNodeStore } from '../server/src/store/open-node-store.ts';

export type OriginMode = 'ok' | 'refuse' | 'hang' | '503' | 'redirect';

const KIT_FILES = new Set(['sw.js', 'register-sw.js', 'offline.html', 'startup-help.config.json']);
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The 1C web client's page as the publication serves it; `withKit` adds the one script tag. */
export function webClientPage(withKit: boolean): string {
  const kit = withKit ? '<script src="/buh/register-sw.js"></script>' : '';
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>1С:Предприятие</title></head>
<body><h1 id="app">1С:Предприятие — веб-клиент</h1>${kit}</body></html>`;
}

/** Closes a server for real: no new connections are accepted and open keep-alive sockets are cut. */
async function shut(server: Server, sockets: Set<Socket>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await closed;
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * The web server of a 1C publication at /buh/, serving the kit from `kitDir` beside it; without a kit
 * it is a bare 1C publication (a front such as nginx adds the kit).
 */
export async function startOrigin(kitDir: string | undefined) {
  let mode: OriginMode = 'ok';
  const sockets = new Set<Socket>();
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (mode === 'hang') return; // accepted, never answered
    if (mode === '503') {
      response.writeHead(503, { 'Content-Type': 'text/html' }).end('<h1>Service Unavailable</h1>');
      return;
    }
    if (path === '/buh') {
      response.writeHead(301, { Location: '/buh/' }).end();
      return;
    }
    const file = path.startsWith('/buh/') ? path.slice('/buh/'.length) : undefined;
    if (kitDir !== undefined && file !== undefined && KIT_FILES.has(file)) {
      const body = await readFile(join(kitDir, file));
      response
        .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(body);
      return;
    }
    if (mode === 'redirect' && path !== '/buh/landing') {
      response.writeHead(302, { Location: '/buh/landing' }).end();
      return;
    }
    if (file !== undefined) {
      response
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(webClientPage(kitDir !== undefined));
      return;
    }
    response.writeHead(404).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    async setMode(next: OriginMode): Promise<void> {
      if (mode === next) return;
      const wasRefusing = mode === 'refuse';
      // Hanging requests and kept-alive sockets from the previous mode must not leak into the next.
      if (!wasRefusing) await shut(server, sockets);
      mode = next;
      if (next !== 'refuse') await listen(server, port);
    },
    async close(): Promise<void> {
      if (mode !== 'refuse') await shut(server, sockets);
    },
  };
}

/** What the tests want the status service to say, per language (one message for the base `buh`). */
export type Answers = Record<string, { userMessage: string; displayUntil?: string; helpText?: string }>;

const STATUS_ADMIN_TOKEN = 'client-sw-test-admin-token-0123456789';

/**
 * The real startup-error service (server/src/app.ts with its SQLite store in a temp dir) on a loopback
 * port. Tests set its answer through the admin API, as an administrator would, and can take it down;
 * `now` is its clock (a fixed instant's, for the cases that show times).
 */
export async function startStatusService(options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const dataDir = await mkdtemp(join(tmpdir(), 'startup-help-status-'));
  const store = await openNodeStore({ dir: dataDir, logger: silentLogger });
  const app = createApp({
    store,
    verifyAdminToken: createTokenVerifier([{ label: 'tests', sha256: await sha256Hex(STATUS_ADMIN_TOKEN) }]),
    now,
  });
  const admin = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${STATUS_ADMIN_TOKEN}`,
        'content-type': 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  let current: { id: string; etag: string } | undefined;
  const server = createServer(getRequestListener(app.fetch));
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let up = true;
  const port = await listen(server);
  return {
    statusURL: `http://127.0.0.1:${port}/startup-error/buh`,
    /** Replaces the base's message (deletes the previous one, posts the new one). */
    async setAnswers(answers: Answers): Promise<void> {
      if (current) {
        const deleted = await admin('DELETE', `/api/admin/messages/${current.id}`, undefined, {
          'if-match': current.etag,
        });
        if (deleted.status !== 204)
          throw new Error(`DELETE message: ${deleted.status} ${await deleted.text()}`);
        current = undefined;
      }
      const entries = Object.entries(answers);
      const first = entries[0]?.[1];
      if (!first) return;
      const posted = await admin('POST', '/api/admin/messages', {
        text: Object.fromEntries(entries.map(([language, answer]) => [language, answer.userMessage])),
        ...(first.helpText ? { helpText: { ru: first.helpText } } : {}),
        bases: ['buh'],
        displayUntil: first.displayUntil ?? new Date(now() + 60 * 60 * 1000).toISOString(),
        severity: 'maintenance',
      });
      if (posted.status !== 201) throw new Error(`POST message: ${posted.status} ${await posted.text()}`);
      current = { id: ((await posted.json()) as { id: string }).id, etag: posted.headers.get('etag') ?? '' };
    },
    async setUp(next: boolean): Promise<void> {
      if (next === up) return;
      up = next;
      if (up) await listen(server, port);
      else await shut(server, sockets);
    },
    async close(): Promise<void> {
      if (up) await shut(server, sockets);
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A copy of the built kit with the test's config written into it after the build, as an admin would. */
export async function kitWithConfig(
  config: SwConfigInput,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'startup-help-kit-'));
  await cp(join(import.meta.dirname, '..', 'dist', 'client-sw', 'default'), dir, { recursive: true });
  await writeFile(join(dir, 'startup-help.config.json'), JSON.stringify(config, null, 2));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
