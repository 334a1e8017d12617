import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService } from '../server/src/app.ts';
import { MemoryAutomationStore } from '../server/src/automation/memory-stores.test-support.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { silentLogger } from '../server/src/domain/logger.ts';
import { channelReadiness, createChannelSender } from '../server/src/notify/senders.ts';
import { nodeTcpConnect } from '../server/src/probes/node-tcp-connect.ts';
import { createProbe } from '../server/src/probes/probe.ts';
import { openFileStore } from '../server/src/store/file-store.ts';
import { defineMonitorsSuite } from './monitors-suite.ts';

const TOKEN = 'monitors-admin-token-0123456789';
const HOOK_SECRET = 'hook-secret-7c1d';

// In-process, on a fake clock: each step moves the service's time by 5 s and runs one pass.
defineMonitorsSuite('Node, in-process, fake clock', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'monitors-node-'));
  const store = await openFileStore({ dir, logger: silentLogger });
  const automationStore = new MemoryAutomationStore();
  let now = Date.parse('2026-11-23T00:00:00Z');
  const secret = (name: string) => (name === 'HOOK_SECRET' ? HOOK_SECRET : undefined);
  const { app, automation } = createService({
    store,
    verifyAdminToken: createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(TOKEN) }]),
    now: () => now,
    automation: {
      monitors: automationStore,
      schedules: automationStore,
      notifications: automationStore,
      messages: {
        getMessage: async (id) => (await store.load()).messages.find((m) => m.id === id),
        createMessage: (message, audit) => store.createMessage(message, audit as never),
        updateMessage: (message, expected, audit) => store.updateMessage(message, expected, audit as never),
      },
      probe: createProbe({ fetch, tcpConnect: nodeTcpConnect }),
      send: createChannelSender({ fetch, secret }),
      readiness: (channel) => channelReadiness(channel, { secret }),
    },
  });
  if (!automation) throw new Error('automation is not configured');
  return {
    fetch: async (path, init) => app.request(path, init),
    adminToken: TOKEN,
    probe: { intervalSeconds: 30, timeoutSeconds: 2, failuresToDown: 3, successesToUp: 2 },
    stepMs: 5_000,
    async step() {
      // Probes started by an admin change (in the background) finish before the clock moves on.
      await automation.idle();
      now += 5_000;
      await automation.tick({ waitForProbes: true });
    },
    now: () => now,
    hookSecret: HOOK_SECRET,
    async close() {
      await automation.idle();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
