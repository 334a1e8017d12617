// The Cloudflare Workers entry: `npm run build:worker` bundles it to dist/worker/worker.mjs, `npm run deploy`
// uploads that file. The only server file that reads the Worker's `env`.

import { CLIENT_KIT_CONFIG } from 'startup-help:client-kit';
import type { D1Database, ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
import type { Hono } from 'hono';
import { DEFAULT_SETTINGS } from '../../../contract/settings.ts';
import { type AutomationOptions, createService } from '../app.ts';
import type { Automation } from '../automation/automation.ts';
import { createTokenVerifier, parseAdminTokens } from '../domain/admin-token.ts';
import type { Logger } from '../domain/logger.ts';
import { isWebhookURL, ReportWebhook } from '../domain/report-webhook.ts';
import { channelReadiness, createChannelSender, type SecretSource } from '../notify/senders.ts';
import { createProbe } from '../probes/probe.ts';
import { workerTcpConnect } from '../probes/worker-tcp-connect.ts';
import { parsePublicURL } from '../proxy/public-url.ts';
import { upstreamFromEnv } from '../proxy/upstream-env.ts';
import { ActivityRecorder } from '../store/activity-recorder.ts';
import { createD1Store } from '../store/d1-store.ts';
import {
  type AssetsBinding,
  inlineAssetsFromStatic,
  WORKER_ASSET_FOLDERS,
  workerAssetFiles,
} from './worker-assets.ts';

/** Bindings from wrangler.toml (`[vars]`, `[[d1_databases]]`) and secrets (`wrangler secret put`). */
export interface WorkerEnv {
  DB: D1Database;
  /** The files written by the build into dist/worker-assets/ (`[assets]`; see worker-assets.ts). */
  ASSETS?: AssetsBinding;
  /** Secret. One token, or `label:token` pairs separated by commas (the label goes to the audit log). */
  ADMIN_TOKEN?: string;
  /** Each POSTed login-error report is forwarded here in the background; empty = off. */
  REPORT_WEBHOOK_URL?: string;
  /** Secret. HMAC-SHA256 key for the X-Startup-Help-Signature header of webhook deliveries. */
  REPORT_WEBHOOK_SECRET?: string;
  /** Proxy mode: the 1C web server this Worker stands in front of; empty = off. */
  UPSTREAM_URL?: string;
  /** Proxy mode: milliseconds to wait for the 1C web server's response headers (default 10000). */
  UPSTREAM_TIMEOUT_MS?: string;
  /** How long an isolate answers from its snapshot before reading D1 again (default 5000 ms). */
  SNAPSHOT_MAX_AGE_MS?: string;
  /** The address users open (`https://1c.example.com`): absolute links name it; empty = the Worker's own URL. */
  PUBLIC_URL?: string;
}

// An isolate serves many requests; isolates do not share memory, so each keeps its own snapshot and
// asks D1 what changed at most once per SNAPSHOT_MAX_AGE_MS (writes made in this isolate show at once).
const DEFAULT_SNAPSHOT_MAX_AGE_MS = 5_000;

const logger: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

interface Service {
  app: Hono;
  automation?: Automation | undefined;
}

let service: Promise<Service> | undefined;

// A detached `fetch` called as a method of another object throws "Illegal invocation" on Workers.
const workerFetch: typeof fetch = (input, init) => fetch(input, init);

/** Monitors, recurring windows and notifications (their data in D1); they run from the Cron Trigger. */
function automationOptions(env: WorkerEnv): AutomationOptions {
  // Channel secrets are Workers secrets named by the channel (`wrangler secret put TELEGRAM_TOKEN`).
  const secret: SecretSource = (name) => {
    const value = (env as unknown as Record<string, unknown>)[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return {
    probe: createProbe({ fetch: workerFetch, tcpConnect: workerTcpConnect }),
    // No e-mail here: Workers cannot speak SMTP; the console says so for e-mail channels.
    send: createChannelSender({ fetch: workerFetch, secret }),
    readiness: (channel) => channelReadiness(channel, { secret }),
  };
}

async function buildService(env: WorkerEnv): Promise<Service> {
  const webhookURL = env.REPORT_WEBHOOK_URL?.trim();
  let reportWebhook: ReportWebhook | undefined;
  if (webhookURL) {
    if (isWebhookURL(webhookURL)) {
      reportWebhook = new ReportWebhook({
        url: webhookURL,
        secret: env.REPORT_WEBHOOK_SECRET || undefined,
        fetch: workerFetch,
        logger,
      });
    } else {
      logger.error('REPORT_WEBHOOK_URL is not an http:// or https:// URL; reports are only counted', {
        fix: 'set REPORT_WEBHOOK_URL in wrangler.toml [vars] to a full URL, or leave it empty',
      });
    }
  }
  const maxAge = Number(env.SNAPSHOT_MAX_AGE_MS ?? DEFAULT_SNAPSHOT_MAX_AGE_MS);
  let upstream: ReturnType<typeof upstreamFromEnv>;
  try {
    const kitFiles = workerAssetFiles(env.ASSETS, WORKER_ASSET_FOLDERS.kit, "The client-sw kit's");
    upstream = upstreamFromEnv(env, { config: CLIENT_KIT_CONFIG, files: kitFiles });
  } catch (error) {
    logger.error(`proxy mode is off: ${(error as Error).message}`, {
      fix: 'correct it in wrangler.toml [vars]',
    });
  }
  let publicURL: string | undefined;
  try {
    publicURL = env.PUBLIC_URL?.trim() ? parsePublicURL(env.PUBLIC_URL) : undefined;
  } catch (error) {
    // Links then name the Worker's own route, which only its own hosts reach: safe, if less tidy.
    logger.error(`PUBLIC_URL is ignored: ${(error as Error).message}`, {
      fix: 'correct it in wrangler.toml [vars]',
    });
  }
  const tokens = env.ADMIN_TOKEN?.trim()
    ? await parseAdminTokens(env.ADMIN_TOKEN)
    : ({
        ok: false,
        problem:
          'The admin API is off because ADMIN_TOKEN is not set. Set it with "npx wrangler secret put ADMIN_TOKEN" and try again.',
      } as const);
  if (!tokens.ok) logger.error(`admin API off: ${tokens.problem}`);
  if (!env.ASSETS) {
    logger.error(
      'no ASSETS binding: the admin console, the client-sw kit, /openapi.json and the message templates answer 503, the pages go unstyled',
      {
        fix: 'copy the [assets] section of the project\'s wrangler.toml into yours and run "npm run deploy"',
      },
    );
  }
  const store = createD1Store(env.DB, logger);
  return createService({
    store,
    publicURL,
    automation: automationOptions(env),
    // Each request writes its capture right after the answer (waitUntil): another request may land
    // in another isolate, so nothing waits in memory for later.
    activity: new ActivityRecorder({ store, now: Date.now, logger, flushDelayMs: 0 }),
    takeTurns: false,
    verifyAdminToken: createTokenVerifier(tokens.ok ? tokens.entries : []),
    adminUnavailable: tokens.ok ? undefined : tokens.problem,
    logger,
    consoleFiles: workerAssetFiles(env.ASSETS, WORKER_ASSET_FOLDERS.console, "The admin console's"),
    openApi: workerAssetFiles(env.ASSETS, WORKER_ASSET_FOLDERS.api, 'The OpenAPI document'),
    templates: workerAssetFiles(env.ASSETS, WORKER_ASSET_FOLDERS.api, 'The message templates'),
    inlineAssets: inlineAssetsFromStatic(env.ASSETS, logger),
    ...(reportWebhook && { reportWebhook }),
    ...(upstream && { upstream }),
    snapshotMaxAgeMs: Number.isFinite(maxAge) && maxAge >= 0 ? maxAge : DEFAULT_SNAPSHOT_MAX_AGE_MS,
    // A cold isolate with D1 down still answers 1C clients (help from the defaults, no message).
    snapshotFallback: {
      revision: 0,
      settings: DEFAULT_SETTINGS,
      settingsVersion: 0,
      messages: [],
      schedules: [],
      loadedAt: 0,
    },
  });
}

function getService(env: WorkerEnv): Promise<Service> {
  service ??= buildService(env).catch((error: unknown) => {
    service = undefined;
    throw error;
  });
  return service;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    return (await getService(env)).app.fetch(request, env, ctx);
  },

  /** The Cron Trigger (`[triggers] crons` in wrangler.toml): due probes, message notices, deliveries. */
  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const { automation } = await getService(env);
    if (automation) ctx.waitUntil(automation.tick({ waitForProbes: true }));
  },
};
