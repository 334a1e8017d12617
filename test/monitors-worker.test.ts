import { defineMonitorsSuite } from './monitors-suite.ts';
import { startWorker } from './worker-harness.ts';

const ADMIN_TOKEN = 'monitors-worker-token-0123456789';
const HOOK_SECRET = 'hook-secret-worker-5e2a';
const STEP_MS = 2_500;

// The shipped bundle in workerd with D1, on the real clock: probes run only when the Cron Trigger
// fires (`scheduled`), so each step lets 2.5 s pass and then fires it. Monitors probe every 10 s
// (the shortest interval) and change state after two probes, so each case takes well under a minute
// and all run at once.
defineMonitorsSuite(
  'Worker in miniflare, Cron Trigger',
  async () => {
    const mf = await startWorker({ ADMIN_TOKEN: `ops:${ADMIN_TOKEN}`, HOOK_SECRET });
    const worker = await mf.getWorker();
    return {
      fetch: async (path, init) => {
        const response = await mf.dispatchFetch(`http://startup-help.test${path}`, init as never);
        return response as unknown as Response;
      },
      adminToken: ADMIN_TOKEN,
      probe: { intervalSeconds: 10, timeoutSeconds: 2, failuresToDown: 2, successesToUp: 2 },
      stepMs: STEP_MS,
      async step() {
        await new Promise((resolve) => setTimeout(resolve, STEP_MS));
        await worker.scheduled({ cron: '* * * * *' });
      },
      now: () => Date.now(),
      hookSecret: HOOK_SECRET,
      close: () => mf.dispose(),
    };
  },
  { concurrent: true },
);
