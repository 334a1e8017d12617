/** Messages between pages and the service worker (postMessage with a reply port). */
export const STATUS_REQUEST = 'startup-help:status';
export const REFRESH_REQUEST = 'startup-help:refresh';

/**
 * The limit for the status service, for the worker's fetch and the page's own alike; the page
 * waits a little longer than this for the worker's reply.
 */
export const STATUS_TIMEOUT_MS = 3000;

/** The offline page asks for the status in its language; the reply is a `StatusLookup`. */
export interface StatusRequest {
  readonly type: typeof STATUS_REQUEST;
  readonly language: string;
}

/** register-sw.js asks the worker to refresh its config and the cached status. */
export interface RefreshRequest {
  readonly type: typeof REFRESH_REQUEST;
  readonly languages: readonly string[];
}

/** The reply to a refresh: when to ask again. */
export interface RefreshReply {
  readonly refreshed: boolean;
  readonly statusRefreshSeconds: number;
}
