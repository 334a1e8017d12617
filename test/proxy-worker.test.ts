import { describe, expect, it } from 'vitest';
import { rawRequest } from './proxy-http-client.ts';
import {
  builtKit,
  PROXY_ADMIN_TOKEN,
  PROXY_KIT_CONFIG,
  PROXY_MESSAGE,
  PROXY_PAGE_SHOWS,
  publishMessage,
} from './proxy-service-fixture.ts';
import { defineProxySuite, type ProxyTarget, type ProxyTargetOptions } from './proxy-suite.ts';
import { defineTransparencySuite } from './proxy-transparency.ts';
import { startWorker } from './worker-harness.ts';

const PUBLIC_URL = 'https://1c.example.com';

// The shipped bundle (dist/worker/worker.mjs) in workerd with a local D1 and UPSTREAM_URL as a var: the
// proxy's Workers path (fetch subrequests), with the kit read from its static assets instead of the disk.
async function startWorkerTarget({ upstreamURL, timeoutMs }: ProxyTargetOptions): Promise<ProxyTarget> {
  const mf = await startWorker({
    ADMIN_TOKEN: PROXY_ADMIN_TOKEN,
    UPSTREAM_URL: upstreamURL,
    UPSTREAM_TIMEOUT_MS: String(timeoutMs),
    PUBLIC_URL,
  });
  const url = (await mf.ready).origin;
  await publishMessage(url);

  return {
    url,
    publicURL: PUBLIC_URL,
    message: PROXY_MESSAGE,
    pageShows: PROXY_PAGE_SHOWS,
    kitConfig: PROXY_KIT_CONFIG,
    ownPath: '/healthz',
    kit: await builtKit(),
    close: () => mf.dispose(),
  };
}

defineProxySuite('dist/worker/worker.mjs in miniflare with UPSTREAM_URL', startWorkerTarget);
defineTransparencySuite(
  'dist/worker/worker.mjs in miniflare with UPSTREAM_URL',
  'workers',
  startWorkerTarget,
);

describe('PUBLIC_URL on Workers', () => {
  it('names the feed and the kit links whatever Host the request carries', async () => {
    const mf = await startWorker({
      ADMIN_TOKEN: PROXY_ADMIN_TOKEN,
      UPSTREAM_URL: 'http://127.0.0.1:9',
      PUBLIC_URL,
    });
    try {
      const url = (await mf.ready).origin;
      const evil = { host: 'evil.example', 'x-forwarded-host': 'evil.example' };
      const feed = await (await rawRequest(`${url}/feed.atom`, { headers: evil })).text();
      expect(feed).toContain(`<id>${PUBLIC_URL}/feed.atom</id>`);
      expect(feed).not.toContain('evil.example');
      const config = await rawRequest(`${url}/buh/startup-help.config.json`, { headers: evil });
      expect(((await config.json()) as { statusURL: string }).statusURL).toBe(
        `${PUBLIC_URL}/startup-error/buh`,
      );
    } finally {
      await mf.dispose();
    }
  });
});
