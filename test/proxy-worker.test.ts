import { join } from 'node:path';
import type { D1Database } from '@cloudflare/workers-types';
import { Miniflare } from 'miniflare';
import {
  builtKit,
  PROXY_ADMIN_TOKEN,
  PROXY_KIT_CONFIG,
  PROXY_MESSAGE,
  PROXY_PAGE_SHOWS,
  publishMessage,
} from './proxy-service-fixture.ts';
import { defineProxySuite } from './proxy-suite.ts';
import { applyMigrations, COMPATIBILITY_DATE } from './worker-harness.ts';

const ROOT = join(import.meta.dirname, '..');

// The shipped bundle (dist/worker.mjs) in workerd with a local D1 and UPSTREAM_URL as a var: the same
// proxy code path as on Node, with the kit served from the bundle instead of the disk.
defineProxySuite('dist/worker.mjs in miniflare with UPSTREAM_URL', async ({ upstreamURL, timeoutMs }) => {
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(ROOT, 'dist', 'worker.mjs'),
    compatibilityDate: COMPATIBILITY_DATE,
    d1Databases: ['DB'],
    bindings: {
      ADMIN_TOKEN: PROXY_ADMIN_TOKEN,
      UPSTREAM_URL: upstreamURL,
      UPSTREAM_TIMEOUT_MS: String(timeoutMs),
    },
  });
  await applyMigrations((await mf.getD1Database('DB')) as unknown as D1Database);
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
