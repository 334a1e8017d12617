import { isoInZone } from '../../../../contract/local-time.ts';
import type { Monitor } from '../../../../contract/monitor.ts';
import type { BarCell, StatusMonitor } from '../../../../contract/status.ts';
import { targetsBase } from '../active-message.ts';
import type { ProbeBucket, ProbeStats } from '../automation-store.ts';
import type { MonitorState } from './monitor-state.ts';
import { uptimePercent } from './monitor-status.ts';

const HOUR_MS = 60 * 60 * 1000;
export const DAY_CELLS = 24;
export const WEEK_CELLS = 28;
export const DAY_CELL_MS = HOUR_MS;
export const WEEK_CELL_MS = 6 * HOUR_MS;

/** The start of the cell of `size` that holds `now`, counted in UTC (the cells of every base line up). */
export function cellStart(now: number, size: number): number {
  return Math.floor(now / size) * size;
}

/** Starts of the `count` cells of `size` ending with the one that holds `now`, oldest first. */
export function cellStarts(now: number, size: number, count: number): number[] {
  const last = cellStart(now, size);
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * size);
}

function cell(start: number, ok: number, total: number, zone: string): BarCell {
  const state = total === 0 ? 'none' : ok === total ? 'up' : ok === 0 ? 'down' : 'partial';
  const uptime = uptimePercent([{ start, ok, total }]);
  return { start: isoInZone(start, zone), state, ...(uptime !== undefined && { uptime }) };
}

/** One bar from the buckets of several monitors: a cell sums their probes. */
export function combineBar(
  starts: readonly number[],
  sets: readonly (readonly ProbeBucket[])[],
  zone: string,
): BarCell[] {
  return starts.map((start) => {
    let ok = 0;
    let total = 0;
    for (const buckets of sets) {
      const found = buckets.find((b) => b.start === start);
      if (found) {
        ok += found.ok;
        total += found.total;
      }
    }
    return cell(start, ok, total, zone);
  });
}

export interface MonitorOverview {
  monitors: readonly Monitor[];
  states: ReadonlyMap<string, MonitorState>;
  stats: ReadonlyMap<string, ProbeStats>;
  now: number;
  timeZone: string;
}

/** What the status page and `/api/status` say about the monitors of `baseKey`; undefined when none watch it. */
export function baseMonitors(
  baseKey: string,
  overview: MonitorOverview,
): { monitors: StatusMonitor[]; bars: { day: BarCell[]; week: BarCell[] } } | undefined {
  const watching = overview.monitors.filter((m) => m.enabled && targetsBase(m, baseKey));
  if (watching.length === 0) return undefined;
  const { states, stats, timeZone, now } = overview;
  const monitors = watching.map((m): StatusMonitor => {
    const state = states.get(m.id);
    const s = stats.get(m.id);
    const day = s && uptimePercent(s.hours);
    const week = s && uptimePercent(s.quarters);
    return {
      name: m.name,
      state: state?.state ?? 'unknown',
      ...(state?.since !== undefined && { since: isoInZone(state.since, timeZone) }),
      ...(day !== undefined && { uptime24h: day }),
      ...(week !== undefined && { uptime7d: week }),
    };
  });
  const sets = (pick: (s: ProbeStats) => ProbeBucket[]) =>
    watching.flatMap((m) => {
      const s = stats.get(m.id);
      return s ? [pick(s)] : [];
    });
  return {
    monitors,
    bars: {
      day: combineBar(
        cellStarts(now, DAY_CELL_MS, DAY_CELLS),
        sets((s) => s.hours),
        timeZone,
      ),
      week: combineBar(
        cellStarts(now, WEEK_CELL_MS, WEEK_CELLS),
        sets((s) => s.quarters),
        timeZone,
      ),
    },
  };
}
