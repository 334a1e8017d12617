import type { Message } from '../../../../contract/message.ts';
import type { Settings } from '../../../../contract/settings.ts';
import type { MonitorOverview } from '../../domain/monitors/monitor-bars.ts';
import type { ServiceDeps } from '../deps.ts';

/** What the public pages (status page, feed) read: the current data and the clock. */
export interface PublicDataSource {
  snapshot(): Promise<{ settings: Settings; messages: readonly Message[] }>;
  now(): number;
  /** The monitors and their recent probes, when the service runs them. */
  monitors?: (() => Promise<MonitorOverview>) | undefined;
}

/** The public pages read the app's snapshot cache: no storage read per page view. */
export function publicDataSource(deps: Pick<ServiceDeps, 'cache' | 'now' | 'automation'>): PublicDataSource {
  return {
    snapshot: async () => (await deps.cache.view()).snapshot,
    now: deps.now,
    monitors: deps.automation?.overview,
  };
}
