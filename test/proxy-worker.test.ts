import {
  builtKit,
  PROXY_ADMIN_TOKEN,
  PROXY_KIT_CONFIG,
  PROXY_MESSAGE,
  PROXY_PAGE_SHOWS,
  publishMessage,
} from './proxy-service-fixture.ts';
import { defineProxySuite } from './proxy-suite.ts';
import { startWorker } from './worker-harness.ts';

// The shipped bundle (dist/worker.mjs) in workerd with a local D1 and UPSTREAM_URL as a var: the same
// proxy code path as on Node, with the kit served from the bundle instead of the disk.
defineProxySuite('dist/worker.mjs in miniflare with UPSTREAM_URL', async ({ upstreamURL, timeoutMs }) => {
  const mf = await startWorker({
    ADMIN_TOKEN: PROXY_ADMIN_TOKEN,
    UPSTREAM_URL: upstreamURL,
    UPSTREAM_TIMEOUT_MS: String(timeoutMs),
  });
  const url = (await mf.ready).origin;
  await publishMessage(url);

  return {
    url,
    message: PROXY_MESSAGE,
    pageShows: PROXY_PAGE_SHOWS,
    kitConfig: PROXY_KIT_CONFIG,
    ownPath: '/healthz',
    kit: await builtKit(),
    close: () => mf.dispose(),
  };
});
