import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Settings } from '../contract/settings.ts';
import { type AutomationOptions, createService } from '../server/src/app.ts';
import type { Automation } from '../server/src/automation/automation.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { silentLogger } from '../server/src/domain/logger.ts';
import type { UpstreamOptions } from '../server/src/proxy/proxy-routes.ts';
import { bundledConsoleFiles } from '../server/src/routes/console/bundled-console-files.ts';
import { openNodeStore } from '../server/src/store/open-node-store.ts';

export const ADMIN_TOKEN = 'console-test-token-7f3a9c1e5b';

export const TEST_SETTINGS: Settings = {
  defaultLanguage: 'ru',
  timeZone: 'Europe/Moscow',
  helpText: {
    ru: 'Дежурный администратор: +7 (495) 123-45-67',
    en: 'Duty administrator: +7 (495) 123-45-67',
    lv: 'Dežurējošais administrators: +7 (495) 123-45-67',
  },
  helpURL: 'https://help.example/1c',
  bases: { buh: { name: 'Бухгалтерия' }, zup: { name: 'Зарплата и кадры' } },
};

export interface RunningService {
  url: string;
  /** Calls the real admin API with the token (to arrange and check state). */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The runner of monitors, recurring windows and notifications, when the service has them. */
  automation?: Automation;
  close(): Promise<void>;
}

/**
 * The real app with its SQLite store in a temp dir, served over HTTP on an ephemeral loopback port; `now`
 * is its clock (a fixed instant's, for the cases that show times); `upstream` turns on proxy mode;
 * `automation` turns on monitors, recurring windows and notifications (no timer: the test runs passes).
 */
export async function startService(
  options: { now?: () => number; upstream?: UpstreamOptions; automation?: AutomationOptions } = {},
): Promise<RunningService> {
  const dir = await mkdtemp(join(tmpdir(), 'console-test-'));
  const store = await openNodeStore({ dir, logger: silentLogger });
  const { app, automation } = createService({
    store,
    verifyAdminToken: createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(ADMIN_TOKEN) }]),
    consoleFiles: bundledConsoleFiles,
    ...(options.now ? { now: options.now } : {}),
    ...(options.upstream ? { upstream: options.upstream } : {}),
    ...(options.automation ? { automation: options.automation } : {}),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const put = await api('PUT', '/api/admin/settings', TEST_SETTINGS);
  if (put.status !== 200) throw new Error(`settings: HTTP ${put.status} ${await put.text()}`);
  return {
    url,
    api,
    ...(automation && { automation }),
    close: async () => {
      await automation?.idle();
      (server as import('node:http').Server).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
