import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { rawRequest } from './proxy-http-client.ts';
import {
  PROXY_ADMIN_TOKEN as ADMIN_TOKEN,
  builtKit,
  PROXY_KIT_CONFIG,
  PROXY_MESSAGE,
  PROXY_PAGE_SHOWS,
  publishMessage,
  startEntry,
} from './proxy-service-fixture.ts';
import { defineProxySuite, type ProxyTarget, type ProxyTargetOptions } from './proxy-suite.ts';
import { defineTransparencySuite } from './proxy-transparency.ts';

// The real entry (`npm start`) with UPSTREAM_URL set: the app, its store, the proxy and the kit from dist/.
async function startNodeEntry({ upstreamURL, timeoutMs }: ProxyTargetOptions): Promise<ProxyTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'startup-help-proxy-'));
  const server = await startEntry({
    DATA_DIR: dataDir,
    ADMIN_TOKEN,
    UPSTREAM_URL: upstreamURL,
    UPSTREAM_TIMEOUT_MS: String(timeoutMs),
  });
  await publishMessage(server.url);
  return {
    url: server.url,
    message: PROXY_MESSAGE,
    pageShows: PROXY_PAGE_SHOWS,
    kitConfig: PROXY_KIT_CONFIG,
    ownPath: '/healthz',
    kit: await builtKit(),
    close: async () => {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

defineProxySuite('npm start with UPSTREAM_URL (the Node entry)', startNodeEntry);
defineTransparencySuite('npm start with UPSTREAM_URL (the Node entry)', 'node', startNodeEntry);

describe('npm start in proxy mode: configuration errors', () => {
  for (const [env, expected] of [
    [{ UPSTREAM_URL: 'http://1c-web.local:8080/buh/' }, /UPSTREAM_URL .* must be an origin only/],
    [{ UPSTREAM_URL: 'http://1c-web.local:8080', UPSTREAM_TIMEOUT_MS: '10s' }, /UPSTREAM_TIMEOUT_MS "10s"/],
  ] as const) {
    it(`refuses to start with ${JSON.stringify(env)} and says what to write`, async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'startup-help-proxy-'));
      try {
        const error = await startEntry({ DATA_DIR: dataDir, ADMIN_TOKEN, ...env }).then(
          () => new Error('started'),
          (e: Error) => e,
        );
        expect(error.message).toMatch(/exited with 1/);
        expect(error.message).toMatch(expected);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  }
});

describe('npm start in proxy mode: the administrator sees proxy failures in the log', () => {
  it('names the origin, the reason and what the visitor got, once a minute per kind of failure', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedOrigin = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((resolve) => probe.close(resolve));
    const dataDir = await mkdtemp(join(tmpdir(), 'startup-help-proxy-'));
    const server = await startEntry({ DATA_DIR: dataDir, ADMIN_TOKEN, UPSTREAM_URL: closedOrigin });
    try {
      const page = await rawRequest(`${server.url}/buh/ru_RU/?session=secret`, {
        headers: { 'sec-fetch-mode': 'navigate', accept: 'text/html' },
      });
      expect(page.status).toBe(503);
      const script = await rawRequest(`${server.url}/buh/ru_RU/e1cib/login`, { method: 'POST', body: '{}' });
      expect(script.status).toBe(502);
      const line = `proxy: the 1C web server at ${closedOrigin} could not be reached (ECONNREFUSED) for GET /buh/ru_RU/; the visitor got the friendly page`;
      await vi.waitFor(() => expect(server.output()).toContain(line));
      // The second failure of the same kind within the minute is held back, not a second line.
      expect(server.output().match(/^.*proxy: .*$/gm)).toHaveLength(1);
      expect(server.output()).not.toContain('secret');
    } finally {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
