import { join } from 'node:path';
import type { D1Database } from '@cloudflare/workers-types';
import { Miniflare } from 'miniflare';
import { type ContractTarget, defineHttpContract } from './http-contract.ts';
import { applyMigrations, COMPATIBILITY_DATE } from './worker-harness.ts';

const ADMIN_TOKEN = 'worker-admin-token-0123456789';

// The shipped bundle (dist/worker.mjs, built by the global setup) in workerd with a local D1.
defineHttpContract('dist/worker.mjs in miniflare with D1', async (): Promise<ContractTarget> => {
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(import.meta.dirname, '..', 'dist', 'worker.mjs'),
    compatibilityDate: COMPATIBILITY_DATE,
    d1Databases: ['DB'],
    bindings: { ADMIN_TOKEN: `ops:${ADMIN_TOKEN}` },
  });
  await applyMigrations((await mf.getD1Database('DB')) as unknown as D1Database);
  return {
    fetch: async (path, init) => {
      const response = await mf.dispatchFetch(`http://startup-help.test${path}`, init as never);
      const nullBody = [101, 204, 205, 304].includes(response.status);
      return new Response(nullBody ? null : await response.arrayBuffer(), {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers.entries()],
      });
    },
    adminToken: ADMIN_TOKEN,
    close: () => mf.dispose(),
  };
});
