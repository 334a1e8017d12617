import { type ContractTarget, defineHttpContract } from './http-contract.ts';
import { startWorker } from './worker-harness.ts';

const ADMIN_TOKEN = 'worker-admin-token-0123456789';

// The shipped bundle (dist/worker/worker.mjs, built by the global setup) in workerd with a local D1.
defineHttpContract('dist/worker/worker.mjs in miniflare with D1', async (): Promise<ContractTarget> => {
  const mf = await startWorker({ ADMIN_TOKEN: `ops:${ADMIN_TOKEN}` });
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
