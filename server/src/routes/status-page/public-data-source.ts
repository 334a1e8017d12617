import type { Message } from '../../../../contract/message.ts';
import type { Settings } from '../../../../contract/settings.ts';
import type { MonitorOverview } from '../../domain/monitors/monitor-bars.ts';
import type { SnapshotView } from '../../domain/snapshot-view.ts';
import type { EndedPage, EndedQuery } from '../../store/store.ts';
import type { ServiceDeps } from '../deps.ts';

/** The data the public pages are built from at one instant, and a memo for what is built from it. */
export interface PublicData {
  settings: Settings;
  /** Messages not ended at `t`. */
  messages: readonly Message[];
  t: number;
  /** The monitors and their recent probes (read once per data), when the service runs them. */
  monitors(): Promise<MonitorOverview | undefined>;
  /**
   * Builds `key`'s answer once for this data and instant; later requests get the same answer. The
   * build gets the data to build from: it is run again for newer data before that data serves, so
   * it must read its argument, never data it captured.
   */
  prepared<T>(key: string, build: (data: PublicData) => T | Promise<T>): Promise<T>;
}

/** What the public pages (status page, feed) read: the snapshot cache, and the store for the history. */
export interface PublicDataSource {
  current(): Promise<PublicData>;
  /** Messages that ended, newest first, one page at a time. */
  ended(query: EndedQuery): Promise<EndedPage>;
}

type Overview = ((t: number, timeZone: string) => Promise<MonitorOverview>) | undefined;

/** The monitors as of `view`, read once for it and shared by every answer built from it. */
export function monitorsOf(view: SnapshotView, overview: Overview): Promise<MonitorOverview | undefined> {
  if (!overview) return Promise.resolve(undefined);
  return view.prepared('monitor-overview', (v) => overview(v.computedAt, v.head.settings.timeZone));
}

function publicData(view: SnapshotView, overview: Overview): PublicData {
  return {
    settings: view.head.settings,
    messages: view.messages,
    t: view.computedAt,
    monitors: () => monitorsOf(view, overview),
    prepared: (key, build) => view.prepared(key, (next) => build(publicData(next, overview))),
  };
}

/** No storage read per page view: pages are built once per snapshot view and language. */
export function publicDataSource(
  deps: Pick<ServiceDeps, 'cache' | 'store' | 'automation'>,
): PublicDataSource {
  const overview = deps.automation?.overview;
  return {
    current: async () => publicData(await deps.cache.view(), overview),
    ended: (query) => deps.store.listEndedMessages(query),
  };
}
