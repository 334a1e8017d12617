import { Strategy, type StrategyHandler } from 'workbox-strategies';
import type { Failure } from './failure.ts';

export interface NavigationPolicy {
  /** A navigation that has not answered within this many seconds gets the offline page. */
  readonly networkTimeoutSeconds: number;
  /** Statuses that mean "the 1C web server is down" (e.g. 502 from a proxy in front of it). */
  readonly fallbackStatuses: readonly number[];
}

/** What the offline page needs to know about the failure, beyond when and where. */
export type NavigationFailure = Pick<Failure, 'kind' | 'status' | 'timeoutSeconds'>;

/**
 * The web client's navigations: straight to the network (never a cached 1C page), and the offline
 * page when the server refuses, hangs past the timeout or answers with a "down" status. Workbox's
 * own strategies treat a 5xx as success and NetworkFirst still waits on an empty cache, hence this
 * policy of ours; the service worker supplies the page (`offlinePage`).
 */
export class NavigationWithOfflinePage extends Strategy {
  readonly #policy: NavigationPolicy;
  readonly #offlinePage: (request: Request, failure: NavigationFailure) => Promise<Response>;

  constructor(
    policy: NavigationPolicy,
    offlinePage: (request: Request, failure: NavigationFailure) => Promise<Response>,
  ) {
    super();
    this.#policy = policy;
    this.#offlinePage = offlinePage;
  }

  protected override async _handle(request: Request, handler: StrategyHandler): Promise<Response> {
    const seconds = this.#policy.networkTimeoutSeconds;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), seconds * 1000);
    });
    let outcome: Response | 'timeout' | 'refused';
    try {
      outcome = await Promise.race([handler.fetch(request), timedOut]);
    } catch {
      outcome = 'refused';
    } finally {
      clearTimeout(timer);
    }
    if (outcome === 'timeout')
      return this.#offlinePage(request, { kind: 'timeout', timeoutSeconds: seconds });
    if (outcome === 'refused') return this.#offlinePage(request, { kind: 'refused' });
    if (this.#policy.fallbackStatuses.includes(outcome.status)) {
      return this.#offlinePage(request, { kind: 'server-error', status: outcome.status });
    }
    return outcome;
  }
}
