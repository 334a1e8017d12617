import { IN_PROCESS_TOKEN, startInProcess } from './monitors-in-process.ts';
import { defineMonitorsSuite } from './monitors-suite.ts';

const HOOK_SECRET = 'hook-secret-7c1d';

// In-process, on a fake clock: each step moves the service's time by 5 s and runs one pass.
defineMonitorsSuite('Node, in-process, fake clock', async () => {
  const service = await startInProcess({ start: '2026-11-23T00:00:00Z', secrets: { HOOK_SECRET } });
  return {
    fetch: service.request,
    adminToken: IN_PROCESS_TOKEN,
    probe: { intervalSeconds: 30, timeoutSeconds: 2, failuresToDown: 3, successesToUp: 2 },
    stepMs: 5_000,
    step: () => service.advance(5_000),
    now: service.now,
    hookSecret: HOOK_SECRET,
    close: service.close,
  };
});
