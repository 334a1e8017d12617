import type { Context } from 'hono';
import type { Channel, ChannelReadiness } from '../../contract/channel.ts';
import { Automation, messagesAt } from './automation/automation.ts';
import { readMonitorOverview } from './automation/monitor-overview.ts';
import { MonitorRunner } from './automation/monitor-runner.ts';
import { NotificationOutbox } from './automation/notification-outbox.ts';
import type { AdminTokenVerifier } from './domain/admin-token.ts';
import { AuthThrottle } from './domain/auth-throttle.ts';
import { type Logger, silentLogger } from './domain/logger.ts';
import type { RetryPolicy } from './domain/notifications/retry-policy.ts';
import type { ReportWebhook } from './domain/report-webhook.ts';
import { TurnGate } from './domain/turn-gate.ts';
import { WarningLimiter } from './domain/warning-limiter.ts';
import type { ChannelSender } from './notify/senders.ts';
import type { Probe } from './probes/probe.ts';
import { proxyRoutes, type UpstreamOptions } from './proxy/proxy-routes.ts';
import { adminAuditRoutes } from './routes/admin-audit.ts';
import { adminAuth } from './routes/admin-auth.ts';
import { adminChannelsRoutes } from './routes/admin-channels.ts';
import { adminMessagesRoutes } from './routes/admin-messages.ts';
import { adminMonitorsRoutes } from './routes/admin-monitors.ts';
import { adminReportsRoutes } from './routes/admin-reports.ts';
import { adminRequestsRoutes } from './routes/admin-requests.ts';
import { adminSchedulesRoutes } from './routes/admin-schedules.ts';
import { adminSettingsRoutes } from './routes/admin-settings.ts';
import { adminTemplatesRoutes, builtTemplates, type TemplatesFile } from './routes/admin-templates.ts';
import { adminWriteTurns } from './routes/admin-write-turns.ts';
import { onError } from './routes/api-error.ts';
import { bundledInlineAssets } from './routes/bundled-inline-assets.ts';
import { type ConsoleFile, createConsoleRoutes } from './routes/console/console-routes.ts';
import type { AutomationDeps, ServiceDeps } from './routes/deps.ts';
import { feedRoutes } from './routes/feed/feed-routes.ts';
import { friendlyRoutes } from './routes/friendly.ts';
import { healthRoutes } from './routes/health.ts';
import { Hono } from './routes/hono.ts';
import type { InlineAssetsSource } from './routes/inline-assets.ts';
import { builtOpenApi, type OpenApiFile, openApiRoutes } from './routes/openapi.ts';
import { buildOpenApi } from './routes/openapi-document.ts';
import { rootRoutes } from './routes/root-routes.ts';
import { serviceTimes } from './routes/service-times.ts';
import { startupErrorRoutes } from './routes/startup-error.ts';
import {
  answerStartupError,
  type StartupErrorAnswer,
  type StartupErrorRequest,
} from './routes/startup-error-answer.ts';
import type { StaticFiles } from './routes/static-files.ts';
import { statusRoutes } from './routes/status.ts';
import { statusPageRoutes } from './routes/status-page/status-page-routes.ts';
import { buildTemplatesDocument } from './routes/templates-document.ts';
import { ActivityRecorder } from './store/activity-recorder.ts';
import { SnapshotCache } from './store/snapshot-cache.ts';
import type { Snapshot, Store } from './store/store.ts';

/**
 * Monitors, recurring windows and notifications: what the runtime gives them (their data is in the
 * store). Absent = the service runs without them.
 */
export interface AutomationOptions {
  probe: Probe;
  send: ChannelSender;
  /** Whether a channel can send from here (its secret set, e-mail available on this runtime). */
  readiness: (channel: Channel) => ChannelReadiness;
  retry?: RetryPolicy | undefined;
}

