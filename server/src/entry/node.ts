// The Node entry: `npm start`. Reads the environment, opens the store, serves the app, and shuts
// down cleanly. The only server file that touches `process`.
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { PROXY_KIT } from '../../../contract/kit-files.ts';
import { type AutomationOptions, createService } from '../app.ts';
import { startAutomationTimer } from '../automation/automation-timer.ts';
import {
  type AdminTokenEntry,
  createTokenVerifier,
  parseAdminTokens,
  sha256Hex,
} from '../domain/admin-token.ts';
import { clientAddressOf } from '../domain/client-address.ts';
import { warmUpLint } from '../domain/lint/lint-message.ts';
import type { Logger } from '../domain/logger.ts';
import { isWebhookURL, ReportWebhook } from '../domain/report-webhook.ts';
import { trustProxyFromEnv } from '../domain/trust-proxy.ts';
import { nodemailerSend } from '../notify/nodemailer-send.ts';
import { channelReadiness, createChannelSender, type SecretSource } from '../notify/senders.ts';
import { nodeTcpConnect } from '../probes/node-tcp-connect.ts';
import { createProbe } from '../probes/probe.ts';
import { createNodeProxy } from '../proxy/node-proxy.ts';
import { nodeUpstream } from '../proxy/node-upstream.ts';
import { parsePublicURL } from '../proxy/public-url.ts';
import { createUpstreamFailureLog } from '../proxy/upstream-failure-log.ts';
import { bundledConsoleFiles } from '../routes/console/bundled-console-files.ts';
import { ActivityRecorder } from '../store/activity-recorder.ts';
import { DATABASE_FILE, type NodeStore, openNodeStore } from '../store/open-node-store.ts';
import { StoreOpenError } from '../store/store.ts';
import { startupErrorFastPath } from './node-startup-error.ts';

const TOKEN_FILE = 'admin-token.json';
const LEVELS = { error: 0, warn: 1, info: 2 } as const;
/** Another process on the same DATA_DIR: its changes show here within this time (SNAPSHOT_MAX_AGE_MS). */
const DEFAULT_SNAPSHOT_MAX_AGE_MS = 1_000;
/** Captured requests and reports are written at most this often, in one batch. */
const ACTIVITY_FLUSH_MS = 1_000;

function fail(message: string): never {
  console.error(`startup-help: ${message}`);
  process.exit(1);
}

function createLogger(level: string): Logger {
  const max = LEVELS[level as keyof typeof LEVELS] ?? LEVELS.info;
  const write = (name: keyof typeof LEVELS) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVELS[name] > max) return;
    const detail = fields ? ` ${JSON.stringify(fields)}` : '';
    console.error(`${new Date().toISOString()} ${name} ${message}${detail}`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** Temp file in the same directory, fsync, rename over the old file, fsync the directory. */
async function writeFileDurably(path: string, data: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(data, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  const dir = await open(join(path, '..'), 'r').catch(() => undefined);
  await dir?.sync().catch(() => {});
  await dir?.close();
}

function parseMilliseconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0)
    fail(`${name} must be a whole number of milliseconds (0 or more), not "${value}".`);
  return ms;
}

