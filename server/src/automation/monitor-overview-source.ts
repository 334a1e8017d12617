import type { MonitorStore } from '../domain/automation-store.ts';
import type { MonitorOverview } from '../domain/monitors/monitor-bars.ts';

/** How old the monitor data on public pages may be: one storage read per this, however many visitors. */
export const OVERVIEW_MAX_AGE_MS = 10_000;

/**
 * Monitors, their states and probe counts for the public status, read at most once per
 * `OVERVIEW_MAX_AGE_MS` and shared by every request meanwhile.
 */
export function monitorOverviewSource(
  monitors: MonitorStore,
  now: () => number,
  timeZone: () => Promise<string>,
): { read: () => Promise<MonitorOverview>; invalidate: () => void } {
  let cached: { at: number; value: Promise<MonitorOverview> } | undefined;
  const read = () => {
    const t = now();
    if (cached && t - cached.at < OVERVIEW_MAX_AGE_MS && t >= cached.at) return cached.value;
    const value = (async (): Promise<MonitorOverview> => {
      const [list, states, stats, zone] = await Promise.all([
        monitors.listMonitors(),
        monitors.listMonitorStates(),
        monitors.probeStats(t),
        timeZone(),
      ]);
      return {
        monitors: list,
        states: new Map(states.map((s) => [s.monitorId, s])),
        stats: new Map(stats.map((s) => [s.monitorId, s])),
        now: t,
        timeZone: zone,
      };
    })();
    cached = { at: t, value };
    // A failed read is not kept: the next request tries again.
    value.catch(() => {
      if (cached?.value === value) cached = undefined;
    });
    return value;
  };
  return {
    read,
    // A monitor changed state in this process: the next read goes to the store.
    invalidate: () => {
      cached = undefined;
    },
  };
}