export interface AppOptions {
  store: Store;
  /** Returns the label of a valid admin token (see `createTokenVerifier`), else undefined. */
  verifyAdminToken: AdminTokenVerifier;
  /**
   * Why the admin API is off (no usable `ADMIN_TOKEN` on Workers): every admin request, the console's
   * preview included, answers 503 with this text instead of a 401 nobody could ever get past.
   */
  adminUnavailable?: string | undefined;
  /** Milliseconds since the epoch; tests pass a fake clock. Default `Date.now`. */
  now?: () => number;
  logger?: Logger;
  /**
   * The admin console's built page, script and style: the entry says where they live (Node: the
   * bundle; Workers: the static assets). Absent = /admin has only the preview endpoint.
   */
  consoleFiles?: StaticFiles<ConsoleFile> | undefined;
  /**
   * The scripts and style sheets the pages carry inline (the friendly page, the status page, the
   * console's previews). Default: the bundle's (Workers read them from the static assets).
   */
  inlineAssets?: InlineAssetsSource | undefined;
  /** `/openapi.json`. Default: built in this process from the schemas (Workers read it from assets). */
  openApi?: StaticFiles<OpenApiFile> | undefined;
  /** `GET /api/admin/templates`. Default: built in this process (Workers read it from assets). */
  templates?: StaticFiles<TemplatesFile> | undefined;
  /** Forwards POSTed login-error reports (`REPORT_WEBHOOK_URL`); absent = reports are only counted. */
  reportWebhook?: ReportWebhook;
  /**
   * Keeps background work alive after the answer. Default: the Workers `executionCtx.waitUntil`
   * when the request has one, else the promise just runs (Node keeps running anyway).
   */
  waitUntil?: (c: Context, work: Promise<unknown>) => void;
  /** The caller's address for captured requests and the auth throttle. Default: `CF-Connecting-IP`. */
  clientAddress?: (c: Context) => string | undefined;
  /**
   * How often the snapshot is checked for writes made by other processes or isolates (see
   * SnapshotCache). Undefined = never (this app is the only writer: tests).
   */
  snapshotMaxAgeMs?: number | undefined;
  /** What the public answers come from if the very first load fails (Workers: defaults, no messages). */
  snapshotFallback?: Snapshot;
  newId?: () => string;
  /**
   * Public pages and admin changes take turns on the event loop (see TurnGate): true on Node (the
   * default); false on Workers, where requests do not share one event loop and must not wait on
   * each other.
   */
  takeTurns?: boolean;
  /**
   * Writes captured requests and reports to the store (see ActivityRecorder). Default: a recorder
   * that writes right after each answer. The entry passes its own to flush it at shutdown.
   */
  activity?: ActivityRecorder;
  /** Proxy mode (`UPSTREAM_URL`): everything outside the service's routes goes to the 1C web server. */
  upstream?: UpstreamOptions | undefined;
  /** `PUBLIC_URL`, as an origin (see `parsePublicURL`): absolute links name it. */
  publicURL?: string | undefined;
  /** Node: where the service listens (`http://localhost:8787`), for absolute links without `PUBLIC_URL`. */
  listeningOrigin?: () => string | undefined;
  automation?: AutomationOptions | undefined;
}

/**
 * `executionCtx.waitUntil` where the runtime has one (Workers). Asking Hono for a missing context
 * throws, and the hot path calls this on every request: after the first miss the app remembers that
 * it runs without one (Node, tests), instead of paying for an exception per request.
 */
function defaultWaitUntil(): (c: Context, work: Promise<unknown>) => void {
  let absent = false;
  return (c, work) => {
    if (absent) return;
    try {
      c.executionCtx.waitUntil(work);
    } catch {
      // Not on Workers: nothing to extend; the promise already runs and never rejects.
      absent = true;
    }
  };
}

/** Everything the sub-apps share, built from the options (defaults filled in, options untouched). */
export function createServiceDeps(options: AppOptions): ServiceDeps {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  return {
    store: options.store,
    cache: new SnapshotCache({
      store: options.store,
      now,
      maxAgeMs: options.snapshotMaxAgeMs,
      logger,
      fallback: options.snapshotFallback,
    }),
    now,
    logger,
    verifyAdminToken: options.verifyAdminToken,
    adminUnavailable: options.adminUnavailable,
    authThrottle: new AuthThrottle(),
    wrongTokenWarnings: new WarningLimiter(),
    publicPages: options.takeTurns === false ? TurnGate.open() : new TurnGate(),
    adminWrites: options.takeTurns === false ? TurnGate.open() : new TurnGate(),
    activity:
      options.activity ?? new ActivityRecorder({ store: options.store, now, logger, flushDelayMs: 0 }),
    reportWebhook: options.reportWebhook,
    consoleFiles: options.consoleFiles,
    inlineAssets: options.inlineAssets ?? bundledInlineAssets,
    waitUntil: options.waitUntil ?? defaultWaitUntil(),
    clientAddress: options.clientAddress ?? ((c) => c.req.header('cf-connecting-ip')),
    newId: options.newId ?? (() => crypto.randomUUID()),
    publicURL: options.publicURL,
    absoluteOrigin: (c) => options.publicURL ?? options.listeningOrigin?.() ?? new URL(c.req.url).origin,
  };
}

