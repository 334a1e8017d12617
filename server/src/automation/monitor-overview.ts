import type { MonitorStore } from '../domain/automation-store.ts';
import type { MonitorOverview } from '../domain/monitors/monitor-bars.ts';

/**
 * Monitors, their states and probe counts as the public status shows them at `t`. Read once per
 * snapshot view (the status JSON and pages of one view share it), never per request.
 */
export async function readMonitorOverview(
  monitors: MonitorStore,
  t: number,
  timeZone: string,
): Promise<MonitorOverview> {
  const list = await monitors.listMonitors();
  if (list.length === 0) return { monitors: [], states: new Map(), stats: new Map(), now: t, timeZone };
  const [states, stats] = await Promise.all([monitors.listMonitorStates(), monitors.probeStats(t)]);
  return {
    monitors: list,
    states: new Map(states.map((s) => [s.monitorId, s])),
    stats: new Map(stats.map((s) => [s.monitorId, s])),
    now: t,
    timeZone,
  };
}
