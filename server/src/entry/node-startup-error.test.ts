import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../app.ts';
import { createTokenVerifier, sha256Hex } from '../domain/admin-token.ts';
import { silentLogger } from '../domain/logger.ts';
import { type NodeStore, openNodeStore } from '../store/open-node-store.ts';
import { startupErrorFastPath } from './node-startup-error.ts';

const TOKEN = 'fast-path-test-token-0123456789';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

function ask(
  base: string,
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = res.headers;
        resolve({ status: res.statusCode ?? 0, headers: rest, body: Buffer.concat(chunks).toString() });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /startup-error on node:http ahead of Hono', () => {
  let dir: string;
  let store: NodeStore;
  let service: Service;
  let fast: Server;
  let plain: Server;
  let fastURL: string;
  let plainURL: string;
  let handedOn = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fast-path-'));
    store = await openNodeStore({ dir, logger: silentLogger });
    service = createService({
      store,
      verifyAdminToken: createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(TOKEN) }]),
      now: () => Date.parse('2026-03-02T09:00:00Z'),
      // As the Node entry has it without TRUST_PROXY: the connection's address.
      clientAddress: (c) => getConnInfo(c).remote.address,
    });
    const posted = await service.app.request('/api/admin/messages', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        text: { ru: 'Плановые работы до {until}.', en: 'Planned maintenance until {until}.' },
        bases: ['buh'],
        displayUntil: '2026-03-02T12:00:00Z',
        severity: 'maintenance',
      }),
    });
    expect(posted.status, await posted.clone().text()).toBe(201);
    const hono = getRequestListener(service.app.fetch);
    fast = createServer(
      startupErrorFastPath(service.startupError, false, (req, res) => {
        handedOn++;
        return hono(req, res);
      }),
    );
    plain = createServer(hono);
    [fastURL, plainURL] = await Promise.all([listen(fast), listen(plain)]);
  });

  afterAll(async () => {
    await Promise.all([fast, plain].map((s) => new Promise((resolve) => s.close(resolve))));
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const etagOfBuh = async () => (await ask(plainURL, '/startup-error/buh')).headers.etag as string;

  it('answers the same status, headers and bytes as the Hono route, without handing on', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/startup-error/buh', {}],
      ['/startup-error/buh.json', { 'accept-language': 'lv-LV, en;q=0.5' }],
      ['/startup-error/BUH.JSON/ru_RU/', {}],
      ['/startup-error', {}],
      ['/startup-error.json', {}],
      ['/startup-error/buh?lang=en', {}],
      ['/startup-error/zup', { 'access-control-request-headers': 'X-Whatever' }],
      ['/startup-error/buh', { 'if-none-match': await etagOfBuh() }],
    ];
    const before = handedOn;
    for (const [path, headers] of cases) {
      const [viaFast, viaHono] = await Promise.all([
        ask(fastURL, path, 'GET', headers),
        ask(plainURL, path, 'GET', headers),
      ]);
      expect(viaFast, path).toEqual(viaHono);
    }
    expect((await ask(fastURL, '/startup-error/buh')).body).toContain('Плановые работы');
    expect(
      (await ask(fastURL, '/startup-error/buh', 'GET', { 'if-none-match': await etagOfBuh() })).status,
    ).toBe(304);
    expect(handedOn - before).toBe(0);
  });

  it('hands every other method and shape to Hono, which answers as before', async () => {
    const cases: [string, string][] = [
      ['/startup-error/b%75h', 'GET'],
      ['/startup-error.jsonx', 'GET'],
      ['/startup-error/buh', 'POST'],
      ['/startup-error/buh', 'OPTIONS'],
      ['/startup-error/buh', 'HEAD'],
      ['/status', 'GET'],
    ];
    for (const [path, method] of cases) {
      const before = handedOn;
      const [viaFast, viaHono] = await Promise.all([ask(fastURL, path, method), ask(plainURL, path, method)]);
      expect(viaFast, `${method} ${path}`).toEqual(viaHono);
      expect(handedOn - before, `${method} ${path}`).toBe(1);
    }
  });

  it('records the request for the activity log as the Hono route does', async () => {
    const headers = {
      'user-agent': '1C:Enterprise/8.3.25',
      'x-probe': 'capture',
      authorization: 'Bearer secret',
    };
    await ask(fastURL, '/startup-error/buh?from=fast', 'GET', headers);
    await ask(plainURL, '/startup-error/buh?from=hono', 'GET', headers);
    const listed = async () => {
      const response = await service.app.request('/api/admin/requests?limit=200', {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      return ((await response.json()) as { requests: { query: string; [key: string]: unknown }[] }).requests;
    };
    let requests = await listed();
    for (
      let tries = 0;
      tries < 100 && requests.filter((r) => r.query.startsWith('from=')).length < 2;
      tries++
    ) {
      await new Promise((resolve) => setImmediate(resolve));
      requests = await listed();
    }
    const viaFast = requests.find((r) => r.query === 'from=fast');
    const viaHono = requests.find((r) => r.query === 'from=hono');
    expect(viaFast).toBeDefined();
    const strip = (r: Record<string, unknown> | undefined) => {
      const { at: _at, query: _query, headers, ...rest } = r ?? {};
      return { ...rest, headers: (headers as [string, string][]).filter(([name]) => name !== 'host') };
    };
    expect(strip(viaFast)).toEqual(strip(viaHono));
    expect(viaFast?.clientAddress).toBe('127.0.0.1');
    expect(JSON.stringify(viaFast)).not.toContain('secret');
  });

  it('hands a failed answer to Hono instead of dropping the request', async () => {
    let next = 0;
    const failing = createServer(
      startupErrorFastPath(
        () => Promise.reject(new Error('the store is down')),
        false,
        (_req, res) => {
          next++;
          res.writeHead(503).end('unavailable');
        },
      ),
    );
    const url = await listen(failing);
    const answer = await ask(url, '/startup-error/buh');
    await new Promise((resolve) => failing.close(resolve));
    expect([answer.status, answer.body, next]).toEqual([503, 'unavailable', 1]);
  });
});
