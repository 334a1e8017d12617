import type { Context } from 'hono';
import type { Channel, ChannelReadiness } from '../../../contract/channel.ts';
import type { AdminTokenVerifier } from '../domain/admin-token.ts';
import type { AuthThrottle } from '../domain/auth-throttle.ts';
import type { Logger } from '../domain/logger.ts';
import type { MonitorOverview } from '../domain/monitors/monitor-bars.ts';
import type { ReportWebhook } from '../domain/report-webhook.ts';
import type { TurnGate } from '../domain/turn-gate.ts';
import type { WarningLimiter } from '../domain/warning-limiter.ts';
import type { ActivityRecorder } from '../store/activity-recorder.ts';
import type { SnapshotCache } from '../store/snapshot-cache.ts';
import type { Store } from '../store/store.ts';
import type { ConsoleFile } from './console/console-routes.ts';
import type { InlineAssetsSource } from './inline-assets.ts';
import type { StaticFiles } from './static-files.ts';

/** What the admin routes of monitors, recurring windows and notifications need besides the store. */
export interface AutomationDeps {
  /** Whether a channel can send from here (its variables set, e-mail available on this runtime). */
  readiness: (channel: Channel) => ChannelReadiness;
  /** Something changed: look at monitors, messages and deliveries soon, after the answer is sent. */
  nudge: (c: Context) => void;
  /** Monitors, states and probe counts for the public status at `t` (read once per snapshot view). */
  overview: (t: number, timeZone: string) => Promise<MonitorOverview>;
}

/** Variables admin routes can read: `c.get('actor')` is the token label of the caller. */
export interface AdminEnv {
  Variables: { actor: string };
}

/**
 * What every sub-app gets from `createApp`: built once per app, shared by the routes (and by the
 * console, status page and feed sub-apps, which mount with `app.route(path, xRoutes(deps))`).
 */
export interface ServiceDeps {
  store: Store;
  /** Precomputed public answers; `await cache.refresh()` after every successful write. */
  cache: SnapshotCache;
  now: () => number;
  logger: Logger;
  verifyAdminToken: AdminTokenVerifier;
  /** Set when the admin API is off, with why and how to fix it (answered as 503). */
  adminUnavailable?: string | undefined;
  authThrottle: AuthThrottle;
  /** Keeps the log readable while someone tries wrong admin tokens. */
  wrongTokenWarnings: WarningLimiter;
  /** Public pages (status JSON and page, feed) take turns, so a crowd on them cannot crowd out 1C clients. */
  publicPages: TurnGate;
  /** Admin changes, one at a time (see adminWriteTurns). */
  adminWrites: TurnGate;
  /** Startup-error requests and login-error reports on their way to the store. */
  activity: ActivityRecorder;
  reportWebhook?: ReportWebhook | undefined;
  /** The console's built page, script and style; absent = no console page (apps built for other tests). */
  consoleFiles?: StaticFiles<ConsoleFile> | undefined;
  /** The scripts and style sheets the pages carry inline (the friendly, status and preview pages). */
  inlineAssets: InlineAssetsSource;
  /** Keeps background work (webhook deliveries, activity writes) alive after the answer is sent. */
  waitUntil: (c: Context, work: Promise<unknown>) => void;
  clientAddress: (c: Context) => string | undefined;
  newId: () => string;
  /** `PUBLIC_URL`'s origin, if configured: the address users and feed readers reach the service at. */
  publicURL: string | undefined;
  /**
   * The origin for links that must be absolute (feed, kit `statusURL`): `PUBLIC_URL`, else the
   * address the service listens on (Node), else the request URL's (Workers, where only the Worker's
   * own routes reach it). Never a `Host` header a client chose.
   */
  absoluteOrigin: (c: Context) => string;
  /** Monitors, recurring windows and notifications, when the entry runs them. */
  automation?: AutomationDeps | undefined;
}
