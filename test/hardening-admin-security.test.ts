// Admin endpoints and static serving under attack, against the real Node process: 401 and
// 429 per client address, no CORS for admin routes, 413 over the limits, no path traversal, and the
// admin token never in the log except the one line that shows it at first start.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killLeftovers,
  type NodeServerProcess,
  printedToken,
  startNodeServer,
} from './hardening-node-server.ts';
import { type FakeOrigin, startFakeOrigin } from './proxy-fake-origin.ts';

const ROOT = join(import.meta.dirname, '..');
const WRONG_TOKENS = ['wrong-token-5b1f0c', 'Zm9vYmFyYmF6cXV4cXV1eA-not-it'];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP/1.1 request sent exactly as written (no path normalisation, unlike fetch), from a chosen
 * loopback address so tests can be different clients.
 */
function send(
  url: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; from?: string } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        path,
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        localAddress: init.from ?? '127.0.0.1',
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

let server: NodeServerProcess;
let origin: FakeOrigin;
let dataDir: string;
let token: string;

beforeAll(async () => {
  origin = await startFakeOrigin();
  dataDir = await mkdtemp(join(tmpdir(), 'hardening-security-'));
  // First start without ADMIN_TOKEN: the service generates one and prints it once. Proxy mode on, so
  // the client-sw kit is served in the publication folder too.
  server = await startNodeServer(dataDir, { env: { UPSTREAM_URL: origin.url, LOG_LEVEL: 'info' } });
  token = printedToken(server.output()) ?? '';
  expect(token.length).toBeGreaterThanOrEqual(40);
});

