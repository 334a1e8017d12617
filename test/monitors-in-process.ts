import { createService } from '../server/src/app.ts';
import type { Automation } from '../server/src/automation/automation.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { channelReadiness, createChannelSender } from '../server/src/notify/senders.ts';
import { nodeTcpConnect } from '../server/src/probes/node-tcp-connect.ts';
import { createProbe } from '../server/src/probes/probe.ts';
import { openTempStore } from './store-harness.ts';

export const IN_PROCESS_TOKEN = 'in-process-admin-token-0123456789';

export interface InProcessService {
  request(path: string, init?: RequestInit): Promise<Response>;
  /** An admin API call with the token; throws on an error answer. */
  admin(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    // biome-ignore lint/suspicious/noExplicitAny: answers are checked with expect, field by field
  ): Promise<{ json: any; etag: string }>;
  automation: Automation;
  now(): number;
  /** Moves the service's clock by `ms` and runs one pass (probes started by earlier changes finish first). */
  advance(ms: number): Promise<void>;
  /** Sets the clock and runs one pass. */
  at(iso: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole service in this process on a fake clock: the app with the store `npm start` opens (in a
 * temp directory), real probes and senders (to loopback fakes).
 */
export async function startInProcess(options: {
  start: string;
  secrets?: Record<string, string>;
}): Promise<InProcessService> {
  const { store, cleanup } = await openTempStore();
  let now = Date.parse(options.start);
  const secrets = options.secrets ?? {};
  const secret = (name: string) => secrets[name];
  const { app, automation } = createService({
    store,
    verifyAdminToken: createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(IN_PROCESS_TOKEN) }]),
    now: () => now,
    automation: {
      probe: createProbe({ fetch, tcpConnect: nodeTcpConnect }),
      send: createChannelSender({ fetch, secret }),
      readiness: (channel) => channelReadiness(channel, { secret }),
    },
  });
  if (!automation) throw new Error('automation is not configured');
  const request = async (path: string, init?: RequestInit) => app.request(path, init);
  const pass = async () => {
    await automation.idle();
    await automation.tick({ waitForProbes: true });
  };
  return {
    request,
    async admin(method, path, body, headers = {}) {
      const response = await request(path, {
        method,
        headers: {
          authorization: `Bearer ${IN_PROCESS_TOKEN}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return { json: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag') ?? '' };
    },
    automation,
    now: () => now,
    async advance(ms) {
      await automation.idle();
      now += ms;
      await pass();
    },
    async at(iso) {
      await automation.idle();
      now = Date.parse(iso);
      await pass();
    },
    async close() {
      await automation.idle();
      await cleanup();
    },
  };
}