function parsePort(value: string | undefined): number {
  const port = Number(value ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PORT must be a number from 0 to 65535, not "${value}".`);
  return port;
}

/**
 * ADMIN_TOKEN wins. Without it, the first start generates a token, keeps only its SHA-256 in the data
 * directory and prints the token once; later starts say where the hash is and how to get a new token.
 */
async function adminTokens(dataDir: string): Promise<AdminTokenEntry[]> {
  const fromEnv = process.env.ADMIN_TOKEN;
  if (fromEnv?.trim()) {
    const tokens = await parseAdminTokens(fromEnv);
    if (!tokens.ok) fail(tokens.problem);
    console.log(`Admin token: from ADMIN_TOKEN (${tokens.entries.map((entry) => entry.label).join(', ')}).`);
    return tokens.entries;
  }
  const file = join(dataDir, TOKEN_FILE);
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as AdminTokenEntry;
    if (typeof saved.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(saved.sha256))
      throw new Error('no sha256 in it');
    console.log(
      `Admin token: the one printed at first start (only its hash is kept in ${file}).\n  Lost it? Stop the service, delete that file and start again for a new token, or set ADMIN_TOKEN.`,
    );
    return [{ label: typeof saved.label === 'string' ? saved.label : 'admin', sha256: saved.sha256 }];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      fail(
        `Cannot use ${file}: ${(error as Error).message}. Delete it to generate a new admin token, or set ADMIN_TOKEN.`,
      );
    }
  }
  const token = randomBytes(32).toString('base64url');
  const entry = { label: 'admin', sha256: await sha256Hex(token), createdAt: new Date().toISOString() };
  await writeFileDurably(file, `${JSON.stringify(entry, null, 2)}\n`);
  console.log(
    `Admin token (shown once, copy it now; only its hash is kept in ${file}):\n\n    ${token}\n\nUse it as "Authorization: Bearer <token>" and in the admin console.`,
  );
  return [entry];
}

function clientAddress(trustProxy: boolean) {
  return (c: Context): string | undefined =>
    clientAddressOf(trustProxy, c.req.header('x-forwarded-for'), () => {
      try {
        return getConnInfo(c).remote.address;
      } catch {
        return undefined;
      }
    });
}

/** Monitors, recurring windows and notifications: probes over node:net and fetch, e-mail over SMTP. */
function automationOptions(): AutomationOptions {
  // Channel secrets come from the variables the channels name (TELEGRAM_TOKEN, SMTP_PASSWORD, …).
  const secret: SecretSource = (name) => process.env[name] || undefined;
  return {
    probe: createProbe({ fetch, tcpConnect: nodeTcpConnect }),
    send: createChannelSender({ fetch, secret, email: nodemailerSend }),
    readiness: (channel) => channelReadiness(channel, { secret, email: nodemailerSend }),
  };
}

async function main(): Promise<void> {
  const env = process.env;
  const port = parsePort(env.PORT);
  const host = env.HOST || '0.0.0.0';
  const dataDir = resolve(env.DATA_DIR || './data');
  const logger = createLogger(env.LOG_LEVEL ?? 'info');
  const snapshotMaxAgeMs = parseMilliseconds(
    'SNAPSHOT_MAX_AGE_MS',
    env.SNAPSHOT_MAX_AGE_MS,
    DEFAULT_SNAPSHOT_MAX_AGE_MS,
  );

  let store: NodeStore;
  try {
    store = await openNodeStore({ dir: dataDir, logger });
  } catch (error) {
    if (error instanceof StoreOpenError) fail(error.message);
    fail(
      `Cannot open the data directory ${dataDir}: ${(error as Error).message}. Check DATA_DIR and its permissions.`,
    );
  }
  const activity = new ActivityRecorder({ store, now: Date.now, logger, flushDelayMs: ACTIVITY_FLUSH_MS });
  const verifyAdminToken = createTokenVerifier(await adminTokens(dataDir), (token) =>
    createHash('sha256').update(token).digest('hex'),
  );

  let reportWebhook: ReportWebhook | undefined;
  if (env.REPORT_WEBHOOK_URL) {
    if (!isWebhookURL(env.REPORT_WEBHOOK_URL)) fail('REPORT_WEBHOOK_URL must be an http:// or https:// URL.');
    if (!env.REPORT_WEBHOOK_SECRET) {
      logger.warn('REPORT_WEBHOOK_SECRET is not set: reports are forwarded without X-Startup-Help-Signature');
    }
    reportWebhook = new ReportWebhook({
      url: env.REPORT_WEBHOOK_URL,
      secret: env.REPORT_WEBHOOK_SECRET,
      fetch,
      logger,
    });
  }

  let publicURL: string | undefined;
  try {
    publicURL = env.PUBLIC_URL?.trim() ? parsePublicURL(env.PUBLIC_URL) : undefined;
  } catch (error) {
    fail((error as Error).message);
  }
  // Proxy mode (UPSTREAM_URL): stand in front of the 1C web server.
  // dist/server.mjs runs from dist/, beside the kits `npm run build:sw` writes; proxy mode serves one.
  const kitDir = join(import.meta.dirname, 'client-sw', PROXY_KIT);
  const proxy = await nodeUpstream(env, kitDir).catch((error: Error) => fail(error.message));
  if (proxy.warning) logger.warn(proxy.warning);

  /** Where the service listens, for absolute links when PUBLIC_URL is not set (known once listening). */
  let listeningOrigin: string | undefined;
  const trustProxy = trustProxyFromEnv(env.TRUST_PROXY);
  const { app, automation, startupError } = createService({
    store,
    automation: automationOptions(),
    verifyAdminToken,
    logger,
    consoleFiles: bundledConsoleFiles,
    activity,
    snapshotMaxAgeMs,
    ...(reportWebhook && { reportWebhook }),
    ...(proxy.upstream && { upstream: proxy.upstream }),
    publicURL,
    listeningOrigin: () => listeningOrigin,
    clientAddress: clientAddress(trustProxy),
  });

  // Probes, notices and deliveries run on a timer in this process, never on the request path.
  const timer = automation && startAutomationTimer(automation);

  // Proxied requests take node:http both ways, ahead of Hono, and so do 1C clients' GETs of their
  // startup-error answer; the service's other routes go to Hono.
  const serviceListener = startupErrorFastPath(startupError, trustProxy, getRequestListener(app.fetch));
  const nodeProxy =
    proxy.upstream &&
    createNodeProxy({
      upstreamURL: proxy.upstream.url,
      timeoutMs: proxy.upstream.timeoutMs,
      kit: proxy.upstream.kit !== undefined,
      trustForwardedHeaders: proxy.upstream.trustForwardedHeaders,
      publicOrigin: publicURL,
      serviceFetch: (request) => app.fetch(request),
      onFailure: createUpstreamFailureLog(logger, new URL(proxy.upstream.url).origin),
    });
  const server = nodeProxy
    ? createServer({ shouldUpgradeCallback: nodeProxy.shouldUpgrade }, nodeProxy.listener(serviceListener))
    : createServer(serviceListener);
  if (nodeProxy) server.on('upgrade', nodeProxy.upgrade);

  // Pays the lint's one-time cost now, not during the first admin write while 1C clients wait.
  warmUpLint();
  server.listen(port, host, () => {
    const { port: actualPort } = server.address() as AddressInfo;
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    const base = `http://${shown}:${actualPort}`;
    listeningOrigin = base;
    if (!publicURL && proxy.upstream) {
      logger.warn(
        `PUBLIC_URL is not set: the kit's status address and the feed name ${base}. Set PUBLIC_URL to the address users open, e.g. https://1c.example.com`,
      );
    }
    console.log(
      [
        `startup-help listening on http://${host.includes(':') ? `[${host}]` : host}:${actualPort} (data in ${join(dataDir, DATABASE_FILE)})`,
        `  startup-error service  ${base}/startup-error/<baseKey>   (all bases: ${base}/startup-error)`,
        `  status API             ${base}/api/status`,
        `  status page            ${base}/status`,
        `  admin console          ${base}/admin`,
        `  admin API              ${base}/api/admin/messages   (OpenAPI: ${base}/openapi.json)`,
        ...(proxy.upstream ? [`  proxy mode             everything else → ${proxy.upstream.url}`] : []),
      ].join('\n'),
    );
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    fail(
      error.code === 'EADDRINUSE'
        ? `Port ${port} on ${host} is in use. Stop the other program or set PORT to a free port.`
        : `Cannot listen on ${host}:${port}: ${error.message}`,
    );
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`startup-help: ${signal} received, finishing requests and writes…`);
    const force = setTimeout(() => {
      console.error('startup-help: still busy after 10 s, exiting anyway');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close(async () => {
      nodeProxy?.close();
      // A probe in flight ends within its timeout; deliveries in flight get the same few seconds.
      await Promise.race([timer?.stop(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      await activity.close();
      await store.close();
      // Reports still being forwarded get a few seconds; a webhook that is down must not hold the exit.
      if (reportWebhook) {
        await Promise.race([
          reportWebhook.idle(),
          new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
        ]);
      }
      console.log('startup-help: stopped');
      process.exit(0);
    });
    // Idle keep-alive connections would hold close() open; requests in flight still finish.
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

await main();