/** The runners of the automatic features and what the admin routes need of them. */
function createAutomation(
  deps: ServiceDeps,
  options: AutomationOptions,
): { automation: Automation; routes: AutomationDeps } {
  const { store, now, newId, logger, cache } = deps;
  const current = async (t: number) => messagesAt((await cache.view()).messages, t);
  const settings = async () => (await cache.view()).head.settings;
  const outbox = new NotificationOutbox({
    store,
    settings,
    current,
    send: options.send,
    now,
    newId,
    logger,
    retry: options.retry,
  });
  const runner = new MonitorRunner({
    monitors: store,
    messages: store,
    probe: options.probe,
    now,
    newId,
    showing: current,
    timeZone: async () => (await settings()).timeZone,
    stateChanged: () => cache.refresh(),
    notify: (event) => outbox.emit([event]),
    logger,
  });
  const automation = new Automation({ runner, outbox, monitors: store, notifications: store, now, logger });
  const routes: AutomationDeps = {
    readiness: options.readiness,
    // A change was made: the next pass runs now (in the background), not at the next timer.
    nudge: (c) => deps.waitUntil(c, automation.tick({ waitForProbes: true })),
    overview: (t, timeZone) => readMonitorOverview(store, t, timeZone),
  };
  return { automation, routes };
}

/**
 * The whole service as one Hono app, the same on Node and Workers; entries only supply the store,
 * the token verifier and runtime hooks. Mount order matters: specific routes first, a proxy's
 * catch-all last.
 */
export function createApp(options: AppOptions): Hono {
  return createService(options).app;
}

export type AnswerStartupError = (
  request: StartupErrorRequest,
  background: (work: Promise<unknown>) => void,
) => StartupErrorAnswer | Promise<StartupErrorAnswer>;

export interface Service {
  app: Hono;
  /** The runner of the automatic features, when configured (entries start its timer). */
  automation?: Automation;
  /** The startup-error route's answer, for a runtime that serves the hot path ahead of Hono. */
  startupError: AnswerStartupError;
}

/** The app, its automatic features and its hot path's answer, sharing one set of deps. */
export function createService(options: AppOptions): Service {
  const deps = createServiceDeps(options);
  const built = options.automation && createAutomation(deps, options.automation);
  if (built) deps.automation = built.routes;
  const app = new Hono();

  app.route('/', startupErrorRoutes(deps));
  app.route('/', statusRoutes(deps));
  app.route('/', healthRoutes(deps));
  app.route('/', openApiRoutes(options.openApi ?? builtOpenApi(buildOpenApi)));

  const admin = new Hono().basePath('/api/admin');
  admin.use('*', adminAuth(deps));
  admin.use('*', serviceTimes(deps));
  admin.use('*', adminWriteTurns(deps));
  admin.route('/messages', adminMessagesRoutes(deps));
  admin.route('/settings', adminSettingsRoutes(deps));
  admin.route('/audit', adminAuditRoutes(deps));
  admin.route('/requests', adminRequestsRoutes(deps));
  admin.route('/reports', adminReportsRoutes(deps));
  admin.route(
    '/templates',
    adminTemplatesRoutes(options.templates ?? builtTemplates(buildTemplatesDocument)),
  );
  if (built) {
    admin.route('/monitors', adminMonitorsRoutes(deps, built.routes));
    admin.route('/schedules', adminSchedulesRoutes(deps, built.routes));
    admin.route('/channels', adminChannelsRoutes(deps, built.routes));
  }
  app.route('/', admin);

  app.route('/', rootRoutes({ proxy: options.upstream !== undefined }));
  app.route('/admin', createConsoleRoutes(deps));
  app.route('/status', statusPageRoutes(deps));
  app.route('/feed.atom', feedRoutes(deps));
  app.route('/friendly', friendlyRoutes(deps, options.upstream?.kit?.config));

  // Proxy mode mounts its catch-all here, after every specific route.
  if (options.upstream) app.route('/', proxyRoutes(deps, options.upstream));

  app.notFound((c) =>
    c.json(
      {
        error: 'not-found',
        message: `There is nothing at ${c.req.path}. The API is described at /openapi.json.`,
      },
      404,
    ),
  );
  app.onError(onError(deps.logger));
  const startupError: AnswerStartupError = (request, background) =>
    answerStartupError(deps, request, background);
  return built ? { app, automation: built.automation, startupError } : { app, startupError };
}