afterAll(async () => {
  await server?.stop();
  await origin?.close();
  killLeftovers();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const ADMIN_ROUTES: [string, string][] = [
  ['GET', '/api/admin/messages'],
  ['POST', '/api/admin/messages'],
  ['GET', '/api/admin/messages/some-id'],
  ['PATCH', '/api/admin/messages/some-id'],
  ['DELETE', '/api/admin/messages/some-id'],
  ['GET', '/api/admin/settings'],
  ['PUT', '/api/admin/settings'],
  ['GET', '/api/admin/audit'],
  ['GET', '/api/admin/requests'],
  ['GET', '/api/admin/reports'],
  ['POST', '/admin/preview'],
];

describe('admin authentication', () => {
  it('answers 401 with a Bearer challenge on every admin route without a token or with a wrong one', async () => {
    let client = 20;
    for (const [method, path] of ADMIN_ROUTES) {
      // A fresh client address per route keeps these tries under the throttle's limit.
      const from = `127.0.0.${client++}`;
      for (const authorization of [undefined, ...WRONG_TOKENS.map((t) => `Bearer ${t}`), `Basic ${token}`]) {
        const answer = await send(server.url, path, {
          method,
          from,
          headers: {
            'content-type': 'application/json',
            ...(authorization && { authorization }),
          },
          body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
        });
        expect(answer.status, `${method} ${path} ${authorization}`).toBe(401);
        expect(answer.headers['www-authenticate']).toMatch(/^Bearer realm=/);
        expect(answer.body).not.toContain(token);
      }
    }
  });

  it('rate-limits wrong tokens per client address (429), never the right token; other addresses unaffected', async () => {
    const attacker = '127.0.0.77';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const answer = await send(server.url, '/api/admin/messages', {
        from: attacker,
        // Without TRUST_PROXY, a forged X-Forwarded-For must not make each try a new client.
        headers: { authorization: `Bearer guess-${i}`, 'x-forwarded-for': `10.9.${i}.1` },
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await send(server.url, '/api/admin/messages', {
      from: attacker,
      headers: { authorization: 'Bearer guess-12' },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(limited.body).message).toMatch(/Too many wrong admin tokens/);
    // An administrator sharing that address (everyone behind one proxy) is never locked out.
    const right = await send(server.url, '/api/admin/messages', {
      from: attacker,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(right.status).toBe(200);

    const colleague = await send(server.url, '/api/admin/messages', {
      from: '127.0.0.78',
      headers: { authorization: 'Bearer guess-13' },
    });
    expect(colleague.status).toBe(401);
    // 1C clients on the throttled address still get their answer: the throttle is for admin routes.
    expect((await send(server.url, '/startup-error/buh', { from: attacker })).status).toBe(200);
  });

  it('keeps admin routes CORS-closed (preflight and real requests), while /startup-error is open', async () => {
    for (const [method, path] of ADMIN_ROUTES) {
      const preflight = await send(server.url, path, {
        method: 'OPTIONS',
        from: '127.0.0.90',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': method,
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(preflight.headers['access-control-allow-origin'], `OPTIONS ${path}`).toBeUndefined();
      expect(preflight.headers['access-control-allow-headers'], `OPTIONS ${path}`).toBeUndefined();
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    }
    const real = await send(server.url, '/api/admin/messages', {
      headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' },
    });
    expect(real.status).toBe(200);
    expect(real.headers['access-control-allow-origin']).toBeUndefined();
    expect(real.headers['cache-control']).toBe('no-store');
    const open = await send(server.url, '/startup-error/buh', {
      headers: { origin: 'https://evil.example' },
    });
    expect(open.headers['access-control-allow-origin']).toBe('*');
  });

  it('refuses bodies over the limits with 413, also when sent without a Content-Length', async () => {
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const admin = await send(server.url, '/api/admin/messages', {
      method: 'POST',
      headers: auth,
      body: `{"text":{"ru":"${'я'.repeat(128 * 1024)}"}}`,
    });
    expect(admin.status).toBe(413);
    expect(JSON.parse(admin.body).message).toMatch(/larger than 256 KB/);
    // In the console's language, as the console sends it.
    const inRussian = await send(server.url, '/api/admin/messages', {
      method: 'POST',
      headers: { ...auth, 'accept-language': 'ru' },
      body: `{"text":{"ru":"${'я'.repeat(128 * 1024)}"}}`,
    });
    expect([inRussian.status, JSON.parse(inRussian.body).message]).toEqual([
      413,
      'Тело запроса больше 256 КБ; запросы к API администратора — небольшие документы JSON.',
    ]);
    const settings = await send(server.url, '/api/admin/settings', {
      method: 'PUT',
      headers: { ...auth, 'transfer-encoding': 'chunked', 'accept-language': 'lv' },
      body: `{"bases":{"x":{"name":"${'x'.repeat(300 * 1024)}"}}}`,
    });
    expect(settings.status).toBe(413);
    expect(JSON.parse(settings.body).message).toMatch(/^Pieprasījuma saturs ir lielāks par 256 KB;/);
    const report = await send(server.url, '/startup-error/buh', {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(16 * 1024 + 1, 0x41),
    });
    expect(report.status).toBe(413);
    expect(report.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('static serving', () => {
  it('serves the client-sw kit in the publication folder byte for byte, and nothing else from disk', async () => {
    for (const file of ['sw.js', 'register-sw.js', 'offline.html']) {
      const answer = await send(server.url, `/buh/${file}`);
      expect(answer.status, file).toBe(200);
      expect(answer.body).toBe(await readFile(join(ROOT, 'dist', 'client-sw', 'default', file), 'utf8'));
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('lets no path, however encoded, read a file outside what it serves', async () => {
    const secrets = [
      'root:x:0:0', // /etc/passwd
      '"name": "startup-help"', // the repository's package.json
      '"sha256"', // the admin token hash in the data directory
      '"revision"', // the data file
      'import { serve }', // the server's own source
    ];
    const attempts = [
      '/../../../../etc/passwd',
      '/buh/../../../../etc/passwd',
      '/buh/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/buh/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/buh/sw.js/../../package.json',
      '/buh/..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/buh/..%5c..%5cpackage.json',
      '/buh/%252e%252e/%252e%252e/package.json',
      '/buh/..%c0%af..%c0%afpackage.json',
      '/admin/../package.json',
      '/admin/..%2f..%2fpackage.json',
      '/admin/console.js/..%2f..%2f..%2fpackage.json',
      '/status/..%2f..%2fpackage.json',
      '/startup-error/..%2f..%2fdata%2fstartup-help.db',
      '/admin-token.json',
      `/${encodeURIComponent(dataDir)}/admin-token.json`,
      '/buh/startup-help.config.json/..%2f..%2fadmin-token.json',
      '/server/src/entry/node.ts',
      '/dist/client-sw/../../package.json',
    ];
    for (const path of attempts) {
      const answer = await send(server.url, path, { headers: { accept: 'text/html' } });
      expect(answer.status, path).toBeLessThan(500);
      for (const secret of secrets) expect(answer.body, `${path} leaked ${secret}`).not.toContain(secret);
    }
    // Whatever was not ours went to the 1C origin as asked — our disk was never consulted.
    expect(origin.received.length).toBeGreaterThan(0);
  });
});

describe('the log', () => {
  it('shows the generated token exactly once (the first-start line), never in any other line', async () => {
    // Requests that carry the token or near-misses in every place a request log could pick them up.
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await send(server.url, `/startup-error/buh?token=${token}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, cookie: `session=${token}` },
      body: 'login failed',
    });
    await send(server.url, '/api/admin/messages', { method: 'POST', headers: auth, body: '{"broken":' });
    await send(server.url, '/api/admin/messages', {
      method: 'POST',
      headers: auth,
      body: '{"colour":"red"}',
    });
    await send(server.url, '/api/admin/messages/none', {
      method: 'PATCH',
      headers: { ...auth, 'if-match': '"stale"' },
      body: '{}',
    });
    await send(server.url, '/buh/page', { headers: { authorization: `Bearer ${token}` } });
    await send(server.url, '/api/admin/messages', {
      from: '127.0.0.99',
      headers: { authorization: `Bearer ${token}x` },
    });
    const requests = await send(server.url, '/api/admin/requests', { headers: auth });
    expect(requests.status).toBe(200);
    // The captured request keeps the query as sent (it is the platform's), but never the headers.
    expect(requests.body).not.toContain(`session=${token}`);
    expect(requests.body).not.toContain(`Bearer ${token}`);

    await server.stop();
    const output = server.output();
    const lines = output.split('\n');
    const withToken = lines.filter((line) => line.includes(token));
    expect(withToken, output).toEqual([`    ${token}`]);
    const shownOnce = lines.findIndex((line) => line.includes(token));
    expect(lines[shownOnce - 2]).toMatch(/Admin token \(shown once/);
    for (const wrong of WRONG_TOKENS) expect(output).not.toContain(wrong);
    expect(output).not.toContain('guess-');
    // The wrong-token warnings were logged, so the log was really written (not silent).
    expect(output).toMatch(/admin request with a wrong token/);
  });
});

describe('behind a reverse proxy (TRUST_PROXY=1)', () => {
  it('takes the client address the proxy appended (rightmost X-Forwarded-For), never one the client wrote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hardening-proxy-'));
    const adminToken = 'proxy-admin-token-0123456789abcdef';
    const proxied = await startNodeServer(dir, { env: { ADMIN_TOKEN: adminToken, TRUST_PROXY: '1' } });
    try {
      // The client writes whatever it likes on the left; the proxy appends the address it saw.
      const viaProxy = (client: string, forged: string, authorization: string) =>
        send(proxied.url, '/api/admin/settings', {
          headers: { authorization, 'x-forwarded-for': `${forged}, ${client}` },
        });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push((await viaProxy('198.51.100.7', `10.0.${i}.1`, `Bearer g${i}`)).status);
      // A new forged address per try does not make a new client: the 11th is throttled.
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
      expect((await viaProxy('198.51.100.8', '198.51.100.7', 'Bearer g')).status).toBe(401);
      expect((await viaProxy('198.51.100.7', '10.0.0.1', `Bearer ${adminToken}`)).status).toBe(200);

      await send(proxied.url, '/startup-error/buh', {
        headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.9' },
      });
      const captured = await send(proxied.url, '/api/admin/requests?limit=1', {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(JSON.parse(captured.body).requests[0].clientAddress).toBe('198.51.100.9');
    } finally {
      await proxied.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
